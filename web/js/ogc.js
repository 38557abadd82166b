// Reading collections from the service's own OGC API - Features endpoint (/ogc).
//
// URLs are resolved against the page, not the host root, so the page keeps working when a
// reverse proxy publishes the service under a sub-path.

const PAGE_SIZE = 10000; // the server's maximum `limit`: one request for every base layer we ship

/**
 * Every feature of a collection as one GeoJSON FeatureCollection. Follows `next` links while the
 * server reports more matches than we have, so a layer that outgrows one page still draws whole.
 */
export async function fetchCollection(collectionId) {
  let url = new URL(`ogc/collections/${encodeURIComponent(collectionId)}/items?limit=${PAGE_SIZE}`,
      document.baseURI);
  const features = [];
  let numberMatched;
  while (url) {
    const page = await fetchJson(url);
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
  return fetchJson(new URL('api/config', document.baseURI));
}

async function fetchJson(url) {
  const response = await fetch(url, { headers: { Accept: 'application/geo+json, application/json' } });
  if (!response.ok) {
    // the service answers errors as {status, error, detail}; show its words, not just the code
    let detail = '';
    try {
      const body = await response.json();
      detail = body.detail ?? body.error ?? '';
    } catch {
      // not JSON: the status line is all we have
    }
    throw new Error(`${url.pathname}: HTTP ${response.status}${detail ? ` — ${detail}` : ''}`);
  }
  return response.json();
}

/** The rule book: rules with their parameters and citations, and the titles of the documents. */
export function fetchRules() {
  return fetchJson(new URL('api/rules', document.baseURI));
}
