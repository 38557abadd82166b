// The base layers drawn from the OGC collections: how each looks and what its popup says.
// Colours live in STYLE so the legend (legend.js) shows exactly what the map draws.

import * as L from 'leaflet';
import { escapeHtml, isTrue } from './text.js';
import { codeText, t } from './messages.js';
import { SNAP_TARGET } from './drawing.js';
import { fetchCollection } from './ogc.js';
import { finer, simplifyLevel } from './detail.js';

export const STYLE = {
  // the seed cities are what planners work on: warm fill; neighbours stay quiet grey context
  seedDistrict: { color: '#a0793a', weight: 1, fillColor: '#f7e2b0', fillOpacity: 0.75 },
  otherDistrict: { color: '#9aa3ad', weight: 0.8, fillColor: '#e4e7eb', fillOpacity: 0.75 },
  // key areas named by the Chifeng plan (元宝山区, 宁城县): must stand out at any zoom
  keyArea: { color: '#b2182b', weight: 2.5, fillColor: '#f4a582', fillOpacity: 0.85 },
  province: { color: '#2f3e4e', weight: 2.2, opacity: 0.9, dashArray: '10 5 2 5', fill: false },
  heatChp: { color: '#7f1d12', fillColor: '#e34a33' },
  heatOther: { color: '#3d4451', fillColor: '#8c96a5' },
};

// custom panes stack provinces over districts (and over the planning zones of zones.js, whose
// panes sit between 400 and 420) and plants over everything; provinces let clicks through
export function createPanes(map) {
  map.createPane('provinces').style.zIndex = 420;
  map.createPane('heat-sources').style.zIndex = 450;
  map.createPane('labels').style.zIndex = 620;
}

export function districtStyle(properties) {
  if (isTrue(properties.is_key_area)) return STYLE.keyArea;
  return isTrue(properties.seed_city) ? STYLE.seedDistrict : STYLE.otherDistrict;
}

// where the outlines come from, and that they are not official boundaries (see gis-data/)

/**
 * Filled district polygons; each path carries classes tests and CSS can find. `simplify`: the level
 * the outlines in `collection` were simplified at (see loadedSimplify).
 */
export function districtLayer(collection, simplify = 0) {
  return L.geoJSON(collection, {
    ...SNAP_TARGET, // planners trace district boundaries when they draw
    simplify,
    attribution: escapeHtml(t('layer.districtSource')),
    style: (feature) => ({
      ...districtStyle(feature.properties),
      className: districtClasses(feature.properties),
    }),
    onEachFeature: (feature, layer) => {
      layer.bindPopup(districtPopup(feature), { maxWidth: 320 });
      // a hover outline helps to see which polygon a click will pick where districts are small
      layer.on('mouseover', () => layer.setStyle({ weight: districtStyle(feature.properties).weight + 1.5 }));
      layer.on('mouseout', () => layer.setStyle({ weight: districtStyle(feature.properties).weight }));
    },
  });
}

function districtClasses(p) {
  const classes = ['az-district'];
  if (isTrue(p.seed_city)) classes.push('az-district-seed');
  if (isTrue(p.is_key_area)) classes.push('az-district-key');
  return classes.join(' ');
}

function districtPopup(feature) {
  const p = feature.properties;
  const tags = [];
  if (isTrue(p.is_key_area)) tags.push(`<span class="tag tag-key">${escapeHtml(t('tag.keyArea'))}</span>`);
  if (isTrue(p.seed_city)) tags.push(`<span class="tag tag-seed">${escapeHtml(t('tag.planningCity'))}</span>`);
  return `<div class="popup popup-district">
    <h3>${escapeHtml(p.name)}</h3>
    ${tags.length ? `<div class="tags">${tags.join(' ')}</div>` : ''}
    <table>
      <tr><th>${escapeHtml(t('field.city'))}</th><td>${escapeHtml(p.city)}</td></tr>
      <tr><th>${escapeHtml(t('field.province'))}</th><td>${escapeHtml(p.province)}</td></tr>
      <tr><th>${escapeHtml(t('field.adcode'))}</th><td>${escapeHtml(p.adcode ?? '—')}</td></tr>
    </table>
  </div>`;
}

/** Province outlines only: they frame the districts and show where cross-border rules start. */
export function provinceLayer(collection, simplify = 0) {
  return L.geoJSON(collection, {
    simplify,
    pane: 'provinces',
    interactive: false,
    style: () => ({ ...STYLE.province, className: 'az-province' }),
  });
}

