// The import form of the transfer tab (planners): a target layer, a file (zipped shapefile, GeoJSON,
// KML/KMZ, GeoPackage) and the options the service takes, then first the service's dry run with a
// preview — the report as tables and the incoming features drawn over the current ones in a style
// of their own — and only on "confirm" the real import of the same file with the same options.
// Nothing is written before that. Afterwards the change stream (live.js) reloads the layer.
//
// Choosing another file or option after a dry run withdraws the confirmation: what is confirmed is
// always what was previewed.
//
// For tests: [data-testid=import-form]; <body data-import> is "previewing", "previewed",
// "refused" (the dry run found features it cannot take), "importing", "imported" or "failed";
// data-import-preview the number of features drawn.

import * as L from 'leaflet';
import { button } from '../dom.js';
import { t } from '../messages.js';
import { IMPORTABLE, IMPORT_FORMATS, ENCODINGS, exportSystems, importQuery, uploadType } from './crs.js';
import { upload } from './files.js';
import { reportView } from './report.js';
import { choice, field, message, quiet, say } from './ui.js';

const PREVIEW_PANE = 'import-preview';
// magenta, dashed: unlike every planning layer, so the incoming features read as "not yet there"
const PREVIEW_STYLE = { color: '#c2187a', weight: 2.5, dashArray: '6 4', fillColor: '#f06bb5', fillOpacity: 0.25 };

