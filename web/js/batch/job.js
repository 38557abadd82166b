// The jobs API as the batch tab uses it (docs/architecture.md, BatchController.java): submit a file,
// read the job's status, cancel it, fetch its result. Calls go through api.js (a download through
// files.js), so failures arrive as ApiError with the planner's words; downloads fetch a Blob (not a
// bare link) so that a failed one says why instead of saving an error page as "screening.csv".

import { getJson, post } from '../api.js';
import { fetchOk } from '../files.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The file types the tab takes, by file name ending; the service reads the format from the Content-Type. */
export const FORMATS = {
  csv: { type: 'text/csv' },
  geojson: { type: 'application/geo+json' },
  json: { type: 'application/geo+json' },
  xlsx: { type: XLSX },
};

/** The results the tab offers for download, and what each asks the result endpoint for. */
export const DOWNLOADS = {
  csv: { accept: 'text/csv', extension: 'csv' },
  xlsx: { accept: XLSX, extension: 'xlsx' },
  geojson: { accept: 'application/geo+json', extension: 'geojson' },
};

/** The format key of a file by its name's ending ("sites.XLSX" → "xlsx"), or null when the tab does not take it. */
export function formatOf(fileName) {
  const ending = /\.([a-z]+)$/i.exec(fileName ?? '')?.[1]?.toLowerCase();
  return ending && Object.hasOwn(FORMATS, ending) ? ending : null;
}

/**
 * Starts a job screening `file`; `sheet` (name or 1-based number) picks an Excel file's sheet. The
 * job keeps its result as GeoJSON, which the tab draws; the downloads ask for other formats.
 * Resolves to the job's status.
 */
export async function submit(file, sheet) {
  const query = new URLSearchParams({ format: 'geojson' });
  if (formatOf(file.name) === 'xlsx' && sheet) query.set('sheet', sheet);
  const { body } = await post(`api/screen/jobs?${query}`, file, { contentType: FORMATS[formatOf(file.name)].type });
  return body;
}

export const status = (id) => getJson(`api/screen/jobs/${encodeURIComponent(id)}`);

export async function cancel(id) {
  return (await post(`api/screen/jobs/${encodeURIComponent(id)}/cancel`)).body;
}

/** The finished job's result as a FeatureCollection (a feature per input row). */
export const result = (id) => getJson(`api/screen/jobs/${encodeURIComponent(id)}/result`, 'application/geo+json');

/** The finished job's result in `format` (a DOWNLOADS key) as a Blob. */
export async function resultFile(id, format) {
  const { accept, extension } = DOWNLOADS[format];
  const url = new URL(`api/screen/jobs/${encodeURIComponent(id)}/result?format=${extension}`, document.baseURI);
  return (await fetchOk(url, { headers: { Accept: accept } })).blob();
}
