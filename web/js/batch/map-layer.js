// The batch's sites on the map, coloured by verdict. Up to 100,000 points: they are circle markers on
// one shared canvas (L.canvas), which Leaflet draws as a single bitmap — panning moves that bitmap and
// redraws once at the end, where SVG would keep 100,000 DOM nodes. One popup serves every site and is
// filled when a site is clicked, so no per-site HTML waits in memory.
//
// For tests: <body data-batch-points> is the number of sites drawn (the rows the filters let through
// that have a place; rows not screened have none).

import * as L from 'leaflet';
import { language, t } from '../messages.js';
import { escapeHtml } from '../text.js';
import { districtLabel } from './results.js';

/** Verdict colours: the legend's red / amber / green of a traffic light, as EJScreen-style reports use. */
export const COLOURS = { prohibited: '#c62828', action_required: '#ef8f00', info: '#2e7d32' };

export function resultLayer(map, layerControl) {
  map.getPane('batch') ?? (map.createPane('batch').style.zIndex = 460); // over the plants: the batch is what the planner looks at now
  const renderer = L.canvas({ pane: 'batch', padding: 0.3 });
  const group = L.layerGroup();
  const popup = L.popup({ maxWidth: 360, autoPanPadding: [20, 20] });
  const markers = new Map(); // row number → its marker, made when the row is first shown
  let inControl = false;

  const markerOf = (row) => {
    let marker = markers.get(row.row);
    if (!marker) {
      marker = L.circleMarker([row.lat, row.lon], {
        renderer, radius: 5, weight: 1, color: '#fff', fillColor: COLOURS[row.verdict], fillOpacity: 0.9,
      });
      marker.on('click', () => open(row));
      markers.set(row.row, marker);
    }
    return marker;
  };

  function open(row) {
    popup.setLatLng([row.lat, row.lon]).setContent(sitePopup(row)).openOn(map);
  }

  return {
    /** Draws exactly `rows` (those with a place); returns how many were drawn. */
    show(rows) {
      const shown = rows.filter((r) => r.lat !== null && r.lon !== null);
      group.clearLayers();
      for (const row of shown) group.addLayer(markerOf(row));
      if (!map.hasLayer(group)) group.addTo(map);
      if (!inControl) {
        layerControl.addOverlay(group, escapeHtml(t('batch.layer')));
        inControl = true;
      }
      document.body.dataset.batchPoints = String(shown.length);
      return shown.length;
    },
    /** All sites drawn, in view. */
    fit(rows) {
      const placed = rows.filter((r) => r.lat !== null);
      if (!placed.length) return;
      let [south, west, north, east] = [90, 180, -90, -180];
      for (const r of placed) {
        south = Math.min(south, r.lat);
        north = Math.max(north, r.lat);
        west = Math.min(west, r.lon);
        east = Math.max(east, r.lon);
      }
      map.fitBounds([[south, west], [north, east]], { padding: [30, 30], maxZoom: 13 });
    },
    /** Flies to one site and opens its findings. */
    focus(row) {
      if (row.lat === null) return;
      map.once('moveend', () => open(row));
      map.flyTo([row.lat, row.lon], Math.max(map.getZoom(), 13), { duration: 0.6 });
    },
    /** Takes the layer off the map and out of the layer switcher (a new batch replaces it). */
    clear() {
      map.closePopup(popup);
      group.clearLayers();
      group.remove();
      if (inControl) layerControl.removeLayer(group);
      inControl = false;
      markers.clear();
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
