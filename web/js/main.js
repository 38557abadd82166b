// Entry point of the web map: builds the map, loads the base layers from the OGC API and wires the
// controls. Works offline: with no tile server configured, the district layer is the base map.
//
// For tests and scripts the page exposes its state on <body>:
//   data-loaded          ids of the collections on the map, e.g. "districts,provinces,heat-sources"
//   data-district-count  district polygons drawn;  data-heat-source-count  plants drawn
//   data-error           set when a layer could not be loaded (also logged with console.error)
//   data-view            "overview" or the city the map last flew to

import * as L from '../webjars/leaflet/1.9.4/dist/leaflet-src.esm.js';
import { fetchCollection, fetchConfig } from './ogc.js';
import { createPanes, districtLayer, heatSourceLayer, provinceLayer } from './layers.js';
import { LabelLayer } from './labels.js';
import { legendControl } from './legend.js';
import { cityNavigation } from './cities.js';
import { isTrue } from './text.js';

const COLLECTIONS = ['districts', 'provinces', 'heat-sources'];

const status = document.getElementById('status');
const map = L.map('map', { zoomSnap: 0.5, minZoom: 3, maxZoom: 16 }).setView([35, 112], 5);
createPanes(map);
L.control.scale({ imperial: false, position: 'bottomleft' }).addTo(map);
// expanded: planners should see at once which layers exist
const layerControl = L.control.layers(null, null, { collapsed: false, position: 'topright' }).addTo(map);

main().catch((error) => fail(error));

async function main() {
  const [config, ...collections] = await Promise.allSettled([
    fetchConfig(),
    ...COLLECTIONS.map((id) => fetchCollection(id)),
  ]);
  if (config.status === 'fulfilled') addTiles(config.value);
  else console.warn('no /api/config, running without an online base map:', config.reason);

  const data = Object.fromEntries(COLLECTIONS.map((id, i) => [id, collections[i]]));
  const loaded = [];
  const failures = [];
  for (const id of COLLECTIONS) {
    if (data[id].status === 'rejected') failures.push(`${id}: ${data[id].reason.message}`);
  }
  // the legend goes first: labels keep clear of the controls that exist when they are placed
  const keyAreas = data.districts.status === 'fulfilled'
    ? data.districts.value.features.filter((f) => isTrue(f.properties?.is_key_area)).map((f) => f.properties.name)
    : [];
  legendControl(keyAreas).addTo(map);

  if (data.districts.status === 'fulfilled') {
    const districts = data.districts.value;
    const layer = districtLayer(districts).addTo(map);
    layerControl.addOverlay(layer, '区县 Districts');
    const overview = fitToPlanningCities(districts, layer);
    const labels = new LabelLayer(districts).addTo(map);
    layerControl.addOverlay(labels, '区县名称 Labels');
    cityNavigation(document.getElementById('city-nav'), map, districts, overview);
    document.body.dataset.districtCount = String(layer.getLayers().length);
    loaded.push('districts');
  }
  if (data.provinces.status === 'fulfilled') {
    const layer = provinceLayer(data.provinces.value).addTo(map);
    layerControl.addOverlay(layer, '省界 Provinces');
    loaded.push('provinces');
  }
  if (data['heat-sources'].status === 'fulfilled') {
    const layer = heatSourceLayer(data['heat-sources'].value).addTo(map);
    layerControl.addOverlay(layer, '热源 Heat sources');
    document.body.dataset.heatSourceCount = String(layer.getLayers().length);
    loaded.push('heat-sources');
  }

  document.body.dataset.loaded = loaded.join(',');
  if (failures.length > 0) fail(new Error(failures.join('; ')));
  else status.textContent = `区县 ${document.body.dataset.districtCount} · 热源 ${document.body.dataset.heatSourceCount}`;
}

/** Opening view: the planning cities (not every neighbour). Returns the bounds for "全部". */
function fitToPlanningCities(districts, layer) {
  const seeds = L.geoJSON({
    type: 'FeatureCollection',
    features: districts.features.filter((f) => isTrue(f.properties?.seed_city)),
  }).getBounds();
  const bounds = seeds.isValid() ? seeds : layer.getBounds();
  // no animation: the first view should be final when the page says it has loaded
  if (bounds.isValid()) map.fitBounds(bounds, { padding: [16, 16], animate: false });
  return bounds;
}

/** The optional online base map (AIRZONE_TILE_URL); districts turn translucent above it. */
function addTiles(config) {
  if (!config?.tileUrl) return;
  const tiles = L.tileLayer(config.tileUrl, { attribution: config.tileAttribution ?? '', maxZoom: 18 });
  map.on('layeradd layerremove', (e) => {
    if (e.layer === tiles) map.getContainer().classList.toggle('with-tiles', e.type === 'layeradd');
  });
  tiles.addTo(map);
  layerControl.addOverlay(tiles, '在线底图 Online map');
}

function fail(error) {
  document.body.dataset.error = error.message;
  status.textContent = `图层加载失败 layer failed: ${error.message}`;
  status.classList.add('error');
  console.error('airzone map:', error);
}
