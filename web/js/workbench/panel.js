// The workbench panel at the map's top left: the drawing tools for planners, the editor of the
// feature in hand (editor.js) and the line that says what just happened. Hidden for visitors and
// viewers, who cannot write.
//
// Tools: polygon, rectangle, circle (made into a polygon of the true metric radius by the
// service), point (a heat source), and "from districts" (districts.js). The layer a new shape goes
// to is chosen in the panel; a point always goes to the heat sources, the only point layer.

import * as L from 'leaflet';
import { language, t } from '../messages.js';
import { currentUser, onUserChange } from '../session.js';
import { DRAW_SHAPES, initDrawing, startDrawing, stopDrawing } from '../drawing.js';
import { editableLayer } from '../features.js';
import { circle } from '../shapes.js';
import { formatLength } from '../formatting.js';
import { createEditor, EDIT_STYLE } from './editor.js';
import { pickDistricts } from './districts.js';
import { button, showMessage, clearMessage } from './ui.js';

/** Layers a planner draws areas into, in the order the select offers them. */
export const AREA_LAYERS = ['ban-zones', 'built-up-areas', 'industrial-parks', 'control-zones'];

/** Adds the panel to `map`; returns the editor (for popups' "edit" buttons and live changes). */
export function workbench(map, state, districtFeatureAt) {
  const control = L.control({ position: 'topleft' });
  const root = L.DomUtil.create('section', 'workbench');
  root.dataset.testid = 'workbench';
  root.setAttribute('aria-label', t('workbench.title'));
  L.DomEvent.disableClickPropagation(root);
  L.DomEvent.disableScrollPropagation(root);
  control.onAdd = () => root;
  control.addTo(map);

  const tools = document.createElement('div');
  tools.className = 'wb-tools';
  tools.setAttribute('role', 'toolbar');
  tools.setAttribute('aria-label', t('workbench.tools'));
  const layerSelect = document.createElement('select');
  layerSelect.id = 'wb-layer';
  layerSelect.dataset.testid = 'draw-layer';
  for (const id of AREA_LAYERS) layerSelect.add(new Option(t(`layer.${id}`), id));
  const layerLabel = document.createElement('label');
  layerLabel.htmlFor = layerSelect.id;
  layerLabel.textContent = t('workbench.drawInto');
  const toolButtons = Object.keys(DRAW_SHAPES).map((tool) => button(t(`tool.${tool}`), `tool-${tool}`, () => {
    if (editor.busy()) return say(t('workbench.finishFirst'), 'warning');
    clearMessage(announcement);
    startDrawing(map, tool);
  }));
  const fromDistricts = button(t('tool.fromDistricts'), 'tool-from-districts', () => {
    if (editor.busy()) return say(t('workbench.finishFirst'), 'warning');
    stopDrawing(map);
    pickDistricts({
      map, state, container: picker, districtFeatureAt,
      done: (union) => {
        picker.hidden = true;
        const names = union.properties?.names ?? [];
        open(layerSelect.value, editableLayer(union.geometry, EDIT_STYLE), { name: names.join(t('list.separator')) });
      },
      cancelled: () => { picker.hidden = true; },
    });
  });
  tools.append(layerLabel, layerSelect, ...toolButtons, fromDistricts);

  const picker = document.createElement('div');
  picker.hidden = true;
  const editorBox = document.createElement('div');
  editorBox.className = 'wb-editor';
  editorBox.dataset.testid = 'editor';
  editorBox.hidden = true;
  const announcement = document.createElement('div');
  announcement.className = 'wb-message';
  announcement.setAttribute('role', 'status');
  announcement.dataset.testid = 'workbench-message';
  announcement.hidden = true;
  root.append(tools, picker, editorBox, announcement);

  const say = (text, kind, testKind) => {
    showMessage(announcement, text, kind);
    if (testKind) announcement.dataset.event = testKind;
  };
  const snap = initDrawing(map, (layer, tool) => created(layer, tool));
  const editor = createEditor({ map, state, container: editorBox, snap, districtFeatureAt, announce: say });

  const open = (collection, layer, properties) =>
    editor.openNew(collection, layer, properties).catch((error) => say(error.message, 'error'));

  /** A finished drawing: a circle goes to the service for its true metric outline first. */
  async function created(layer, tool) {
    map.removeLayer(layer);
    if (tool === 'point') return open('heat-sources', L.marker(layer.getLatLng(), { pmIgnore: false }), { status: 'planned' });
    if (tool !== 'circle') return open(layerSelect.value, layer, {});
    const center = layer.getLatLng();
    const radius = Math.round(layer.getRadius());
    try {
      const shape = await circle([center.lng, center.lat], radius);
      await open(layerSelect.value, editableLayer(shape.geometry, EDIT_STYLE), {});
      say(t('workbench.circleMade', { radius: formatLength(radius, language()) }), 'hint', 'circle');
      // what the service was asked for, for whoever checks the outline against it
      announcement.dataset.radiusM = String(radius);
      announcement.dataset.center = JSON.stringify([center.lng, center.lat]);
    } catch (error) {
      say(error.message, 'error');
    }
  }

  const showFor = (user) => { root.hidden = !user?.may.includes('planner'); };
  showFor(currentUser());
  onUserChange(showFor);
  return editor;
}
