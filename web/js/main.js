// Entry point of the web map: builds the map, loads the layers from the OGC API and wires the
// controls. Works offline: with no tile server configured, the district layer is the base map.
//
// Every request starts at once. The district and province outlines come simplified to what the
// view can show (detail.js; the levels are in /api/config, asked for beside the session) and
// finer as the map zooms in. The base map (districts, provinces, heat sources) draws as soon as
// those three are in; each planning overlay then draws when its own collection arrives, so the
// big border-buffer layer never holds up the first paint. Panes (layers.js, zones.js) keep the
// drawing order whatever the order of arrival.
//
// What the page learns while it runs (what has loaded, what failed, the rule book, the districts)
// lives in one state object (state.js) that start() creates and hands to each step.
//
// For tests and scripts the page exposes its state on <body>:
//   data-loaded          ids of the collections on the map, in the order they were drawn: the base
//                        layers first ("districts,provinces,heat-sources"), then the overlays
//   data-complete        "true" once every collection has been drawn or has failed
//   data-district-count  district polygons drawn;  data-heat-source-count  plants drawn
//   data-district-simplify  the simplification of the district outlines drawn now, in metres
//                        (0: the stored geometry; layers.js, loadedSimplify)
//   data-error           set when a layer could not be loaded (also logged with console.error)
//   data-view            "overview" or the city the map last flew to
//   data-session, data-user, data-role   who is signed in (session.js)
//   data-editor, data-saved              the workbench's editor (workbench/editor.js)
//   data-live, data-last-change          the change stream (live.js)
//   data-desk                            the desk's open tab (desk.js)
// and the map itself as window.airzoneMap, so that a browser test can turn coordinates into the
// pixels a planner clicks.
//
// Without public read (AIRZONE_PUBLIC_READ=false) an anonymous visitor gets the sign-in form, and
// the layers load once someone has signed in; signing out then reloads the page, which clears them.

import * as L from 'leaflet';
import { fetchCollection, fetchConfig, fetchRules } from './ogc.js';
import { createPanes, districtLayer, heatSourceLayer, keepDetailed, loadedSimplify, provinceLayer } from './layers.js';
import { simplifyLevel } from './detail.js';
import { OVERLAYS, createZonePanes, installPatterns, zoneLayers } from './zones.js';
import { LabelLayer } from './labels.js';
import { fitLegend, legendControl, setLegendParameter, showLegendRows } from './legend.js';
import { cityNavigation } from './cities.js';
import { createState, districtAt, districtFeatureAt } from './state.js';
import { escapeHtml, isTrue } from './text.js';
import { currentUser, initSession, onUserChange, requireSignIn } from './session.js';
import { initLanguage, t } from './messages.js';
import { languageSwitch, translatePage } from './header.js';
import { AREA_LAYERS, workbench } from './workbench/panel.js';
import { followChanges } from './live.js';
import { readFeature } from './features.js';
import { desk } from './desk.js';

const BASE = ['districts', 'provinces', 'heat-sources'];
// the layers the service offers simplified for drawing (…/items?simplify=)
const SIMPLIFIED = new Set(['districts', 'provinces']);
// a phone or a short window: the layer switcher and the legend start folded
const SMALL = window.innerWidth < 700 || window.innerHeight < 640;

initLanguage();
translatePage(document);
languageSwitch(document.getElementById('language'));

const status = document.getElementById('status');
// pmIgnore: false gives the map the drawing tools (drawing.js runs them opt-in: only what asks is editable)
const map = L.map('map', { zoomSnap: 0.5, minZoom: 3, maxZoom: 16, pmIgnore: false }).setView([35, 112], 5);
window.airzoneMap = map;
createPanes(map);
createZonePanes(map);
installPatterns(document);
L.control.scale({ imperial: false, position: 'bottomleft' }).addTo(map);
// expanded: planners should see at once which layers exist
const layerControl = L.control.layers(null, null, { collapsed: SMALL, position: 'topright' }).addTo(map);

start(createState()).catch((error) => fail(error));

/** Who is signed in decides first whether the layers may be asked for at all. */
async function start(state) {
  // open to anonymous visitors too; the first request for the districts needs its levels of detail
  const config = fetchConfig().catch((error) => {
    console.warn('no /api/config: no online base map, and the outlines at full precision:', error);
    return {};
  });
  const { publicRead, user } = await initSession(document.getElementById('session'));
  if (!publicRead) {
    onUserChange((signedIn) => { if (!signedIn) window.location.reload(); });
    if (!user) {
      status.textContent = t('status.signInFirst');
      await requireSignIn();
      status.textContent = t('status.loading');
    }
  }
  await main(state, config);
}

