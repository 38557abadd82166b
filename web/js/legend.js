// The legend, drawn from the same STYLE values as the layers so the two cannot drift apart.
//
// Compact by design: a row of the planning overlays shows only while its layer is on the map
// (the layer switcher lists what else exists), and the whole legend folds away under its title —
// folded from the start on small screens.

import * as L from 'leaflet';
import { STYLE, heatRadius } from './layers.js';
import { CONTROL_TYPES, ZONE_STYLE, banStyle, controlStyle } from './zones.js';
import { escapeHtml } from './text.js';
import { t } from './messages.js';

/**
 * @param keyAreas names of the districts flagged as key areas, shown in their legend entry
 * @param small    start folded (a phone, or a short window)
 */
export function legendControl(keyAreas = [], small = false) {
  const legend = L.control({ position: 'bottomright' });
  legend.onAdd = () => {
    const div = L.DomUtil.create('div', 'legend leaflet-bar');
    div.dataset.testid = 'legend';
    div.innerHTML = `<details ${small ? '' : 'open'}>
      <summary><h4>${escapeHtml(t('legend.title'))}</h4></summary>
      <div class="legend-body">
      ${row(swatch(STYLE.seedDistrict), t('legend.seedDistrict'))}
      ${row(swatch(STYLE.keyArea), `${t('legend.keyArea')}${keyAreas.length ? ` (${keyAreas.join(', ')})` : ''}`)}
      ${row(swatch(STYLE.otherDistrict), t('legend.otherDistrict'))}
      ${row(line(STYLE.province), t('legend.province'))}
      ${row(circle(STYLE.heatChp, 300), t('legend.chp'))}
      ${row(circle(STYLE.heatOther, 300), t('legend.powerPlant'))}
      ${row(circle({ ...STYLE.heatChp, dashArray: '3 2', fillOpacity: 0.25 }, 300), t('legend.planned'))}
      <div class="legend-sizes">${[50, 300, 1000].map((mw) => `
        <span>${circle(STYLE.heatOther, mw)}<small>${mw}</small></span>`).join('')}
        <small class="legend-unit">${escapeHtml(t('legend.largestUnit'))}</small>
      </div>
      <div class="legend-zones">
        <div class="legend-row legend-classes" data-legend="ban-zones">
          ${['III', 'II', 'I'].map((c) => `<span class="legend-class">${swatch({ ...banStyle({ class: c }), weight: 1.2 })}<b>${c}</b></span>`).join('')}
          <span>${escapeHtml(t('legend.banClass'))}</span>
        </div>
        ${row(swatch({ ...banStyle({ class: 'III', source: 'derived' }), weight: 1.5 }), t('legend.derivedBan'), 'ban-zones')}
        ${row(swatch(ZONE_STYLE.builtUp), t('legend.builtUp'), 'built-up-areas')}
        ${row(swatch(ZONE_STYLE.industrialPark), t('legend.industrialPark'), 'industrial-parks')}
        <div class="legend-group" data-legend="control-zones">
          <span>${escapeHtml(t('legend.controlZones'))}</span>
          <div class="legend-grid">${Object.keys(CONTROL_TYPES).map((type) =>
            `<span title="${escapeHtml(t(`control.${type}`))}">${swatch(controlStyle({ zone_type: type }))}${escapeHtml(t(`controlShort.${type}`))}</span>`).join('')}</div>
        </div>
        ${row(ring(ZONE_STYLE.heatingRadius), t('legend.heatingRadius'), 'heating-radii', 'radius')}
        ${row(band(ZONE_STYLE.borderBuffer), t('legend.borderBuffer'), 'border-buffers', 'buffer')}
        ${row(line(ZONE_STYLE.borderLine), t('legend.borderLine'), 'border-lines')}
      </div>
      </div>
    </details>`;
    // scrolling or clicking the legend must not pan or zoom the map underneath
    L.DomEvent.disableClickPropagation(div);
    L.DomEvent.disableScrollPropagation(div);
    return div;
  };
  return legend;
}

