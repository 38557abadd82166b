// Exports and imports: an export as a download, an upload as the raw request body (what
// POST /api/import/{collection} reads), with api.js's CSRF token.
//
// An expired session (401) asks for the password again (session.js signInAgain) and sends the same
// request once more, so the planner's file and options stay as they are.

import { currentCsrfToken } from '../api.js';
import { fetchOk, saveBlob } from '../files.js';
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
  saveBlob(blob, name);
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
  try {
    return await fetchOk(url, { ...init, headers });
  } catch (error) {
    if (error.status !== 401 || !again) throw error;
    await signInAgain();
    return send(path, init, false);
  }
}