export function importForm(map) {
  if (!map.getPane(PREVIEW_PANE)) map.createPane(PREVIEW_PANE).style.zIndex = 445; // over the zones, under the plants
  const form = document.createElement('form');
  form.className = 'tr-form';
  form.dataset.testid = 'import-form';
  const title = document.createElement('h3');
  title.textContent = t('transfer.import.title');

  const layer = choice('import-layer', IMPORTABLE.map((id) => [id, t(`layer.${id}`)]));
  const file = document.createElement('input');
  file.type = 'file';
  file.accept = '.zip,.geojson,.json,.kml,.kmz,.gpkg';
  file.dataset.testid = 'import-file';
  const format = choice('import-format', [['', t('transfer.import.fromFile')], ...IMPORT_FORMATS.map((id) => [id, t(`transfer.format.${id}`)])]);
  const encoding = choice('import-encoding', [['', t('transfer.import.fromFile')], ...ENCODINGS.map((id) => [id, id])]);
  const crs = choice('import-crs', [['', t('transfer.import.fromFile')],
    ...exportSystems().map((s) => [s.code === 'CRS84' ? 'EPSG:4326' : s.code, s.kind === 'gk' ? t('transfer.crs.gk', { code: s.code, zone: s.zone, cm: s.centralMeridian }) : t(`transfer.crs.${s.kind}`)])]);
  const sublayer = document.createElement('input');
  sublayer.dataset.testid = 'import-sublayer';
  sublayer.placeholder = t('transfer.import.sublayerHint');
  const options = document.createElement('details');
  options.className = 'tr-options';
  const summary = document.createElement('summary');
  summary.textContent = t('transfer.import.options');
  options.append(summary,
    field(t('transfer.import.format'), format),
    field(t('transfer.import.encoding'), encoding),
    field(t('transfer.import.crs'), crs),
    field(t('transfer.import.sublayer'), sublayer));

  const preview = button(t('transfer.import.preview'), 'import-preview', null, 'tr-primary');
  const confirm = button(t('transfer.import.confirm'), 'import-confirm', null, 'tr-confirm');
  const discard = button(t('transfer.import.discard'), 'import-discard');
  confirm.disabled = true;
  discard.hidden = true;
  const actions = document.createElement('div');
  actions.className = 'tr-actions';
  actions.append(preview, confirm, discard);
  const said = message('import-message');
  const report = document.createElement('div');
  report.className = 'tr-report';
  report.dataset.testid = 'import-report';

  form.append(title, field(t('transfer.import.layer'), layer), field(t('transfer.import.file'), file), options, actions, said, report);

  let drawn = null; // the preview layer on the map
  let previewed = null; // {file, query, collection} the dry run was made of

  const state = (value) => { document.body.dataset.import = value; };
  const clearPreview = () => {
    drawn?.remove();
    drawn = null;
    previewed = null;
    confirm.disabled = true;
    discard.hidden = true;
    delete document.body.dataset.importPreview;
  };
  const withdraw = () => {
    if (!previewed) return;
    clearPreview();
    report.replaceChildren();
    say(said, t('transfer.import.changed'), 'hint');
  };
  for (const control of [layer, file, format, encoding, crs, sublayer]) control.addEventListener('change', withdraw);

  const chosen = () => ({ format: format.value, encoding: encoding.value, crs: crs.value, layer: sublayer.value });

  preview.addEventListener('click', async () => {
    const picked = file.files[0];
    if (!picked) {
      say(said, t('transfer.import.noFile'), 'error');
      return;
    }
    clearPreview();
    report.replaceChildren();
    const collection = layer.value;
    const query = importQuery(chosen(), false);
    preview.disabled = true;
    state('previewing');
    say(said, t('transfer.import.previewing', { file: picked.name }), 'hint');
    try {
      const answer = await upload(`api/import/${encodeURIComponent(collection)}?${importQuery(chosen(), true)}`, picked, uploadType(picked.name));
      report.replaceChildren(reportView(answer));
      drawn = drawPreview(map, answer.features);
      document.body.dataset.importPreview = String(drawn.getLayers().length);
      const writable = answer.created + answer.updated;
      if (answer.rejected.length > 0) {
        say(said, t('transfer.import.rejected', { rejected: answer.rejected.length, count: answer.count }), 'error');
        state('refused');
      } else if (writable === 0) {
        say(said, t('transfer.import.nothing'), 'warning');
        state('refused');
      } else {
        previewed = { file: picked, query, collection };
        confirm.disabled = false;
        say(said, t('transfer.import.ready', { created: answer.created, updated: answer.updated, layer: t(`layer.${collection}`) }), 'ok');
        state('previewed');
      }
      discard.hidden = false;
      said.scrollIntoView({ block: 'start' }); // the outcome and its tables, rather than the form above them
    } catch (error) {
      say(said, t('transfer.import.failed', { message: error.message }), 'error');
      state('failed');
    } finally {
      preview.disabled = false;
    }
  });

  confirm.addEventListener('click', async () => {
    if (!previewed) return;
    const { file: picked, query, collection } = previewed;
    confirm.disabled = true;
    preview.disabled = true;
    state('importing');
    say(said, t('transfer.import.importing'), 'hint');
    try {
      const answer = await upload(`api/import/${encodeURIComponent(collection)}${query ? `?${query}` : ''}`, picked, uploadType(picked.name));
      clearPreview();
      report.replaceChildren(reportView(answer));
      say(said, t('transfer.import.done', { imported: answer.imported, created: answer.created, updated: answer.updated, layer: t(`layer.${collection}`) }), 'ok');
      state('imported');
    } catch (error) {
      // a real import refuses as a whole (400 with the report): say so and show why
      if (error.body?.report) report.replaceChildren(reportView(error.body.report));
      say(said, t('transfer.import.failed', { message: error.message }), 'error');
      confirm.disabled = !previewed;
      state('failed');
    } finally {
      preview.disabled = false;
    }
  });

  discard.addEventListener('click', () => {
    clearPreview();
    report.replaceChildren();
    quiet(said);
    delete document.body.dataset.import;
  });
  return form;
}

/** The incoming features over the map, fitted into view; each is told apart by its position in the file. */
function drawPreview(map, collection) {
  const layer = L.geoJSON(collection ?? { type: 'FeatureCollection', features: [] }, {
    pane: PREVIEW_PANE,
    style: () => ({ ...PREVIEW_STYLE, className: 'az-import-preview' }),
    pointToLayer: (feature, latlng) => L.circleMarker(latlng, { ...PREVIEW_STYLE, radius: 7, fillOpacity: 0.6, pane: PREVIEW_PANE, className: 'az-import-preview' }),
    onEachFeature: (feature, l) => {
      const p = feature.properties ?? {};
      l.bindTooltip(`${t('transfer.import.incoming')} #${feature['airzone:index'] + 1}: ${p.name ?? ''} (${t(`transfer.action.${feature['airzone:action']}`)})`);
    },
  }).addTo(map);
  const bounds = layer.getBounds();
  if (bounds.isValid()) map.fitBounds(bounds, { padding: [24, 24], maxZoom: 13, animate: false });
  return layer;
}

