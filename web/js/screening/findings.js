// What a screening found, as the planner reads it: the verdict first, big and in its colour, then
// the findings grouped by severity (most binding first), each with its rule, the message in the
// page's language, the distance, the document and clause it rests on with the clause's own words,
// and last the data versions the screening was made from (as on the printable report).

import { element as el } from '../dom.js';
import { codeText, hasMessage, language, t } from '../messages.js';
import { formatNumber } from '../formatting.js';
import { groupBySeverity } from './query.js';

/** Renders `result` (the JSON of /api/screen) into `container`, replacing what was there. */
export function showFindings(container, result, rules) {
  container.replaceChildren(verdict(result), ...groupBySeverity(result.findings ?? []).map((g) => group(g, rules)),
      ...notes(result.site), versions(result.data_versions));
}

function verdict(result) {
  const box = el('div', `scr-verdict scr-sev-${result.verdict}`);
  box.dataset.testid = 'screening-verdict';
  box.dataset.verdict = result.verdict;
  const district = result.district ?? {};
  const where = district.name ? [district.province, district.city, district.name].filter(Boolean).join(' ') : t('screening.outsideData');
  box.append(el('strong', 'scr-verdict-word', codeText('screening.verdict', result.verdict)), el('span', 'scr-verdict-place', where));
  return box;
}

function group({ severity, findings }, rules) {
  const section = el('section', `scr-group scr-sev-${severity}`);
  section.dataset.severity = severity;
  section.append(el('h3', null, `${codeText('screening.severity', severity)} (${findings.length})`));
  const list = el('ol', 'scr-findings');
  list.dataset.testid = 'screening-findings';
  for (const f of findings) list.append(finding(f, rules));
  section.append(list);
  return section;
}

function finding(f, rules) {
  const item = el('li', `scr-finding scr-sev-${f.severity}`);
  item.dataset.testid = 'screening-finding';
  item.dataset.rule = f.rule;
  item.dataset.severity = f.severity;
  const lang = language();
  const head = el('div', 'scr-finding-head');
  head.append(el('span', 'scr-rule', ruleTitle(f.rule, rules)));
  const distance = distanceText(f.distance_km);
  if (distance) head.append(el('span', 'scr-distance', distance));
  item.append(head, el('p', 'scr-finding-message', lang === 'en' ? f.message_en : f.message_zh));
  if (f.citation) item.append(citation(f.citation, lang));
  return item;
}

function citation(c, lang) {
  const box = el('div', 'scr-citation');
  box.dataset.testid = 'screening-citation';
  box.append(el('span', 'scr-label', `${t('screening.basis')}: `), el('cite', null, c.title || c.document), document.createTextNode(` ${c.clause ?? ''}`));
  if (c.text_zh) {
    const quote = el('blockquote', 'scr-clause', c.text_zh);
    quote.lang = 'zh-CN';
    quote.dataset.testid = 'screening-clause';
    quote.title = t('screening.clauseText');
    box.append(quote);
  }
  if (lang === 'en' && c.summary_en) {
    const summary = el('p', 'scr-summary', `${t('screening.summaryEn')}: ${c.summary_en}`);
    summary.dataset.testid = 'screening-summary';
    box.append(summary);
  }
  return box;
}

/** A rule's title from the rule book, else a name for the rule families the book does not list. */
export function ruleTitle(rule, rules) {
  const lang = language();
  const entry = rules?.rules?.find((r) => r.id === rule);
  if (entry) return entry[`title_${lang}`] ?? entry.title_zh;
  const [family, rest] = rule.split(/:(.*)/s);
  if (rest !== undefined && hasMessage(`screening.rule.${family}`)) return `${t(`screening.rule.${family}`)}: ${rest}`;
  if (hasMessage(`screening.rule.${rule}`)) return t(`screening.rule.${rule}`);
  return codeText('control', rule);
}

function distanceText(km) {
  if (km === null || km === undefined) return '';
  if (km === 0) return t('screening.inside');
  return t('screening.distance', { km: `${formatNumber(km, language(), 2)} km` });
}

function notes(site) {
  if (!site?.notes?.length) return [];
  return [el('p', 'scr-notes', t('screening.notes', { notes: site.notes.join('; ') }))];
}

function versions(dataVersions) {
  const details = el('details', 'scr-versions');
  details.dataset.testid = 'screening-data-versions';
  details.append(el('summary', null, t('screening.dataVersions')));
  if (!dataVersions) return details;
  const table = el('table', 'scr-versions-table');
  const head = el('tr');
  for (const key of ['screening.versionsHead', 'screening.versionsFeatures', 'screening.versionsMax']) head.append(el('th', null, t(key)));
  table.append(head);
  const lang = language();
  for (const v of dataVersions.collections ?? []) {
    const tr = el('tr');
    tr.dataset.collection = v.collection;
    tr.append(el('td', null, v[`title_${lang}`] ?? v.collection), el('td', 'number', formatNumber(v.features, lang, 0)),
        el('td', 'number', String(v.max_version)));
    table.append(tr);
  }
  details.append(table, el('p', 'scr-small', t('screening.versionsStore', { store: dataVersions.store })));
  return details;
}
