// Changes other planners save appear without a reload: the service streams each committed change
// as a server-sent event (GET /api/changes: collection, id, version), and the page fetches that
// feature again — or takes it off the map when the store no longer has it. A change without an id
// (an import, a rule change) reloads the collections it touches. EventSource reconnects by itself
// and sends the id of the last event it saw (Last-Event-ID), so the service replays what was
// missed while the connection was down.
//
// For tests and scripts: data-live on <body> is "connecting", "on" or "reconnecting";
// data-last-change is "collection/id/version" of the last change applied to the map.

import { fetchCollection } from './ogc.js';
import { dropFeature, putFeature, readFeature } from './features.js';

// what else to reload when a collection changes: the layers the service derives from it
const DERIVED_FROM = {
  'heat-sources': ['heating-radii'],
  rules: ['heating-radii', 'border-buffers', 'border-lines', 'ban-zones'],
};

/**
 * Follows the change stream into the layers of `state.layers`; events that arrive before `loaded`
 * resolves wait for it.
 */
export function followChanges(state, loaded) {
  document.body.dataset.live = 'connecting';
  const source = new EventSource(new URL('api/changes', document.baseURI));
  let queue = loaded;
  source.addEventListener('ready', () => { document.body.dataset.live = 'on'; });
  source.addEventListener('change', (event) => {
    document.body.dataset.live = 'on';
    const change = JSON.parse(event.data);
    // one at a time, in the order the store committed them
    queue = queue.then(() => apply(state, change)).catch((error) => console.warn('airzone: live change not applied:', change, error));
  });
  source.addEventListener('error', () => { document.body.dataset.live = 'reconnecting'; });
  return source;
}

async function apply(state, change) {
  const collection = change.collection ?? 'rules';
  const group = state.layers[collection];
  if (group && change.id !== undefined && change.id !== null) {
    const editing = state.editor?.noticeChange(change);
    if (!editing) {
      const current = await readFeature(collection, change.id);
      if (current) putFeature(group, current.feature);
      else dropFeature(group, change.id);
    }
  } else if (group) {
    await reload(state, collection);
  }
  for (const derived of DERIVED_FROM[collection] ?? []) await reload(state, derived);
  document.body.dataset.lastChange = `${collection}/${change.id ?? ''}/${change.version ?? ''}`;
}

async function reload(state, collection) {
  const group = state.layers[collection];
  if (!group) return;
  const fresh = await fetchCollection(collection);
  group.clearLayers();
  group.addData(fresh);
  if (state.editor?.busy()) {
    // the feature in the editor stays off its layer
    for (const f of fresh.features) if (state.editor.isEditing(collection, f.id)) dropFeature(group, f.id);
  }
}
