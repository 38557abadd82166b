// The 412 path: another planner saved the feature after this planner opened it. Both versions are
// shown side by side — on the map (theirs dashed purple over the planner's own shape) and as a
// table of the attributes that differ — and the planner chooses knowingly: take theirs and start
// again from it, or put their own edit over it (a new save with the ETag of theirs). Nothing typed
// is lost until they choose.

import * as L from 'leaflet';
import { t } from '../messages.js';
import { readFeature } from '../features.js';
import { fieldLabel } from './form.js';
import { changedProperties, sameGeometry } from './conflict-diff.js';
import { button, row, showMessage } from './ui.js';
import { storedProperties } from './schema-form.js';

const THEIRS_STYLE = { color: '#7b3294', weight: 3, dashArray: '8 5', fillColor: '#c2a5cf', fillOpacity: 0.25, interactive: false, pmIgnore: true, snapIgnore: true };

export async function showConflict({ map, session, mine, ui, reload, reapply, saveAsNew }) {
  const current = await readFeature(session.collection, session.id);
  const view = document.createElement('section');
  view.className = 'wb-conflict';
  view.dataset.testid = 'conflict';
  const heading = document.createElement('h3');
  view.append(heading);
  let theirsLayer = null;
  const done = () => {
    theirsLayer?.remove();
    view.remove();
  };

  if (!current) {
    heading.textContent = t('conflict.deletedTitle');
    showMessage(ui.message, t('conflict.deleted'), 'warning');
    view.append(actions(button(t('conflict.saveAsNew'), 'conflict-save-new', () => { done(); saveAsNew(); })));
    ui.side.replaceChildren(view);
    return;
  }

  const theirs = current.feature;
  heading.textContent = t('conflict.title', { version: current.etag?.replace(/\W/g, '') ?? '?' });
  theirsLayer = L.geoJSON(theirs, { style: () => THEIRS_STYLE, pmIgnore: true, interactive: false }).addTo(map);
  const table = document.createElement('table');
  table.className = 'wb-diff';
  table.dataset.testid = 'conflict-diff';
  table.append(row(['', t('conflict.mine'), t('conflict.theirs')], true));
  for (const name of changedProperties(mine.properties, storedProperties(theirs.properties))) {
    const tr = row([fieldLabel(name), text(mine.properties[name]), text(theirs.properties?.[name])]);
    tr.dataset.property = name;
    table.append(tr);
  }
  if (!sameGeometry(mine.geometry, theirs.geometry)) {
    const tr = row([t('conflict.shape'), t('conflict.shapeMine'), t('conflict.shapeTheirs')]);
    tr.dataset.property = '@geometry';
    table.append(tr);
  }
  showMessage(ui.message, t('conflict.explain'), 'warning');
  view.append(table, actions(
    button(t('conflict.reload'), 'conflict-reload', () => { done(); reload(current); }),
    button(t('conflict.reapply'), 'conflict-reapply', () => { done(); reapply(current.etag); }, 'primary')));
  ui.side.replaceChildren(view);
}

function actions(...buttons) {
  const div = document.createElement('div');
  div.className = 'wb-actions';
  div.append(...buttons);
  return div;
}

function text(value) {
  if (value === undefined || value === null || value === '') return '—';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

