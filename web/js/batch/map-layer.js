// The batch's sites on the map, coloured by verdict, for up to 100,000 of them.
//
// Why clustering (supercluster, delivered like Geoman, pom.xml): one Leaflet circle marker per site on
// a shared canvas (L.canvas) was the first build, and BatchBrowserTest measured it at 100,000 sites —
// about 5 s to draw, near 3 s to redraw after each zoom and a 1 s stall at the end of a pan, on this
// machine. Supercluster indexes the sites once (a few hundred ms) and answers each view with the few
// hundred clusters and single sites it holds, so a view costs the same whatever the batch's size.
// A cluster shows how many sites it holds, in the colour of its worst verdict; a click zooms into
// it. Single sites are circle markers on one canvas; one popup serves them all and is filled when a
// site is clicked, so no per-site HTML waits in memory.
//
// For tests: <body data-batch-points> is the number of sites in the layer (the rows the filters let
// through that have a place); each drawn marker holds `options.sites`, its sites per verdict.

import * as L from 'leaflet';
import Supercluster from 'supercluster';
import { language, t } from '../messages.js';
import { escapeHtml } from '../text.js';
import { VERDICTS, districtLabel } from './results.js';

/** Verdict colours: the red / amber / green of a traffic light, as EJScreen-style reports use. */
const COLOURS = { prohibited: '#c62828', action_required: '#ef8f00', info: '#2e7d32' };

/** Zoom from which every site stands alone (a district fills the map there). */
const SINGLE_FROM = 13;

export function resultLayer(map, layerControl) {
  map.getPane('batch') ?? (map.createPane('batch').style.zIndex = 460); // over the plants: the batch is what the planner looks at now
  const renderer = L.canvas({ pane: 'batch', padding: 0.3 });
  const group = L.layerGroup();
  const popup = L.popup({ maxWidth: 360, autoPanPadding: [20, 20] });
  let rows = [];
  let index = null;
  let inControl = false;

  function redraw() {
    if (!index || !map.hasLayer(group)) return;
    const b = map.getBounds();
    const items = index.getClusters([Math.max(-180, b.getWest()), Math.max(-85, b.getSouth()), Math.min(180, b.getEast()), Math.min(85, b.getNorth())],
        Math.floor(map.getZoom()));
    group.clearLayers();
    for (const item of items) group.addLayer(item.properties.cluster ? clusterMarker(item) : siteMarker(rows[item.properties.i]));
  }

  function clusterMarker(cluster) {
    const sites = Object.fromEntries(VERDICTS.map((v) => [v, cluster.properties[v]]));
    const worst = VERDICTS.find((v) => sites[v] > 0);
    const n = cluster.properties.point_count;
    const size = n < 100 ? 28 : n < 1000 ? 34 : 42;
    const [lon, lat] = cluster.geometry.coordinates;
    const marker = L.marker([lat, lon], {
      pane: 'batch',
      sites,
      icon: L.divIcon({
        className: `batch-cluster batch-cluster-${worst}`,
        html: `<span>${n}</span>`,
        iconSize: [size, size],
      }),
      title: VERDICTS.filter((v) => sites[v]).map((v) => `${t(`batch.verdict.${v}`)} ${sites[v]}`).join(' · '),
    });
    marker.on('click', () => map.flyTo([lat, lon], Math.min(index.getClusterExpansionZoom(cluster.properties.cluster_id), map.getMaxZoom()), { duration: 0.4 }));
    return marker;
  }

  function siteMarker(row) {
    const marker = L.circleMarker([row.lat, row.lon], {
      renderer, radius: 6, weight: 1, color: '#fff', fillColor: COLOURS[row.verdict], fillOpacity: 0.95,
      sites: { [row.verdict]: 1 },
    });
    marker.on('click', () => open(row));
    return marker;
  }

  function open(row) {
    popup.setLatLng([row.lat, row.lon]).setContent(sitePopup(row)).openOn(map);
  }

  map.on('moveend', redraw);
  group.on('add', redraw);

  return {
    /** Puts exactly `shown` (those with a place) into the layer; returns how many. */
    show(shown) {
      rows = shown.filter((r) => r.lat !== null && r.lon !== null);
      index = new Supercluster({
        maxZoom: SINGLE_FROM - 1,
        radius: 50,
        minZoom: map.getMinZoom(),
        // written out rather than looped over VERDICTS: these run for every site at every zoom level
        map: (p) => ({ prohibited: p.verdict === 'prohibited' ? 1 : 0, action_required: p.verdict === 'action_required' ? 1 : 0, info: p.verdict === 'info' ? 1 : 0 }),
        reduce: (sum, p) => {
          sum.prohibited += p.prohibited;
          sum.action_required += p.action_required;
          sum.info += p.info;
        },
      }).load(rows.map((r, i) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [r.lon, r.lat] }, properties: { i, verdict: r.verdict } })));
      if (!map.hasLayer(group)) group.addTo(map); // 'add' redraws
      else redraw();
      if (!inControl) {
        layerControl.addOverlay(group, escapeHtml(t('batch.layer')));
        inControl = true;
      }
      document.body.dataset.batchPoints = String(rows.length);
      return rows.length;
    },
    /** All sites in view. */
    fit(all) {
      const placed = all.filter((r) => r.lat !== null);
      if (!placed.length) return;
      let [south, west, north, east] = [90, 180, -90, -180];
      for (const r of placed) {
        south = Math.min(south, r.lat);
        north = Math.max(north, r.lat);
        west = Math.min(west, r.lon);
        east = Math.max(east, r.lon);
      }
      map.fitBounds([[south, west], [north, east]], { padding: [30, 30], maxZoom: SINGLE_FROM });
    },
    /** Flies to one site, close enough that it stands alone, and opens its findings. */
    focus(row) {
      if (row.lat === null) return;
      map.once('moveend', () => open(row));
      map.flyTo([row.lat, row.lon], Math.max(map.getZoom(), SINGLE_FROM + 1), { duration: 0.6 });
    },
    /** Takes the layer off the map and out of the layer switcher (a new batch replaces it). */
    clear() {
      map.closePopup(popup);
      index = null;
      rows = [];
      group.clearLayers();
      group.remove();
      if (inControl) layerControl.removeLayer(group);
      inControl = false;
      delete document.body.dataset.batchPoints;
    },
  };
}

