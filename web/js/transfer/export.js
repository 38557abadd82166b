// The export form of the transfer tab: a layer, a format, a coordinate system and (for shapefiles and
// CSV) a text encoding, then the file as a download from GET /api/export/{collection}. Like QGIS's
// "Save Features As…", it says what each choice means for the file: KML is always lon/lat, only a
// shapefile or CSV can be GBK, the Gauss-Krüger zone of the map's centre keeps lengths and areas truest.
//
// For tests: the form is [data-testid=export-form]; after a download its message line carries
// data-file (the file's name) and data-bytes.

import { codeText, t } from '../messages.js';
import {
  ENCODING_FORMATS, ENCODINGS, EXPORTABLE, EXPORT_FORMATS, WGS84_ONLY_FORMATS,
  exportQuery, exportSystems, suggestedEncoding, suggestedZone,
} from './crs.js';
import { download } from './files.js';
import { choice, field, message, say } from './ui.js';

export function exportForm(map) {
  const form = document.createElement('form');
  form.className = 'tr-form';
  form.dataset.testid = 'export-form';
  const title = document.createElement('h3');
  title.textContent = t('transfer.export.title');

  const layer = choice('export-layer', EXPORTABLE.map((id) => [id, t(`layer.${id}`)]));
  const format = choice('export-format', EXPORT_FORMATS.map((id) => [id, t(`transfer.format.${id}`)]));
  const crs = choice('export-crs', []);
  const encoding = choice('export-encoding', ENCODINGS.map((id) => [id, id]));
  const crsHint = hint('export-crs-hint');
  const encodingHint = hint('export-encoding-hint');
  const submit = document.createElement('button');
  submit.type = 'submit';
  submit.className = 'tr-primary';
  submit.dataset.testid = 'export-download';
  submit.textContent = t('transfer.export.download');
  const said = message('export-message');

  form.append(title,
    field(t('transfer.export.layer'), layer),
    field(t('transfer.export.format'), format),
    field(t('transfer.export.crs'), crs, crsHint),
    field(t('transfer.export.encoding'), encoding, encodingHint),
    submit, said);

  let suggested = null;
  const fillSystems = () => {
    const keep = crs.value;
    suggested = suggestedZone(map.getCenter().lng);
    crs.replaceChildren(...exportSystems().map((s) => {
      const option = document.createElement('option');
      option.value = s.code;
      option.textContent = systemName(s) + (suggested && s.code === suggested.code ? ` ${t('transfer.crs.suggestedMark')}` : '');
      return option;
    }));
    if (keep) crs.value = keep;
    showChoices();
  };

  const showChoices = () => {
    const lonLatOnly = WGS84_ONLY_FORMATS.has(format.value);
    crs.disabled = lonLatOnly;
    if (lonLatOnly) crsHint.textContent = t('transfer.crs.kmlOnly');
    else if (suggested) crsHint.textContent = t('transfer.crs.why', { code: suggested.code, zone: suggested.zone, cm: suggested.centralMeridian, lon: map.getCenter().lng.toFixed(1) });
    else crsHint.textContent = t('transfer.crs.noZone');
    const textual = ENCODING_FORMATS.has(format.value);
    encoding.disabled = !textual;
    encodingHint.textContent = !textual ? t('transfer.encoding.alwaysUtf8', { format: t(`transfer.format.${format.value}`) })
      : format.value === 'shapefile' ? t('transfer.encoding.gbkForArcgis') : t('transfer.encoding.csv');
  };

  format.addEventListener('change', () => {
    if (ENCODING_FORMATS.has(format.value)) encoding.value = suggestedEncoding(format.value);
    showChoices();
  });
  map.on('moveend', fillSystems);
  format.value = 'shapefile';
  encoding.value = suggestedEncoding('shapefile');
  fillSystems();

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const query = exportQuery({ format: format.value, crs: crs.value, encoding: encoding.value });
    submit.disabled = true;
    say(said, t('transfer.export.working', { layer: t(`layer.${layer.value}`) }), 'hint');
    try {
      const file = await download(`api/export/${encodeURIComponent(layer.value)}?${query}`, `${layer.value}.${format.value}`);
      say(said, t('transfer.export.done', { name: file.name, kb: Math.max(1, Math.round(file.bytes / 1024)) }), 'ok');
      said.dataset.file = file.name;
      said.dataset.bytes = String(file.bytes);
    } catch (error) {
      say(said, t('transfer.export.refused', { message: error.message }), 'error');
      delete said.dataset.file;
    } finally {
      submit.disabled = false;
    }
  });
  return form;
}

function systemName(s) {
  if (s.kind === 'gk') return t('transfer.crs.gk', { code: s.code, zone: s.zone, cm: s.centralMeridian });
  return codeText('transfer.crs', s.kind);
}

function hint(testid) {
  const p = document.createElement('p');
  p.className = 'tr-hint';
  p.dataset.testid = testid;
  return p;
}
