// What the map page knows while it runs, kept apart from the code that builds the page (main.js):
// main.js creates one state with createState() and hands it to whatever reads or changes it, so
// nothing hides mutable state at module level and a test can build a state of its own.

import { contains } from './geometry.js';

export function createState() {
  return {
    loaded: [], // ids of the collections on the map, in the order they were drawn
    failures: [], // "id: message" of every collection that could not be loaded
    counts: {}, // features drawn per overlay, shown in the layer switcher
    rules: null, // the rule book, for document titles and rule names in popups (null while it loads)
    districts: null, // the district FeatureCollection, once it has arrived
    labels: null, // the district and city name layer
    legend: null, // the legend control
    layers: {}, // collection id → its GeoJSON layer on the map (heat sources and the overlays)
    editor: null, // the workbench's editor while a feature is in hand (workbench/editor.js)
    desk: null, // the side panel's tabs: { open(tabId), close() } (desk.js)
  };
}

/** The district feature under a point, or null. */
export function districtFeatureAt(state, { lat, lng }) {
  return state.districts?.features.find((d) => d.geometry && contains(d.geometry, [lng, lat])) ?? null;
}

/** The properties of the district under a point (for "where is this" in zone popups), or null. */
export function districtAt(state, latlng) {
  return districtFeatureAt(state, latlng)?.properties ?? null;
}
