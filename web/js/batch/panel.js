// The desk's batch tab: screen a whole inventory of projects at once, as EJScreen/EJAM batch reports
// do for sites. The planner drops (or picks) a CSV, GeoJSON or Excel file whose columns are the
// project attributes (columns.js), the service screens it as a background job (the jobs API), the
// tab shows its progress and can cancel it, and then shows the result: totals and a summary per
// district (summary.js), a table to filter and sort (table.js), the sites on the map coloured by
// verdict (map-layer.js), and the result for download as CSV, Excel or GeoJSON.
//
// Whatever goes wrong — a file the service refuses (its reason), no connection, an expired session —
// is said in the page's language and the chosen file stays, so the planner fixes it and starts again.
//
// For tests the tab's state is on <body>:
//   data-batch         idle | uploading | running | done | cancelled | error
//   data-batch-job     the job's id, once the service has taken the file
//   data-batch-processed, data-batch-total   the job's progress in rows
//   data-batch-rows    rows of the result;  data-batch-shown  rows the filters let through (table.js)
//   data-batch-points  sites drawn on the map (map-layer.js)
//   data-batch-load-ms, data-batch-draw-ms   fetching and reading the result; drawing its sites
//                      until the next frames have been painted

import { ApiError } from '../api.js';
import { t } from '../messages.js';
import { signInAgain } from '../session.js';
import { escapeHtml } from '../text.js';
import { COLUMNS, templateCsv } from './columns.js';
import { DOWNLOADS, cancel, formatOf, result, resultFile, status, submit } from './job.js';
import { saveBlob } from '../files.js';
import { resultLayer } from './map-layer.js';
import { rowsOf } from './results.js';
import { summary } from './summary.js';
import { resultTable } from './table.js';

const POLL_MS = 500;
const RETRY_MS = 2_000; // while the service cannot be reached; the job runs on meanwhile
// The table, summary and map were measured at 100,000 sites (BatchBrowserTest); the service takes up to
// 1,000,000, whose GeoJSON result would be a gigabyte in the tab, so a larger result is downloaded only.
const SHOWN_AT_MOST = 100_000;

