// One feature being drawn or edited: its shape on the map (editable with the drawing tools), its
// attribute form, and the save through OGC API Part 4 with If-Match.
//
// Nothing the planner typed or drew is lost on a failed save: the shape and the form stay as they
// are and the reason shows in the panel (in the planner's language, then the service's detail).
// A refused shape turns red on the map with the reason on it; an expired session asks for a new
// sign-in and the planner saves again; a 412 opens the conflict view (conflict.js). The feature
// being edited is taken off its layer while the editor holds it, so the map never shows it twice.
//
// For tests and scripts: data-editor on <body> is "new", "editing", "saving", "conflict" or absent;
// data-saved holds "collection/id/version" of the last save.

import * as L from 'leaflet';
import { ApiError } from '../api.js';
import { signInAgain } from '../session.js';
import { t } from '../messages.js';
import { deleteFeature, dropFeature, editableLayer, putFeature, saveFeature, schemaOf } from '../features.js';
import { cutHole, dragShape, editVertices, stopEditing, takeClicks } from '../drawing.js';
import { clipTo } from '../shapes.js';
import { attributeForm, fieldLabel } from './form.js';
import { fieldsOf, missingRequired, propertiesFrom, storedProperties } from './schema-form.js';
import { showConflict } from './conflict.js';
import { showHistory } from './history.js';
import { button, clearMessage, showMessage } from './ui.js';

export const EDIT_STYLE = { color: '#0b61a4', weight: 2.5, opacity: 1, fillColor: '#0b61a4', fillOpacity: 0.15, dashArray: null };
const REFUSED_STYLE = { color: '#d7191c', weight: 3, dashArray: '6 3', fillColor: '#d7191c', fillOpacity: 0.2 };

/**
 * The editor of the workbench panel. `context`: {map, state, container (the panel's editor
 * section), snap (drawing.js's indicator), districtFeatureAt(latlng)}.
 */