/** A site's verdict and every finding, with its message in the page's language and its citation. */
export function sitePopup(row) {
  const message = language() === 'en' ? 'message_en' : 'message_zh';
  const findings = row.findings.map((f) => `<li class="batch-finding batch-${escapeHtml(f.severity)}">
      <span class="batch-tag batch-${escapeHtml(f.severity)}">${escapeHtml(t(`batch.verdict.${f.severity}`))}</span>
      ${escapeHtml(f[message])}
      ${f.citation?.document ? `<div class="batch-citation">《${escapeHtml(f.citation.title || f.citation.document)}》${escapeHtml(f.citation.clause ?? '')}</div>` : ''}
    </li>`).join('');
  return `<div class="popup batch-popup" data-testid="batch-popup" data-row="${row.row}">
    <h3>${escapeHtml(row.name || t('batch.unnamed'))}</h3>
    <table>
      <tr><th>${escapeHtml(t('batch.col.row'))}</th><td>${row.row}</td></tr>
      <tr><th>${escapeHtml(t('batch.col.verdict'))}</th><td><span class="batch-tag batch-${escapeHtml(row.verdict)}">${escapeHtml(t(`batch.verdict.${row.verdict}`))}</span></td></tr>
      <tr><th>${escapeHtml(t('batch.col.district'))}</th><td>${escapeHtml(districtLabel(row) || t('batch.noDistrict'))}</td></tr>
    </table>
    ${findings ? `<ul class="batch-findings">${findings}</ul>` : `<p>${escapeHtml(t('batch.noFindings'))}</p>`}
  </div>`;
}