export function mount(container, { map, layerControl }) {
  container.innerHTML = `
    <h2>${escapeHtml(t('batch.title'))}</h2>
    <p class="batch-intro">${escapeHtml(t('batch.intro'))}</p>
    <details class="batch-columns" data-testid="batch-columns">
      <summary>${escapeHtml(t('batch.columns.title'))}</summary>
      <table class="batch-table">
        <tbody>${COLUMNS.map((c) => `<tr data-column="${c.name}"><th scope="row"><code>${c.name}</code>${c.required ? ' *' : ''}</th>
          <td>${escapeHtml(t(`batch.column.${c.name}`))}</td></tr>`).join('')}</tbody>
      </table>
      <p class="batch-hint">${escapeHtml(t('batch.columns.note'))}</p>
      <button type="button" data-testid="batch-template">${escapeHtml(t('batch.template'))}</button>
    </details>
    <form class="batch-form" data-testid="batch-form">
      <label class="batch-drop" data-testid="batch-drop">
        <span>${escapeHtml(t('batch.drop'))}</span>
        <input type="file" name="file" data-testid="batch-file" accept=".csv,.geojson,.json,.xlsx">
      </label>
      <p class="batch-file" data-testid="batch-file-name" hidden></p>
      <label class="batch-sheet" hidden>${escapeHtml(t('batch.sheet'))}
        <input name="sheet" data-testid="batch-sheet" placeholder="${escapeHtml(t('batch.sheetPlaceholder'))}" autocomplete="off"></label>
      <div class="batch-actions">
        <button type="submit" data-testid="batch-start" disabled>${escapeHtml(t('batch.start'))}</button>
        <button type="button" data-testid="batch-cancel" hidden>${escapeHtml(t('batch.cancel'))}</button>
      </div>
    </form>
    <div class="batch-progress" data-testid="batch-progress-box" hidden>
      <progress data-testid="batch-progress" max="1" value="0"></progress>
      <span data-testid="batch-progress-text" aria-live="polite"></span>
    </div>
    <p class="batch-message" role="alert" data-testid="batch-message" hidden></p>
    <section class="batch-result" data-testid="batch-result" hidden>
      <div class="batch-downloads">${escapeHtml(t('batch.download'))}
        ${Object.keys(DOWNLOADS).map((f) => `<button type="button" data-download="${f}" data-testid="batch-download-${f}">${escapeHtml(t(`batch.download.${f}`))}</button>`).join('')}
      </div>
      <div data-testid="batch-summary-box"></div>
      <div data-testid="batch-table-box"></div>
    </section>`;

  const $ = (testid) => container.querySelector(`[data-testid=${testid}]`);
  const form = $('batch-form');
  const sheetLabel = container.querySelector('.batch-sheet');
  const layer = resultLayer(map, layerControl);
  let file = null; // kept through every failure, so that the planner can start again
  let job = null;
  let timer = null;

  setState('idle');

  function setState(state) {
    document.body.dataset.batch = state;
    const busy = state === 'uploading' || state === 'running';
    $('batch-start').disabled = busy || !file;
    $('batch-file').disabled = busy;
    $('batch-cancel').hidden = state !== 'running';
    $('batch-cancel').disabled = false;
  }

  function say(text, kind = 'info') {
    const message = $('batch-message');
    message.textContent = text;
    message.dataset.kind = kind;
    message.hidden = !text;
  }

  function choose(chosen) {
    if (!chosen) return;
    if (!formatOf(chosen.name)) {
      say(t('batch.wrongType', { name: chosen.name }), 'error');
      return;
    }
    file = chosen;
    const name = $('batch-file-name');
    name.textContent = t('batch.chosen', { name: chosen.name, size: sizeText(chosen.size) });
    name.hidden = false;
    sheetLabel.hidden = formatOf(chosen.name) !== 'xlsx';
    say('');
    setState(document.body.dataset.batch === 'running' ? 'running' : 'idle');
  }

  async function start() {
    clearTimeout(timer);
    layer.clear();
    $('batch-result').hidden = true;
    delete document.body.dataset.batchRows;
    delete document.body.dataset.batchShown;
    say('');
    progress(0, 0, t('batch.uploading'));
    setState('uploading');
    try {
      job = await submit(file, form.elements.sheet.value.trim());
    } catch (failure) {
      fail(failure, () => start());
      return;
    }
    document.body.dataset.batchJob = job.id;
    setState('running');
    follow(job);
  }

  /** Shows the job's progress and asks again until it has ended. */
  function follow(seen) {
    progress(seen.processed, seen.total, t('batch.processed', { processed: seen.processed, total: seen.total }));
    if (seen.status === 'done') {
      show(seen);
      return;
    }
    if (seen.status === 'cancelled') {
      progress(seen.processed, seen.total, t('batch.cancelledAt', { processed: seen.processed, total: seen.total }));
      say(t('batch.cancelled'));
      setState('cancelled');
      return;
    }
    if (seen.status === 'failed') {
      say(t('batch.jobFailed', { message: seen.error ?? '' }), 'error');
      setState('error');
      return;
    }
    timer = setTimeout(() => poll(seen.id), POLL_MS);
  }

  async function poll(id) {
    try {
      const seen = await status(id);
      if (job?.id !== id) return; // a newer batch has started meanwhile
      say('');
      follow(seen);
    } catch (failure) {
      if (job?.id !== id) return;
      if (failure instanceof ApiError && failure.status === 0) {
        say(t('batch.stillTrying', { message: failure.message }), 'error');
        timer = setTimeout(() => poll(id), RETRY_MS);
      } else {
        fail(failure, () => poll(id));
      }
    }
  }

  async function show(done) {
    if (done.total > SHOWN_AT_MOST) {
      $('batch-summary-box').replaceChildren();
      $('batch-table-box').replaceChildren();
      $('batch-result').hidden = false;
      progress(done.processed, done.total, t('batch.done', { total: done.total }));
      say(t('batch.downloadOnly', { total: done.total, most: SHOWN_AT_MOST }));
      setState('done');
      return;
    }
    progress(done.processed, done.total, t('batch.loading', { total: done.total }));
    let rows;
    const loading = performance.now();
    try {
      rows = rowsOf(await result(done.id));
    } catch (failure) {
      fail(failure, () => show(done));
      return;
    }
    document.body.dataset.batchLoadMs = String(Math.round(performance.now() - loading));
    document.body.dataset.batchRows = String(rows.length);
    $('batch-result').hidden = false;
    const table = resultTable($('batch-table-box'), rows, {
      onFilter: (shown) => draw(shown),
      onPick: (row) => layer.focus(row),
    });
    summary($('batch-summary-box'), rows, { onDistrict: (district) => table.filter({ district }) });
    layer.fit(rows);
    progress(done.processed, done.total, t('batch.done', { total: done.total }));
    setState('done');
  }

  function draw(rows) {
    const drawing = performance.now();
    layer.show(rows);
    // the canvas paints on the next animation frame: the time until the frame after it has been drawn
    requestAnimationFrame(() => requestAnimationFrame(() => {
      document.body.dataset.batchDrawMs = String(Math.round(performance.now() - drawing));
    }));
  }

  /**
   * A failed request: an expired session asks for the password and then carries on with `again`;
   * anything else is said, and the file stays chosen for another try.
   */
  function fail(failure, again) {
    if (failure instanceof ApiError && failure.status === 401) {
      say(t('batch.sessionExpired'), 'error');
      signInAgain().then(() => {
        say(t('batch.signedInAgain'));
        again();
      });
      return;
    }
    console.error('airzone batch:', failure);
    say(t('batch.failed', { message: failure.message }), 'error');
    setState('error');
  }

  function progress(processed, total, text) {
    $('batch-progress-box').hidden = false;
    const bar = $('batch-progress');
    if (total > 0) {
      bar.max = total;
      bar.value = processed;
    } else {
      bar.removeAttribute('value'); // indeterminate while the file is on its way
    }
    $('batch-progress-text').textContent = text;
    document.body.dataset.batchProcessed = String(processed);
    document.body.dataset.batchTotal = String(total);
  }

  $('batch-file').addEventListener('change', (event) => choose(event.target.files[0]));
  const drop = $('batch-drop');
  drop.addEventListener('dragover', (event) => {
    event.preventDefault();
    drop.classList.add('batch-drop-over');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('batch-drop-over'));
  drop.addEventListener('drop', (event) => {
    event.preventDefault();
    drop.classList.remove('batch-drop-over');
    if (document.body.dataset.batch !== 'uploading' && document.body.dataset.batch !== 'running') choose(event.dataTransfer.files[0]);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (file) start();
  });
  $('batch-cancel').addEventListener('click', async () => {
    $('batch-cancel').disabled = true;
    const id = job.id;
    try {
      const seen = await cancel(id);
      if (job?.id !== id) return;
      clearTimeout(timer);
      follow(seen);
    } catch (failure) {
      // finished meanwhile (409): the next poll shows the result
      if (failure instanceof ApiError && failure.status === 409) return;
      $('batch-cancel').disabled = false;
      say(t('batch.cancelFailed', { message: failure.message }), 'error');
    }
  });
  $('batch-template').addEventListener('click', () => saveBlob(new Blob([templateCsv()], { type: 'text/csv' }), t('batch.templateFile')));
  container.querySelector('.batch-downloads').addEventListener('click', async (event) => {
    const button = event.target.closest('[data-download]');
    if (!button || !job) return;
    const format = button.dataset.download;
    button.disabled = true;
    try {
      saveBlob(await resultFile(job.id, format), `${baseName(file.name)}-screening.${DOWNLOADS[format].extension}`);
    } catch (failure) {
      say(t('batch.downloadFailed', { message: failure.message }), 'error');
    } finally {
      button.disabled = false;
    }
  });
}

function baseName(fileName) {
  return fileName.replace(/\.[^.]+$/, '');
}

function sizeText(bytes) {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