export function createEditor(context) {
  const { map, state, container } = context;
  const schemas = {};
  let session = null;

  async function fieldsFor(collection) {
    schemas[collection] ??= schemaOf(collection).then(fieldsOf);
    try {
      return await schemas[collection];
    } catch (error) {
      delete schemas[collection];
      throw error;
    }
  }

  /** Starts editing a feature read from the store ({feature, etag}). */
  async function openExisting(collection, feature, etag) {
    if (session && !close()) return;
    const fields = await fieldsFor(collection);
    const group = state.layers[collection];
    dropFeature(group, feature.id);
    const layer = editableLayer(feature.geometry, EDIT_STYLE).addTo(map);
    begin({ collection, id: feature.id, etag, base: feature, layer, fields, properties: feature.properties });
  }

  /** Starts a new feature from a shape on the map (drawn, or made by the service), with starting properties. */
  async function openNew(collection, layer, properties = {}) {
    if (session && !close()) {
      layer.remove();
      return;
    }
    let fields;
    try {
      fields = await fieldsFor(collection);
    } catch (error) {
      layer.remove();
      throw error;
    }
    layer.setStyle?.(EDIT_STYLE);
    layer.addTo(map);
    begin({ collection, id: null, etag: null, base: null, layer, fields, properties });
  }

  function begin(s) {
    session = { ...s, kept: storedProperties(s.properties) };
    state.editor = api;
    render();
    editVertices(session.layer, context.snap);
    setMode(session.id ? 'editing' : 'new');
    session.ui.focusFirst();
  }

  function render() {
    const s = session;
    const title = document.createElement('h2');
    title.className = 'wb-title';
    title.textContent = s.id
      ? t('editor.editTitle', { layer: t(`layer.${s.collection}`), name: s.properties.name ?? s.id })
      : t('editor.newTitle', { layer: t(`layer.${s.collection}`) });
    const { form, read, fill, focus } = attributeForm(s.fields, s.properties, `wb-${s.collection}`);
    form.addEventListener('submit', (e) => { e.preventDefault(); save(); });
    const tools = document.createElement('div');
    tools.className = 'wb-shape-tools';
    tools.setAttribute('role', 'toolbar');
    tools.setAttribute('aria-label', t('editor.shapeTools'));
    const isPoint = s.layer instanceof L.Marker;
    tools.append(button(t('tool.vertices'), 'tool-vertices', () => editVertices(s.layer, context.snap)));
    tools.append(button(t('tool.drag'), 'tool-drag', () => dragShape(s.layer)));
    if (!isPoint) {
      tools.append(button(t('tool.cut'), 'tool-cut', () => { cutHole(map); showMessage(message, t('editor.cutHint'), 'hint'); }));
      tools.append(button(t('tool.clip'), 'tool-clip', () => startClip()));
    }
    const message = document.createElement('div');
    message.className = 'wb-message';
    message.dataset.testid = 'editor-message';
    message.setAttribute('role', 'alert');
    const side = document.createElement('div');
    side.className = 'wb-side';
    const actions = document.createElement('div');
    actions.className = 'wb-actions';
    const saveButton = button(t('editor.save'), 'editor-save', () => save(), 'primary');
    actions.append(saveButton, button(t('editor.cancel'), 'editor-cancel', () => close(true)));
    if (s.id) {
      actions.append(button(t('editor.history'), 'editor-history', () => history()));
      actions.append(button(t('editor.delete'), 'editor-delete', (e) => confirmDelete(e.currentTarget)));
    }
    // what just happened (a refusal, the conflict view, the history) comes first, above the form
    container.replaceChildren(title, message, side, tools, form, actions);
    container.hidden = false;
    s.ui = { read, fill, focus, message, side, saveButton, focusFirst: () => focus(s.fields[0]?.name) };
  }

  function setMode(mode) {
    if (mode) document.body.dataset.editor = mode;
    else delete document.body.dataset.editor;
  }

  function currentFeature() {
    const s = session;
    const properties = propertiesFrom(s.fields, s.ui.read(), s.kept);
    // full precision: Leaflet would round to 6 decimals, and a snapped vertex must stay the vertex it snapped to
    const geometry = s.layer.toGeoJSON(false).geometry;
    return { type: 'Feature', ...(s.id ? { id: s.id } : {}), geometry, properties };
  }

  /** Saves what the editor holds; on any failure everything stays as the planner left it. */
  async function save({ etag } = {}) {
    const s = session;
    if (!s) return;
    const feature = currentFeature();
    const missing = missingRequired(s.fields, feature.properties);
    if (missing.length) {
      showMessage(s.ui.message, t('editor.missing', { fields: missing.map(fieldLabel).join(t('list.separator')) }), 'error');
      s.ui.focus(missing[0]);
      return;
    }
    clearMessage(s.ui.message);
    if (s.refused) {
      s.layer.setStyle?.(EDIT_STYLE);
      s.layer.unbindTooltip?.();
      s.refused = false;
    }
    s.ui.saveButton.disabled = true;
    setMode('saving');
    try {
      const saved = await saveFeature(s.collection, feature, etag ?? s.etag);
      finishSave(s, saved);
    } catch (error) {
      if (session !== s) return;
      setMode(s.id ? 'editing' : 'new');
      await failedSave(s, feature, error);
    } finally {
      s.ui.saveButton.disabled = false;
    }
  }

  function finishSave(s, saved) {
    const id = saved.feature.id;
    document.body.dataset.saved = `${s.collection}/${id}/${saved.etag?.replace(/\W/g, '')}`;
    const repairs = saved.repairs;
    end();
    putFeature(state.layers[s.collection], saved.feature);
    context.onSaved?.(s.collection, saved.feature);
    const note = repairs.length
      ? t('editor.savedWithRepairs', { repairs: repairs.join(t('list.separator')) })
      : t('editor.saved', { name: saved.feature.properties?.name ?? id });
    context.announce(note, repairs.length ? 'warning' : 'ok', repairs.length ? 'editor-repairs' : 'editor-saved');
  }

  async function failedSave(s, feature, error) {
    if (!(error instanceof ApiError)) throw error;
    if (error.status === 412) {
      setMode('conflict');
      await showConflict({ map, session: s, mine: feature, ui: s.ui, reload: (current) => reloadFrom(s, current), reapply: (etag) => save({ etag }), saveAsNew: () => saveAsNew(s) });
      return;
    }
    if (error.status === 401) {
      showMessage(s.ui.message, t('editor.signInAgain'), 'error');
      await signInAgain();
      if (session === s) showMessage(s.ui.message, t('editor.signedInSaveAgain'), 'hint');
      return;
    }
    if (error.status === 400 || error.status === 422) {
      s.layer.setStyle?.(REFUSED_STYLE);
      s.layer.bindTooltip?.(error.detail || error.message, { permanent: true, className: 'az-refused', direction: 'center' }).openTooltip?.();
      s.refused = true;
    }
    showMessage(s.ui.message, error.message, 'error');
  }

  /** The planner takes the other planner's version and starts again from it (their own edit is dropped). */
  function reloadFrom(s, current) {
    setGeometry(current.feature.geometry);
    Object.assign(s, { etag: current.etag, base: current.feature, properties: current.feature.properties, kept: storedProperties(current.feature.properties) });
    s.ui.fill(current.feature.properties);
    clearMessage(s.ui.message);
    s.ui.side.replaceChildren();
    setMode('editing');
  }

  /** The feature was deleted meanwhile: the planner's edit becomes a new feature. */
  function saveAsNew(s) {
    Object.assign(s, { id: null, etag: null });
    s.ui.side.replaceChildren();
    setMode('new');
    return save();
  }

  async function confirmDelete(deleteButton) {
    const s = session;
    if (deleteButton.dataset.armed !== 'true') {
      deleteButton.dataset.armed = 'true';
      deleteButton.textContent = t('editor.confirmDelete');
      return;
    }
    try {
      await deleteFeature(s.collection, s.id, s.etag);
      end();
      context.onSaved?.(s.collection, null);
      context.announce(t('editor.deleted', { name: s.properties.name ?? s.id }), 'ok', 'editor-deleted');
    } catch (error) {
      if (error instanceof ApiError && error.status === 412) return failedSave(s, currentFeature(), error);
      showMessage(s.ui.message, error.message, 'error');
    }
  }

  function history() {
    const s = session;
    return showHistory({ map, session: s, ui: s.ui, restored: (feature, etag) => { end(); putFeature(state.layers[s.collection], feature); openExisting(s.collection, feature, etag); } });
  }

  /** Clip to district: the next click on the map names the district the shape is cut to. */
  function startClip() {
    const s = session;
    showMessage(s.ui.message, t('editor.clipHint'), 'hint');
    takeClicks(map, true);
    map.once('click', async (e) => {
      takeClicks(map, false);
      const district = context.districtFeatureAt(e.latlng);
      if (!district || session !== s) return clearMessage(s.ui.message);
      try {
        const clipped = await clipTo(currentFeature().geometry, [district.id]);
        setGeometry(clipped.geometry);
        showMessage(s.ui.message, t('editor.clipped', { district: district.properties.name }), 'ok');
      } catch (error) {
        showMessage(s.ui.message, error.message, 'error');
      }
    });
  }

  /** Replaces the shape being edited (a clip, a union), keeping the form. */
  function setGeometry(geometry) {
    const s = session;
    stopEditing(s.layer);
    s.layer.remove();
    s.layer = editableLayer(geometry, EDIT_STYLE).addTo(map);
    editVertices(s.layer, context.snap);
  }

  /** Closes the editor; `discard` asks nothing. A feature being edited goes back on its layer as it was. */
  function close(discard = false) {
    const s = session;
    if (!s) return true;
    if (!discard && !window.confirm(t('editor.discardChanges'))) return false;
    end();
    if (s.base) putFeature(state.layers[s.collection], s.base);
    return true;
  }

  function end() {
    const s = session;
    stopEditing(s.layer);
    s.layer.remove();
    s.ui.side.replaceChildren();
    map.pm.disableGlobalCutMode();
    session = null;
    state.editor = null;
    container.replaceChildren();
    container.hidden = true;
    setMode(null);
  }

  /** The cut tool gives the shape a new layer; the editor follows it. */
  map.on('pm:cut', ({ layer, originalLayer }) => {
    if (session && originalLayer === session.layer) {
      session.layer = layer;
      layer.setStyle?.(EDIT_STYLE);
      editVertices(layer, context.snap);
      clearMessage(session.ui.message);
      map.pm.disableGlobalCutMode();
    }
  });

  /** A change another planner saved to the feature being edited: say so now, not only at the 412. */
  function noticeChange(change) {
    const s = session;
    if (!s || !s.id || change.collection !== s.collection || String(change.id) !== String(s.id)) return false;
    if (`"v${change.version}"` === s.etag) return true;
    showMessage(s.ui.message, t('editor.changedMeanwhile', { user: change.user ?? '?' }), 'warning');
    return true;
  }

  const api = {
    openExisting, openNew, noticeChange,
    isEditing: (collection, id) => Boolean(session?.id) && session.collection === collection && String(session.id) === String(id),
    busy: () => session !== null,
  };
  return api;
}

