// The result table: filters (verdict, rule, district, part of the name), a sort on any column, and
// pages of PAGE rows — a page, not all 100,000 rows, is ever in the DOM, so filtering and sorting
// stay quick whatever the batch's size. A row clicked flies the map to its site.
//
// For tests: <body data-batch-shown> is the number of rows the filters let through.

import { codeText, t } from '../messages.js';
import { escapeHtml } from '../text.js';
import { REFUSED, VERDICTS, districtLabel, facets, filterRows, sortRows } from './results.js';

const PAGE = 100;
const COLUMNS = ['row', 'name', 'verdict', 'district', 'findings'];

/**
 * Builds the filters and the table into `container` for `rows`; `onFilter(filtered)` hears every
 * change of the filters, `onPick(row)` a row clicked. Returns { filter({verdict, rule, district}) }.
 */
export function resultTable(container, rows, { onFilter, onPick }) {
  const { rules, districts } = facets(rows);
  const options = (values, label) => values.map((v) => `<option value="${escapeHtml(v)}">${escapeHtml(label(v))}</option>`).join('');
  container.innerHTML = `
    <div class="batch-filters">
      <label>${escapeHtml(t('batch.filter.verdict'))}<select data-testid="batch-filter-verdict" name="verdict">
        <option value="">${escapeHtml(t('batch.filter.all'))}</option>${options([...VERDICTS, REFUSED], (v) => t(`batch.verdict.${v}`))}</select></label>
      <label>${escapeHtml(t('batch.filter.rule'))}<select data-testid="batch-filter-rule" name="rule">
        <option value="">${escapeHtml(t('batch.filter.all'))}</option>${options(rules, ruleName)}</select></label>
      <label>${escapeHtml(t('batch.filter.district'))}<select data-testid="batch-filter-district" name="district">
        <option value="">${escapeHtml(t('batch.filter.all'))}</option>${options(districts, (d) => d)}</select></label>
      <label>${escapeHtml(t('batch.filter.name'))}<input type="search" data-testid="batch-filter-name" name="text"
        placeholder="${escapeHtml(t('batch.filter.namePlaceholder'))}"></label>
    </div>
    <p class="batch-shown" data-testid="batch-shown" aria-live="polite"></p>
    <div class="batch-table-wrap"><table class="batch-table" data-testid="batch-table">
      <thead><tr>${COLUMNS.map((c) => `<th scope="col" aria-sort="none"><button type="button" data-sort="${c}"
        data-testid="batch-sort-${c}">${escapeHtml(t(`batch.col.${c}`))}</button></th>`).join('')}</tr></thead>
      <tbody></tbody>
    </table></div>
    <nav class="batch-pager" data-testid="batch-pager">
      <button type="button" data-page="prev" data-testid="batch-page-prev">‹ ${escapeHtml(t('batch.page.prev'))}</button>
      <span data-testid="batch-page"></span>
      <button type="button" data-page="next" data-testid="batch-page-next">${escapeHtml(t('batch.page.next'))} ›</button>
    </nav>`;
  const fields = Object.fromEntries([...container.querySelectorAll('.batch-filters [name]')].map((f) => [f.name, f]));
  const body = container.querySelector('tbody');
  let sort = { key: 'row', descending: false };
  let filtered = rows;
  let sorted = rows;
  let page = 0;
  let typing = null;

  function refilter() {
    filtered = filterRows(rows, Object.fromEntries(Object.entries(fields).map(([name, f]) => [name, f.value])));
    document.body.dataset.batchShown = String(filtered.length);
    onFilter(filtered);
    resort();
  }

  function resort() {
    sorted = sortRows(filtered, sort.key, sort.descending);
    for (const th of container.querySelectorAll('thead th')) {
      const key = th.querySelector('button').dataset.sort;
      th.setAttribute('aria-sort', key !== sort.key ? 'none' : sort.descending ? 'descending' : 'ascending');
    }
    page = 0;
    render();
  }

  function render() {
    const pages = Math.max(1, Math.ceil(sorted.length / PAGE));
    page = Math.min(page, pages - 1);
    const slice = sorted.slice(page * PAGE, (page + 1) * PAGE);
    body.innerHTML = slice.map((r, i) => `<tr data-index="${page * PAGE + i}" data-row="${r.row}" data-verdict="${r.verdict}"
        tabindex="0" title="${escapeHtml(r.lat === null ? '' : t('batch.flyTo'))}">
      <td>${r.row}</td><td>${escapeHtml(r.name)}</td>
      <td><span class="batch-tag batch-${r.verdict}">${escapeHtml(t(`batch.verdict.${r.verdict}`))}</span></td>
      <td>${escapeHtml(r.verdict === REFUSED ? r.error : districtLabel(r) || t('batch.noDistrict'))}</td>
      <td>${escapeHtml(r.rules.map(ruleName).join('、'))}</td></tr>`).join('');
    container.querySelector('[data-testid=batch-shown]').textContent = t('batch.shown', { shown: filtered.length, total: rows.length });
    container.querySelector('[data-testid=batch-page]').textContent = t('batch.page', { page: page + 1, pages });
    container.querySelector('[data-page=prev]').disabled = page === 0;
    container.querySelector('[data-page=next]').disabled = page >= pages - 1;
  }

  for (const field of Object.values(fields)) {
    field.addEventListener(field.tagName === 'SELECT' ? 'change' : 'input', () => {
      clearTimeout(typing);
      // a name typed letter by letter filters once the planner pauses: every pass redraws the map
      typing = setTimeout(refilter, field.tagName === 'SELECT' ? 0 : 250);
    });
  }
  container.querySelector('thead').addEventListener('click', (event) => {
    const key = event.target.closest('[data-sort]')?.dataset.sort;
    if (!key) return;
    sort = { key, descending: sort.key === key ? !sort.descending : false };
    resort();
  });
  container.querySelector('.batch-pager').addEventListener('click', (event) => {
    const step = event.target.closest('[data-page]')?.dataset.page;
    if (!step) return;
    page += step === 'next' ? 1 : -1;
    render();
  });
  const pick = (event) => {
    const tr = event.target.closest('tr[data-index]');
    if (tr) onPick(sorted[Number(tr.dataset.index)]);
  };
  body.addEventListener('click', pick);
  body.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') pick(event);
  });

  refilter();
  return {
    /** Sets filters from outside (a district picked in the summary) and applies them. */
    filter(values) {
      for (const [name, value] of Object.entries(values)) fields[name].value = value;
      refilter();
    },
  };
}

/** A rule's name in the page's language where the tab knows it, else its id as the service gives it. */
export function ruleName(rule) {
  return codeText('batch.rule', rule);
}
