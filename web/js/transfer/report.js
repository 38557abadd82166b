// An import report (ImportReport.java) as a planner reads it: what the file is, how many features
// would be created or updated, how its fields map to the layer's, and which features were repaired,
// skipped or rejected, with the service's reason for each — as GDAL's ogr2ogr and EJScreen's batch
// reports list problems row by row.

import { codeText, t } from '../messages.js';
import { table } from './ui.js';

export function reportView(report) {
  const view = document.createElement('div');
  const facts = document.createElement('dl');
  facts.className = 'tr-facts';
  facts.dataset.testid = 'import-facts';
  const fact = (name, value) => {
    const dt = document.createElement('dt');
    dt.textContent = t(`transfer.report.${name}`);
    const dd = document.createElement('dd');
    dd.textContent = value;
    dd.dataset.fact = name;
    facts.append(dt, dd);
  };
  fact('format', report.format + (report.layer ? ` · ${report.layer}` : ''));
  fact('crs', `${report.sourceCrs} (${from(report.crsFrom)})`);
  fact('encoding', `${report.encoding} (${from(report.encodingDetectedFrom)})`);
  fact('count', String(report.count));
  fact('outcome', t(report.dryRun ? 'transfer.report.wouldWrite' : 'transfer.report.wrote',
    { created: report.created, updated: report.updated }));
  view.append(facts);

  if (report.fields?.length) {
    view.append(heading('fields'), table('import-fields', [t('transfer.report.source'), t('transfer.report.property'), t('transfer.report.note')],
      report.fields.map((f) => [f.source, f.property ?? t('transfer.report.left'), f.note ?? ''])));
  }
  const problems = (name, list, reasonOf) => {
    if (!list?.length) return;
    view.append(heading(name), table(`import-${name}`, [t('transfer.report.feature'), t('transfer.report.id'), t('transfer.report.reason')],
      list.map((p) => [String(p.index + 1), p.id ?? '—', reasonOf(p)])));
  };
  problems('rejected', report.rejected, (p) => p.reason);
  problems('repaired', report.repaired, (p) => p.repairs.join('; '));
  problems('skipped', report.skipped, (p) => p.reason);
  if (report.notes?.length) {
    const notes = document.createElement('ul');
    notes.className = 'tr-notes';
    for (const n of report.notes) {
      const li = document.createElement('li');
      li.textContent = n;
      notes.append(li);
    }
    view.append(heading('notes'), notes);
  }
  if (report.features && report.features.numberMatched > report.features.numberReturned) {
    const more = document.createElement('p');
    more.className = 'tr-hint';
    more.textContent = t('transfer.report.previewCut', { shown: report.features.numberReturned, all: report.features.numberMatched });
    view.append(more);
  }
  return view;
}

function heading(name) {
  const h = document.createElement('h4');
  h.textContent = t(`transfer.report.${name}Title`);
  return h;
}

/** Where the service found a file's CRS or encoding: a code we say in the page's words, else its own text. */
function from(source) {
  return source ? codeText('transfer.report.from', source) : '—';
}