async function main(state, config) {
  // the level for the opening view (the view fitted to the planning cities below is as wide, and needs no other)
  const levels = (await config).simplifyLevels ?? [];
  const detail = { levels, simplify: simplifyLevel(map.getZoom(), map.getCenter().lat, window.devicePixelRatio, levels) };
  // start everything now; every promise gets its handler at once, so a failure is reported once,
  // by this page, and never as an "uncaught (in promise)" error
  // (the browser runs about six requests at a time: the small ones first, then the border buffers,
  // by far the largest, so that they hold one connection while the other overlays pass by)
  const base = Promise.allSettled(BASE.map((id) => fetchCollection(id, SIMPLIFIED.has(id) ? detail.simplify : 0)));
  config.then((c) => addTiles(state, c));
  fetchRules().then((book) => { state.rules = book; },
      (error) => console.warn('no /api/rules, popups show document file names instead of titles:', error));
  const requested = {};
  for (const o of [...OVERLAYS].sort((a, b) => (b.id === 'border-buffers') - (a.id === 'border-buffers'))) {
    requested[o.id] = settle(fetchCollection(o.id));
  }
  const overlays = OVERLAYS.map((o) => requested[o.id]);
  // the change stream opens now and its events wait until the layers are in, so that nothing
  // committed while they load is missed
  let loaded;
  followChanges(state, new Promise((resolve) => { loaded = resolve; }));

  drawBase(state, await base, detail);
  const layers = addOverlays(state);
  const editor = workbench(map, state, (latlng) => districtFeatureAt(state, latlng));
  editFromPopups(editor);
  state.desk = desk(document.getElementById('desk'), { map, state, layerControl });
  if (state.failures.length === 0) status.textContent = t('status.loadingZones', { summary: baseSummary() });

  await Promise.all(OVERLAYS.map(async (overlay, i) => {
    const result = await overlays[i];
    if (!result.ok) {
      state.failures.push(`${overlay.id}: ${result.error.message}`);
      return;
    }
    layers[overlay.id].addData(result.value);
    state.counts[overlay.id] = layers[overlay.id].getLayers().length;
    describeParameters(state, overlay.id, result.value);
    state.loaded.push(overlay.id);
    document.body.dataset.loaded = state.loaded.join(',');
    refreshCounts(state);
  }));

  loaded();
  document.body.dataset.complete = 'true';
  if (state.failures.length > 0) fail(new Error(state.failures.join('; ')));
  else status.textContent = baseSummary();
}

function settle(promise) {
  return promise.then((value) => ({ ok: true, value }), (error) => ({ ok: false, error }));
}

/**
 * The first paint: districts with their labels, province outlines, heat sources. `detail`: the
 * level the outlines came in, and the levels the service has for when the map zooms in.
 */
function drawBase(state, results, detail) {
  const data = Object.fromEntries(BASE.map((id, i) => [id, results[i]]));
  for (const id of BASE) {
    if (data[id].status === 'rejected') state.failures.push(`${id}: ${data[id].reason.message}`);
  }
  // the legend goes first: labels keep clear of the controls that exist when they are placed
  const keyAreas = data.districts.status === 'fulfilled'
    ? data.districts.value.features.filter((f) => isTrue(f.properties?.is_key_area)).map((f) => f.properties.name)
    : [];
  const legend = legendControl(keyAreas, SMALL).addTo(map);
  state.legend = legend;
  // folding or unfolding the legend changes the room the labels have
  legend.getContainer().querySelector('details')?.addEventListener('toggle', () => state.labels?.refresh());

  if (data.districts.status === 'fulfilled') {
    const districts = data.districts.value;
    state.districts = districts;
    const layer = districtLayer(districts, detail.simplify).addTo(map);
    layerControl.addOverlay(layer, escapeHtml(t('layer.districts')));
    const overview = fitToPlanningCities(districts, layer);
    const showDetail = () => { document.body.dataset.districtSimplify = String(loadedSimplify(layer)); };
    layer.on('simplify', showDetail);
    showDetail();
    keepDetailed(map, layer, 'districts', detail.levels);
    state.labels = new LabelLayer(districts).addTo(map);
    layerControl.addOverlay(state.labels, escapeHtml(t('layer.labels')));
    cityNavigation(document.getElementById('city-nav'), map, districts, overview);
    document.body.dataset.districtCount = String(layer.getLayers().length);
    state.loaded.push('districts');
  }
  if (data.provinces.status === 'fulfilled') {
    const layer = provinceLayer(data.provinces.value, detail.simplify).addTo(map);
    layerControl.addOverlay(layer, escapeHtml(t('layer.provinces')));
    keepDetailed(map, layer, 'provinces', detail.levels);
    state.loaded.push('provinces');
  }
  if (data['heat-sources'].status === 'fulfilled') {
    const layer = heatSourceLayer(data['heat-sources'].value).addTo(map);
    state.layers['heat-sources'] = layer;
    layerControl.addOverlay(layer, escapeHtml(t('layer.heat-sources')));
    document.body.dataset.heatSourceCount = String(layer.getLayers().length);
    state.loaded.push('heat-sources');
  }
  document.body.dataset.loaded = state.loaded.join(',');
  if (state.failures.length > 0) fail(new Error(state.failures.join('; ')));
}

