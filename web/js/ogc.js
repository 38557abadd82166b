// Reading collections from the service's own OGC API - Features endpoint (/ogc), and the page's
// other read-only documents. Requests and their errors are api.js's.

import { getJson } from './api.js';

const PAGE_SIZE = 10000; // the server's maximum `limit`: one request for every base layer we ship
const GEOJSON = 'application/geo+json, application/json';

/**
 * Every feature of a collection as one GeoJSON FeatureCollection. Follows `next` links while the
 * server reports more matches than we have, so a layer that outgrows one page still draws whole.
 * `simplify` (metres, one of the service's levels; detail.js) asks for district or province
 * outlines simplified for drawing; 0 for the stored geometry.
 */
export async function fetchCollection(collectionId, simplify = 0) {
  const detail = simplify ? `&simplify=${simplify}` : '';
  let url = new URL(`ogc/collections/${encodeURIComponent(collectionId)}/items?limit=${PAGE_SIZE}${detail}`,
      document.baseURI);
  const features = [];
  let numberMatched;
  while (url) {
    const page = await getJson(url, GEOJSON);
    features.push(...(page.features ?? []));
    numberMatched ??= page.numberMatched;
    const next = (page.links ?? []).find((link) => link.rel === 'next');
    const more = numberMatched === undefined || features.length < numberMatched;
    // an empty page with a next link would loop forever; stop instead
    url = next && more && (page.features ?? []).length > 0 ? new URL(next.href, url) : null;
  }
  return { type: 'FeatureCollection', features, numberMatched: numberMatched ?? features.length };
}

/** The deployment's settings for the page (optional online base map). */
export function fetchConfig() {
  return getJson('api/config');
}

/** The rule book: rules with their parameters and citations, and the titles of the documents. */
export function fetchRules() {
  return getJson('api/rules');
}