/**
 * The simplification, in metres, of the outlines a district or province layer holds now: one of the
 * service's levels, or 0 for the stored, full-precision geometry. Whatever needs true vertices
 * (snapping to a border, measuring along it) must find 0 here; keepDetailed loads them once half a
 * pixel is less than the finest level (from about zoom 9.5), and the layer fires 'simplify' then.
 */
export function loadedSimplify(layer) {
  return layer.options.simplify ?? 0;
}

/**
 * Keeps a district or province layer as detailed as the view needs (detail.js): whenever the map
 * has moved past what the layer holds, fetches the finer outlines and puts each into the path that
 * draws it, so popups, styles, listeners and the features other modules hold (state.districts) stay;
 * then the layer fires 'simplify'. Zooming out keeps what is loaded.
 */
export function keepDetailed(map, layer, collectionId, levels) {
  let loading = false;
  const refine = async () => {
    const wanted = simplifyLevel(map.getZoom(), map.getCenter().lat, window.devicePixelRatio, levels);
    if (loading || !finer(wanted, loadedSimplify(layer))) return;
    loading = true;
    try {
      replaceOutlines(layer, await fetchCollection(collectionId, wanted));
      layer.options.simplify = wanted;
      layer.fire('simplify');
    } catch (error) {
      console.warn(`${collectionId}: the finer outlines did not load; keeping these until the map moves again:`, error);
      return;
    } finally {
      loading = false;
    }
    refine(); // the map may have zoomed in further meanwhile
  };
  map.on('moveend', refine);
  refine();
}

function replaceOutlines(layer, collection) {
  const byId = new Map(collection.features.map((f) => [f.id, f.geometry]));
  layer.eachLayer((path) => {
    const geometry = byId.get(path.feature.id);
    if (!geometry) return;
    path.feature.geometry = geometry;
    path.setLatLngs(L.GeoJSON.coordsToLatLngs(geometry.coordinates, geometry.type === 'Polygon' ? 1 : 2));
  });
}

/**
 * Marker radius in pixels for a plant's largest unit: area grows with capacity (square root), so a
 * 1000 MW unit does not hide its neighbours; the 300 MW threshold of the heating-radius rule
 * sits in the middle of the range.
 */
export function heatRadius(largestUnitMw) {
  const mw = Number(largestUnitMw);
  return 3 + Math.sqrt(Number.isFinite(mw) && mw > 0 ? mw : 0) / 3.6;
}

export function heatStyle(properties) {
  const base = properties.chp === 'yes' ? STYLE.heatChp : STYLE.heatOther;
  const planned = properties.status === 'planned';
  return {
    ...base,
    weight: 1.5,
    opacity: 1,
    // planned plants: hollow and dashed, so they read as "not there yet"
    fillOpacity: planned ? 0.25 : 0.85,
    dashArray: planned ? '3 2' : null,
  };
}

export function heatSourceLayer(collection) {
  return L.geoJSON(collection, {
    pointToLayer: (feature, latlng) => L.circleMarker(latlng, {
      pane: 'heat-sources',
      radius: heatRadius(feature.properties.largest_unit_mw),
      className: 'az-heat-source',
      ...heatStyle(feature.properties),
    }),
    onEachFeature: (feature, layer) => {
      layer.bindPopup(heatPopup(feature), { maxWidth: 340 });
      layer.bindTooltip(escapeHtml(feature.properties.name), { direction: 'top', offset: [0, -6] });
    },
  });
}


function heatPopup(feature) {
  const p = feature.properties;
  const mw = (v) => (v === null || v === undefined || v === '' ? '—' : `${escapeHtml(v)} MW`);
  return `<div class="popup popup-heat">
    <h3>${escapeHtml(p.name)}</h3>
    <div class="name-en">${escapeHtml(p.name_en)}</div>
    <table>
      <tr><th>${escapeHtml(t('field.largestUnit'))}</th><td>${mw(p.largest_unit_mw)}</td></tr>
      <tr><th>${escapeHtml(t('field.totalCapacity'))}</th><td>${mw(p.total_capacity_mw)}</td></tr>
      <tr><th>${escapeHtml(t('field.chp'))}</th><td>${escapeHtml(codeText('chp', p.chp) ?? '—')}</td></tr>
      <tr><th>${escapeHtml(t('field.status'))}</th><td>${escapeHtml(codeText('plant', p.status) ?? '—')}</td></tr>
      <tr><th>${escapeHtml(t('field.city'))}</th><td>${escapeHtml(p.city ?? '—')}</td></tr>
    </table>
  </div>`;
}
