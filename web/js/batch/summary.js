// The summary of a batch per district, as EJAM's batch summary gives one per place: how many sites
// each district holds by verdict, worst districts first, and the rows that could not be screened
// with their row number and reason, so the planner can fix them in the file.

import { t } from '../messages.js';
import { escapeHtml } from '../text.js';
import { REFUSED, VERDICTS, summaryByDistrict, verdictCounts } from './results.js';

/** Most refused rows listed; the table (filter "not screened") shows them all. */
const REFUSED_LISTED = 50;

/** Builds the summary of `rows` into `container`; `onDistrict(label)` hears a district clicked. */
export function summary(container, rows, { onDistrict }) {
  const { districts, refused } = summaryByDistrict(rows);
  const counts = verdictCounts(rows);
  const cell = (n, verdict) => `<td class="num${n && verdict !== 'info' ? ` batch-${verdict}-count` : ''}">${n}</td>`;
  const refusedRows = rows.filter((r) => r.verdict === REFUSED);
  container.innerHTML = `
    <ul class="batch-totals" data-testid="batch-totals">
      ${[...VERDICTS, REFUSED].map((v) => `<li data-verdict="${v}" data-count="${counts[v]}"><span class="batch-swatch batch-${v}"></span>${escapeHtml(t(`batch.verdict.${v}`))} <b>${counts[v]}</b></li>`).join('')}
    </ul>
    <details class="batch-summary" open>
      <summary>${escapeHtml(t('batch.summary.title', { districts: districts.length }))}</summary>
      <div class="batch-table-wrap batch-summary-wrap"><table class="batch-table" data-testid="batch-summary">
        <thead><tr><th scope="col">${escapeHtml(t('batch.col.district'))}</th>
          ${VERDICTS.map((v) => `<th scope="col" class="num">${escapeHtml(t(`batch.verdict.${v}`))}</th>`).join('')}
          <th scope="col" class="num">${escapeHtml(t('batch.summary.total'))}</th></tr></thead>
        <tbody>${districts.map((d) => `<tr data-district="${escapeHtml(d.district)}">
          <td>${d.district ? `<button type="button" class="batch-link">${escapeHtml(d.district)}</button>` : escapeHtml(t('batch.noDistrict'))}</td>
          ${VERDICTS.map((v) => cell(d[v], v)).join('')}<td class="num">${d.total}</td></tr>`).join('')}</tbody>
      </table></div>
    </details>
    ${refused ? `<details class="batch-refused" data-testid="batch-refused" open>
      <summary>${escapeHtml(t('batch.refused.title', { n: refused }))}</summary>
      <ul>${refusedRows.slice(0, REFUSED_LISTED).map((r) => `<li data-row="${r.row}">${escapeHtml(t('batch.refused.row', {
        row: r.row, name: r.name || t('batch.unnamed'), reason: r.error }))}</li>`).join('')}</ul>
      ${refused > REFUSED_LISTED ? `<p>${escapeHtml(t('batch.refused.more', { n: refused - REFUSED_LISTED }))}</p>` : ''}
    </details>` : ''}`;
  container.querySelector('[data-testid=batch-summary]').addEventListener('click', (event) => {
    const tr = event.target.closest('.batch-link') && event.target.closest('tr[data-district]');
    if (tr) onDistrict(tr.dataset.district);
  });
}
