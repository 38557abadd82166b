// Files to and from the service, for the tabs that move bytes rather than JSON (exports, imports,
// batch results): request() in api.js sends JSON and parses JSON answers, so these talk to fetch
// directly, with the same ApiError for every failure.

import { ApiError } from './api.js';

/**
 * fetch(url, init), resolving to the response when it is a success; rejects with an ApiError —
 * status 0 when the service could not be reached — whose `body` is the parsed JSON answer, if any
 * (an import's refusal holds its report there).
 */
export async function fetchOk(url, init = {}) {
  let response;
  try {
    response = await fetch(url, init);
  } catch (failure) {
    throw new ApiError({ status: 0, detail: failure.message, path: url.pathname });
  }
  if (response.ok) return response;
  let body = null;
  try {
    body = await response.json();
  } catch {
    // no JSON (a proxy's page): the status says it
  }
  const error = new ApiError({
    status: response.status,
    error: body?.error ?? '',
    detail: body?.detail ?? '',
    path: url.pathname,
    retryAfter: Number.parseInt(response.headers.get('Retry-After') ?? '', 10) || null,
  });
  error.body = body;
  throw error;
}

/** Hands `blob` to the browser as a download named `name`. */
export function saveBlob(blob, name) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // the browser has taken the URL once click() returns; it still needs the blob a moment longer
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
