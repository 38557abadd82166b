// Every request the page makes to the service goes through here, so that all of them resolve URLs
// the same way, carry the CSRF token of a cookie session on writes, pass ETags for optimistic
// locking, and turn the service's JSON errors ({status, error, detail}) into one kind of failure
// (ApiError) with a message a planner can read.
//
// URLs are resolved against the page, not the host root, so the page keeps working when a reverse
// proxy publishes the service under a sub-path.

import { hasMessage, t } from './messages.js';

const SAFE_METHODS = new Set(['GET', 'HEAD']);

let csrfToken = null;

/** The CSRF token of the signed-in cookie session (session.js sets it; null when signed out). */
export function setCsrfToken(token) {
  csrfToken = token ?? null;
}

/** The CSRF token of the signed-in cookie session, for requests made outside request() (file uploads); null when signed out. */
export function currentCsrfToken() {
  return csrfToken;
}

/** A request that failed: `status` 0 when the service could not be reached at all. */
export class ApiError extends Error {
  constructor({ status, error = '', detail = '', path = '', retryAfter = null }) {
    super(describeFailure({ status, error, detail, path, retryAfter }));
    this.name = 'ApiError';
    Object.assign(this, { status, error, detail, path, retryAfter });
  }
}

/**
 * The planner's words for a failed request: a sentence for the status in the page's language, then
 * the service's own `detail`, which says what went wrong in the case at hand, and last the status
 * and path, for whoever has to look into it.
 */
export function describeFailure({ status, error = '', detail = '', path = '', retryAfter = null }) {
  if (status === 0) return t('error.unreachable', { detail });
  const sentence = hasMessage(`error.${status}`) ? t(`error.${status}`) : t('error.other');
  const said = detail || error;
  const retry = retryAfter !== null ? t('error.retry', { wait: waitText(retryAfter) }) : '';
  return `${sentence}${said ? ` — ${said}` : ''}${retry} [HTTP ${status}${path ? ` ${path}` : ''}]`;
}

/**
 * Retry-After (seconds) as the wait in a sentence ("请 30 秒后再试", "try again in 30 s"), in minutes
 * once it is more than a minute and a half.
 */
export function waitText(seconds) {
  if (!Number.isFinite(seconds) || seconds <= 0) return t('wait.vague');
  if (seconds < 90) return t('wait.seconds', { n: seconds });
  return t('wait.minutes', { n: Math.ceil(seconds / 60) });
}

/**
 * Sends one request. `body` (any JSON value) is sent as JSON — a file (Blob) or FormData as it is,
 * with `contentType` for a Blob; `ifMatch` is the ETag the change is based on. Resolves to
 * {status, body (parsed JSON, or null), etag}; rejects with an ApiError.
 */
export async function request(method, path, { body, ifMatch, accept = 'application/json', contentType } = {}) {
  const url = new URL(path, document.baseURI);
  const headers = { Accept: accept };
  const raw = body instanceof Blob || body instanceof FormData; // FormData sets its own multipart boundary
  if (body !== undefined && !raw) headers['Content-Type'] = 'application/json';
  if (contentType) headers['Content-Type'] = contentType;
  if (ifMatch) headers['If-Match'] = ifMatch;
  if (csrfToken && !SAFE_METHODS.has(method)) headers['X-CSRF-Token'] = csrfToken;
  let response;
  try {
    response = await fetch(url, { method, headers, body: body === undefined || raw ? body : JSON.stringify(body) });
  } catch (failure) {
    throw new ApiError({ status: 0, detail: failure.message, path: url.pathname });
  }
  const parsed = await jsonOf(response);
  if (!response.ok) {
    throw new ApiError({
      status: response.status,
      error: parsed?.error ?? '',
      detail: parsed?.detail ?? '',
      path: url.pathname,
      retryAfter: secondsOf(response.headers.get('Retry-After')),
    });
  }
  return { status: response.status, body: parsed, etag: response.headers.get('ETag') };
}

/** GET a JSON (or GeoJSON) document; resolves to its body. */
export async function getJson(path, accept = 'application/json') {
  return (await request('GET', path, { accept })).body;
}

export const post = (path, body, options = {}) => request('POST', path, { ...options, body });
export const put = (path, body, options = {}) => request('PUT', path, { ...options, body });
export const remove = (path, options = {}) => request('DELETE', path, options);

async function jsonOf(response) {
  if (response.status === 204) return null;
  try {
    return await response.json();
  } catch {
    return null; // not JSON (a proxy's error page, an empty body): the status is all there is
  }
}

function secondsOf(header) {
  const seconds = Number.parseInt(header ?? '', 10);
  return Number.isFinite(seconds) ? seconds : null;
}
