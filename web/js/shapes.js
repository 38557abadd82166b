// The service's shape helpers (POST /api/shapes/…): geometry a planner builds from what is already
// on the map, computed on the server in metric projections with the full-precision boundaries, so
// that a zone made of districts shares their borders exactly and a circle has its true radius.

import { post } from './api.js';

/** The union of districts (or of features of another polygon collection) as a Feature. */
export async function unionOf(ids, collection = 'districts') {
  return (await post('api/shapes/union', { collection, ids })).body;
}

/** `geometry` clipped to the union of the given features; a 422 when they do not overlap. */
export async function clipTo(geometry, ids, collection = 'districts') {
  return (await post('api/shapes/clip', { geometry, collection, ids })).body;
}

/** A polygon at `radiusM` metres (geodesically) around [lon, lat]. */
export async function circle(center, radiusM) {
  return (await post('api/shapes/circle', { center, radius_m: radiusM })).body;
}