/** Shows the rows of the overlays that are on the map and hides the others. */
export function showLegendRows(legend, visibleIds) {
  const div = legend.getContainer();
  if (!div) return;
  for (const rowEl of div.querySelectorAll('[data-legend]')) {
    rowEl.hidden = !visibleIds.has(rowEl.dataset.legend);
  }
}

/** Keeps the legend clear of the layer switcher above it: it scrolls rather than overlaps. */
export function fitLegend(legend, map, switcher) {
  const div = legend.getContainer();
  if (!div) return;
  const room = map.getSize().y - (switcher?.offsetHeight ?? 0) - 40; // 40: control margins and the attribution
  div.style.maxHeight = `${Math.max(room, 60)}px`;
}

/** Fills a rule parameter into its legend text, e.g. radius → "15 km, ≥ 300 MW". */
export function setLegendParameter(legend, name, text) {
  const span = legend.getContainer()?.querySelector(`[data-param="${name}"]`);
  if (span) span.textContent = text;
}

/** One legend entry; `parameter` leaves room for a rule parameter filled in later (setLegendParameter). */
function row(symbol, text, layerId, parameter) {
  const slot = parameter ? ` <span data-param="${parameter}"></span>` : '';
  return `<div class="legend-row"${layerId ? ` data-legend="${layerId}"` : ''}>${symbol}<span>${escapeHtml(text)}${slot}</span></div>`;
}

function swatch(s) {
  const stroke = s.stroke === false ? 'none' : s.color;
  return `<svg width="22" height="14" aria-hidden="true"><rect x="1" y="1" width="20" height="12"
    fill="${s.fillColor}" fill-opacity="${s.fillOpacity}" stroke="${stroke}" stroke-opacity="${s.opacity ?? 1}"
    stroke-width="${Math.min(s.weight ?? 1, 2.5)}" ${s.dashArray ? `stroke-dasharray="${s.dashArray}"` : ''}/></svg>`;
}

function line(s) {
  return `<svg width="22" height="14" aria-hidden="true"><line x1="0" y1="7" x2="22" y2="7"
    stroke="${s.color}" stroke-width="${s.weight}" stroke-opacity="${s.opacity ?? 1}"
    ${s.dashArray ? `stroke-dasharray="${s.dashArray}"` : ''}/></svg>`;
}

/** A strip of buffer either side of a border line. */
function band(s) {
  return `<svg width="22" height="14" aria-hidden="true"><rect x="0" y="2" width="22" height="10"
    fill="${s.fillColor}" fill-opacity="${s.fillOpacity}"/>
    <line x1="0" y1="7" x2="22" y2="7" stroke="${ZONE_STYLE.borderLine.color}" stroke-width="1" stroke-dasharray="4 2"/></svg>`;
}

/** A radius around a plant: the dashed rim with the plant in the middle. */
function ring(s) {
  return `<svg width="22" height="18" aria-hidden="true"><circle cx="11" cy="9" r="8"
    fill="${s.fillColor}" fill-opacity="${Math.max(s.fillOpacity, 0.15)}" stroke="${s.color}" stroke-width="1.3" stroke-dasharray="3 2"/>
    <circle cx="11" cy="9" r="2.5" fill="${STYLE.heatChp.fillColor}" stroke="${STYLE.heatChp.color}" stroke-width="1"/></svg>`;
}

function circle(s, mw) {
  const r = heatRadius(mw);
  const size = Math.ceil(2 * r + 4);
  return `<svg width="${Math.max(size, 22)}" height="${size}" aria-hidden="true"><circle cx="${Math.max(size, 22) / 2}" cy="${size / 2}" r="${r}"
    fill="${s.fillColor}" fill-opacity="${s.fillOpacity ?? 0.85}" stroke="${s.color}" stroke-width="1.5"
    ${s.dashArray ? `stroke-dasharray="${s.dashArray}"` : ''}/></svg>`;
}
