// The legend, drawn from the same STYLE values as the layers so the two cannot drift apart.

import * as L from '../webjars/leaflet/1.9.4/dist/leaflet-src.esm.js';
import { STYLE, heatRadius } from './layers.js';
import { escapeHtml } from './text.js';

/** @param keyAreas names of the districts flagged as key areas, shown in their legend entry */
export function legendControl(keyAreas = []) {
  const legend = L.control({ position: 'bottomright' });
  legend.onAdd = () => {
    const div = L.DomUtil.create('div', 'legend leaflet-bar');
    div.dataset.testid = 'legend';
    div.innerHTML = `
      <h4>图例 Legend</h4>
      ${row(swatch(STYLE.seedDistrict), '规划城市区县 district of a planning city')}
      ${row(swatch(STYLE.keyArea), `重点区域 key area${keyAreas.length ? ` (${keyAreas.map(escapeHtml).join(', ')})` : ''}`)}
      ${row(swatch(STYLE.otherDistrict), '周边区县 neighbouring district')}
      ${row(line(STYLE.province), '省界 province border')}
      ${row(circle(STYLE.heatChp, 300), '热电联产 CHP plant')}
      ${row(circle(STYLE.heatOther, 300), '电厂（供热未确认）power plant, CHP unknown')}
      ${row(circle({ ...STYLE.heatChp, dashArray: '3 2', fillOpacity: 0.25 }, 300), '规划 planned')}
      <div class="legend-sizes">${[50, 300, 1000].map((mw) => `
        <span>${circle(STYLE.heatOther, mw)}<small>${mw}</small></span>`).join('')}
        <small class="legend-unit">最大单机 MW largest unit</small>
      </div>`;
    // scrolling or clicking the legend must not pan or zoom the map underneath
    L.DomEvent.disableClickPropagation(div);
    L.DomEvent.disableScrollPropagation(div);
    return div;
  };
  return legend;
}

function row(symbol, text) {
  return `<div class="legend-row">${symbol}<span>${text}</span></div>`;
}

function swatch(s) {
  return `<svg width="22" height="14" aria-hidden="true"><rect x="1" y="1" width="20" height="12"
    fill="${s.fillColor}" fill-opacity="${s.fillOpacity}" stroke="${s.color}" stroke-width="${Math.min(s.weight, 2.5)}"/></svg>`;
}

function line(s) {
  return `<svg width="22" height="14" aria-hidden="true"><line x1="0" y1="7" x2="22" y2="7"
    stroke="${s.color}" stroke-width="${s.weight}" stroke-dasharray="${s.dashArray}"/></svg>`;
}

function circle(s, mw) {
  const r = heatRadius(mw);
  const size = Math.ceil(2 * r + 4);
  return `<svg width="${Math.max(size, 22)}" height="${size}" aria-hidden="true"><circle cx="${Math.max(size, 22) / 2}" cy="${size / 2}" r="${r}"
    fill="${s.fillColor}" fill-opacity="${s.fillOpacity ?? 0.85}" stroke="${s.color}" stroke-width="1.5"
    ${s.dashArray ? `stroke-dasharray="${s.dashArray}"` : ''}/></svg>`;
}