/**
 * The planning overlays, empty until their data arrive, put into the switcher now so that its
 * order is fixed (not the order in which responses happen to come back).
 */
function addOverlays(state) {
  const layers = zoneLayers(map, {
    rules: () => state.rules,
    districtAt: (latlng) => districtAt(state, latlng),
    canEdit: (p) => canEdit(p),
  });
  Object.assign(state.layers, layers);
  for (const overlay of OVERLAYS) {
    if (overlay.on) layers[overlay.id].addTo(map);
    layerControl.addOverlay(layers[overlay.id], overlayName(overlay));
  }
  const updateLegend = () => {
    showLegendRows(state.legend, new Set(OVERLAYS.filter((o) => map.hasLayer(layers[o.id])).map((o) => o.id)));
    fitLegend(state.legend, map, layerControl.getContainer());
    state.labels?.refresh();
  };
  map.on('overlayadd overlayremove resize', updateLegend);
  updateLegend();
  return layers;
}

/** Planners edit the zones people drew; derived ones change only with the rules. */
function canEdit(p) {
  return Boolean(currentUser()?.may.includes('planner')) && AREA_LAYERS.includes(p['@collection']) && p.source !== 'derived';
}

/** The "edit" button of a zone's popup: the editor takes the feature as the store has it now. */
function editFromPopups(editor) {
  map.on('popupopen', (e) => {
    for (const edit of e.popup.getElement()?.querySelectorAll('[data-edit-id]') ?? []) {
      edit.addEventListener('click', async () => {
        map.closePopup();
        try {
          const current = await readFeature(edit.dataset.editCollection, edit.dataset.editId);
          if (current) await editor.openExisting(edit.dataset.editCollection, current.feature, current.etag);
        } catch (error) {
          fail(error);
        }
      });
    }
  });
}

function overlayName(overlay) {
  return `<span class="az-overlay${overlay.group ? ' az-group-start' : ''}" data-overlay="${overlay.id}">`
      + `${escapeHtml(t(`layer.${overlay.id}`))} <span class="az-count" data-count="${overlay.id}">…</span></span>`;
}

/** Writes the feature counts into the switcher (which rebuilds its labels when one is added). */
function refreshCounts(state) {
  for (const span of layerControl.getContainer().querySelectorAll('[data-count]')) {
    const n = state.counts[span.dataset.count];
    span.textContent = n === undefined ? '…' : `(${n})`;
  }
}

/** The rule parameters a derived layer was computed with, into the legend. */
function describeParameters(state, id, collection) {
  const parameters = collection.features[0]?.properties?.parameters;
  if (!parameters) return;
  if (id === 'heating-radii' && parameters.radius_km !== undefined) {
    setLegendParameter(state.legend, 'radius', t('legend.radiusParameter', { km: parameters.radius_km, mw: parameters.min_unit_mw }));
  }
  if (id === 'border-buffers' && parameters.buffer_km !== undefined) {
    setLegendParameter(state.legend, 'buffer', t('legend.bufferParameter', { km: parameters.buffer_km }));
  }
}

function baseSummary() {
  return t('status.summary', { districts: document.body.dataset.districtCount ?? '—', plants: document.body.dataset.heatSourceCount ?? '—' });
}

/** Opening view: the planning cities (not every neighbour). Returns the bounds for "全部". */
function fitToPlanningCities(districtCollection, layer) {
  const seeds = L.geoJSON({
    type: 'FeatureCollection',
    features: districtCollection.features.filter((f) => isTrue(f.properties?.seed_city)),
  }).getBounds();
  const bounds = seeds.isValid() ? seeds : layer.getBounds();
  // no animation: the first view should be final when the page says it has loaded
  if (bounds.isValid()) map.fitBounds(bounds, { padding: [16, 16], animate: false });
  return bounds;
}

/** The optional online base map (AIRZONE_TILE_URL); districts turn translucent above it. */
function addTiles(state, config) {
  if (!config?.tileUrl) return;
  const tiles = L.tileLayer(config.tileUrl, { attribution: config.tileAttribution ?? '', maxZoom: 18 });
  map.on('layeradd layerremove', (e) => {
    if (e.layer === tiles) map.getContainer().classList.toggle('with-tiles', e.type === 'layeradd');
  });
  tiles.addTo(map);
  layerControl.addOverlay(tiles, escapeHtml(t('layer.tiles')));
  refreshCounts(state);
}

function fail(error) {
  document.body.dataset.error = error.message;
  status.textContent = t('status.failed', { message: error.message });
  status.classList.add('error');
  console.error('airzone map:', error);
}
