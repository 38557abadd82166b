// The drawing and editing tools on the map, from Leaflet-Geoman (README "Web page" says why this
// library): draw polygon, rectangle, circle or point; edit vertices, drag, cut a hole, delete.
//
// Opt-in mode: Geoman edits nothing unless a layer says `pmIgnore: false`, so the base layers stay
// read-only. Snapping still takes the districts and zones: their paths carry `snapIgnore: false`
// (SNAP_TARGET). While the pointer is snapped, a ring marks the vertex or edge point it holds
// (the snap indicator planners look for when they trace a boundary).

import * as L from 'leaflet';
import './leaflet-global.js';
import 'leaflet-geoman';
import { language } from './messages.js';

const PM = globalThis.L.PM;
PM.setOptIn(true);

/** Path options that make a layer a snap target without making it editable. */
export const SNAP_TARGET = { snapIgnore: false };

/** The Geoman shapes behind each tool of the workbench. */
export const DRAW_SHAPES = { polygon: 'Polygon', rectangle: 'Rectangle', circle: 'Circle', point: 'Marker' };

const SNAP = { snappable: true, snapDistance: 14, snapSegment: true, snapMiddle: false };

// map → who gets the drawing in progress when it was started for someone other than initDrawing's
// onCreate (the screening tab's site polygon); one drawing at a time, so one entry per map
const claims = new WeakMap();

/** Sets the map's drawing defaults and the snap indicator; `onCreate(layer, tool)` gets each finished shape. */
export function initDrawing(map, onCreate) {
  map.pm.setLang(language() === 'zh' ? 'zh' : 'en');
  map.pm.setGlobalOptions({
    ...SNAP,
    pmIgnore: false,
    allowSelfIntersection: false,
    templineStyle: { color: '#0b61a4', weight: 2 },
    hintlineStyle: { color: '#0b61a4', dashArray: '4 4' },
    // pmIgnore: false on the finished shape too, or opt-in mode would leave it without tools
    pathOptions: { color: '#0b61a4', weight: 2.5, fillOpacity: 0.15, pmIgnore: false },
  });
  const indicator = L.circleMarker([0, 0], {
    radius: 9, weight: 3, color: '#ff6d00', fill: false, interactive: false, pmIgnore: true, snapIgnore: true,
    className: 'az-snap-indicator',
  });
  const showSnap = (e) => {
    indicator.setLatLng(e.snapLatLng).addTo(map);
    map.getContainer().dataset.snapped = 'true';
  };
  const hideSnap = () => {
    indicator.remove();
    delete map.getContainer().dataset.snapped;
  };
  map.on('pm:drawstart', ({ workingLayer }) => {
    workingLayer.on('pm:snap', showSnap);
    workingLayer.on('pm:unsnap', hideSnap);
  });
  map.on('pm:drawstart', () => takeClicks(map, true));
  map.on('pm:drawend', () => {
    hideSnap();
    takeClicks(map, false);
  });
  map.on('pm:globalcutmodetoggled', ({ enabled }) => takeClicks(map, enabled));
  map.on('pm:create', ({ layer, shape }) => {
    const tool = Object.keys(DRAW_SHAPES).find((k) => DRAW_SHAPES[k] === shape);
    const claimed = claims.get(map);
    claims.delete(map);
    (claimed ?? onCreate)(layer, tool);
  });
  return { showSnap, hideSnap };
}

/**
 * While the workbench takes clicks from the map (drawing, cutting, picking districts, choosing the
 * district to clip to), the layers let them through: a click on a zone would otherwise open its
 * popup and never reach the map (app.css, .az-taking-clicks).
 */
export function takeClicks(map, on) {
  map.getContainer().classList.toggle('az-taking-clicks', on);
}

/**
 * Starts drawing with one of DRAW_SHAPES' tools (Escape or another tool ends it). The finished
 * shape goes to `onCreate(layer, tool)` when given, else to initDrawing's.
 */
export function startDrawing(map, tool, onCreate = null) {
  if (onCreate) claims.set(map, onCreate);
  else claims.delete(map);
  map.pm.enableDraw(DRAW_SHAPES[tool], { ...SNAP, continueDrawing: false });
}

export function stopDrawing(map) {
  map.pm.disableDraw();
  map.pm.disableGlobalCutMode();
}

/** Vertex editing of the one shape being edited (snapping while a vertex moves, with the indicator). */
export function editVertices(layer, snap) {
  layer.pm.enable({ ...SNAP, allowSelfIntersection: false, draggable: false });
  layer.off('pm:snap pm:unsnap');
  layer.on('pm:snap', snap.showSnap);
  layer.on('pm:unsnap', snap.hideSnap);
}

export function dragShape(layer) {
  layer.pm.disable();
  layer.pm.enableLayerDrag();
}

export function stopEditing(layer) {
  layer.pm.disable();
  layer.pm.disableLayerDrag();
}

/** Cut mode: the next polygon drawn is cut out of the shape (a hole, or a bite off its rim). */
export function cutHole(map) {
  map.pm.enableGlobalCutMode({ ...SNAP, allowSelfIntersection: false });
}
