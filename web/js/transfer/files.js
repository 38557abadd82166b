// Files to and from the service: an export as a download, an upload as the raw request body (what
// POST /api/import/{collection} reads). request() in api.js sends JSON and parses JSON answers; these
// two need the bytes themselves, and an import's refusal carries its report beside the error, so
// they talk to fetch directly, with api.js's CSRF token and its ApiError for failures.
//
// An expired session (401) asks for the password again (session.js signInAgain) and sends the same
// request once more, so the planner's file and options stay as they are.

import { ApiError, currentCsrfToken } from '../api.js';
import { signInAgain } from '../session.js';
import { attachmentName } from './crs.js';

/**
 * GETs `path` and hands the answer to the browser as a download. Resolves to {name, bytes};
 * rejects with an ApiError (the service's refusal, in the page's words).
 */
export async function download(path, fallbackName) {
  const response = await send(path, { method: 'GET', headers: { Accept: '*/*' } });
  const blob = await response.blob();
  const name = attachmentName(response.headers.get('Content-Disposition')) ?? fallbackName;
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
  return { name, bytes: blob.size };
}

/**
 * POSTs `file` as the raw body to `path`. Resolves to the parsed JSON answer; rejects with an
 * ApiError whose `body` is the parsed answer (an import's refusal holds its report there).
 */
export async function upload(path, file, contentType) {
  const response = await send(path, { method: 'POST', headers: { Accept: 'application/json', 'Content-Type': contentType }, body: file });
  return response.json();
}

async function send(path, init, again = true) {
  const url = new URL(path, document.baseURI);
  const headers = { ...init.headers };
  const csrf = currentCsrfToken();
  if (csrf && init.method !== 'GET') headers['X-CSRF-Token'] = csrf;
  let response;
  try {
    response = await fetch(url, { ...init, headers });
  } catch (failure) {
    throw new ApiError({ status: 0, detail: failure.message, path: url.pathname });
  }
  if (response.ok) return response;
  if (response.status === 401 && again) {
    await signInAgain();
    return send(path, init, false);
  }
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
