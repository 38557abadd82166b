// Reading and writing single features of the OGC API (Part 4, with ETags), and keeping a layer on
// the map in step with what the store holds.

import * as L from 'leaflet';
import { getJson, put, post, remove, request } from './api.js';

const GEOJSON = 'application/geo+json, application/json';
const items = (collection) => `ogc/collections/${encodeURIComponent(collection)}/items`;

/** The current version of a feature: {feature, etag}; null when the store no longer has it. */
export async function readFeature(collection, id) {
  try {
    const { body, etag } = await request('GET', `${items(collection)}/${encodeURIComponent(id)}`, { accept: GEOJSON });
    return { feature: body, etag };
  } catch (error) {
    if (error.status === 404) return null;
    throw error;
  }
}

/** Creates (no id) or replaces (id, with the ETag it is based on). Resolves to {feature, etag, repairs}. */
export async function saveFeature(collection, feature, etag) {
  const answer = feature.id === undefined || feature.id === null
    ? await post(items(collection), feature)
    : await put(`${items(collection)}/${encodeURIComponent(feature.id)}`, feature, { ifMatch: etag });
  return { feature: answer.body, etag: answer.etag, repairs: answer.body?.['airzone:repairs'] ?? [] };
}

export async function deleteFeature(collection, id, etag) {
  await remove(`${items(collection)}/${encodeURIComponent(id)}`, { ifMatch: etag });
}

export function schemaOf(collection) {
  return getJson(`ogc/collections/${encodeURIComponent(collection)}/schema`, 'application/schema+json, application/json');
}

/** Puts `feature` into the GeoJSON layer `group`, replacing the feature with the same id. */
export function putFeature(group, feature) {
  dropFeature(group, feature.id);
  group.addData(feature);
}

/** Takes the feature with `id` off the GeoJSON layer `group`; true when it was there. */
export function dropFeature(group, id) {
  let dropped = false;
  group.eachLayer((layer) => {
    if (String(layer.feature?.id) === String(id)) {
      group.removeLayer(layer);
      dropped = true;
    }
  });
  return dropped;
}

/** A Leaflet layer for a GeoJSON geometry, editable with the drawing tools. */
export function editableLayer(geometry, style) {
  const layers = L.geoJSON(geometry, { style: () => style, pointToLayer: (f, latlng) => L.marker(latlng, { pmIgnore: false }), pmIgnore: false }).getLayers();
  return layers[0];
}
