// Permanent name labels for districts and cities that never pile up.
//
// Sixty-odd district names at the zoom that shows all five planning cities would be an
// unreadable heap, so: zoomed out, one label per city; zoomed in, district names, each only
// where its polygon is wide enough on screen to hold it and where it does not cover a label of
// higher rank (key areas first, then the planning cities, then larger districts).

import * as L from 'leaflet';
import { contains, interiorPoint } from './geometry.js';
import { escapeHtml, isTrue } from './text.js';

/** Below this zoom the map shows city names; from it on, district names. */
export const DISTRICT_LABEL_MIN_ZOOM = 7;
const GAP_PX = 4; // free space kept around every label

export class LabelLayer extends L.LayerGroup {
  constructor(districts) {
    super([], { pane: 'labels' });
    this._labels = [...districtLabels(districts), ...cityLabels(districts)]
        .sort((a, b) => b.rank - a.rank);
    for (const label of this._labels) {
      label.marker = L.marker(label.latlng, {
        pane: 'labels',
        interactive: false,
        keyboard: false,
        icon: L.divIcon({
          className: `az-label az-label-${label.kind}${label.key ? ' az-label-key' : ''}${label.seed ? ' az-label-seed' : ''}`,
          html: `<span data-label="${escapeHtml(label.text)}">${escapeHtml(label.text)}</span>`,
          iconSize: null, // sized by CSS; the span centres itself on the point
        }),
      });
      this.addLayer(label.marker);
    }
  }

  onAdd(map) {
    super.onAdd(map);
    map.on('zoomend moveend resize', this._place, this);
    this._place();
  }

  onRemove(map) {
    map.off('zoomend moveend resize', this._place, this);
    super.onRemove(map);
  }

  /** Places the labels again, e.g. after a control over the map changed its size. */
  refresh() {
    this._place();
  }

  /** Decides which labels show at this view; the DOM keeps all of them, hidden ones display:none. */
  _place() {
    const map = this._map;
    if (!map) return;
    const zoom = map.getZoom();
    const pixels = map.getPixelBounds();
    const view = pixels.pad(0.2);
    // the legend and the layer switcher sit over the map: labels under them would be cut off
    const taken = controlBoxes(map, pixels.min);
    for (const label of this._labels) {
      const span = label.marker.getElement()?.firstElementChild;
      if (!span) continue;
      const wanted = label.kind === 'city' ? zoom < DISTRICT_LABEL_MIN_ZOOM : zoom >= DISTRICT_LABEL_MIN_ZOOM;
      if (!wanted) {
        span.style.display = 'none';
        continue;
      }
      span.style.display = '';
      // sizes do not change with zoom: measure once, while the label is shown
      label.size ??= { w: span.offsetWidth, h: span.offsetHeight };
      const centre = map.project(label.latlng, zoom);
      const box = L.bounds(
          [centre.x - label.size.w / 2 - GAP_PX, centre.y - label.size.h / 2 - GAP_PX],
          [centre.x + label.size.w / 2 + GAP_PX, centre.y + label.size.h / 2 + GAP_PX]);
      // a neighbour's name only where it fits inside; planning-city districts are always named
      // when there is room around (their small urban districts are where most plants stand)
      const fits = label.kind === 'city' || label.seed || label.key || widthOnScreen(map, label.bounds, zoom) >= label.size.w * 0.8;
      const free = view.intersects(box) && !taken.some((other) => other.intersects(box));
      if (fits && free) {
        taken.push(box);
      } else {
        span.style.display = 'none';
      }
    }
  }
}

/** Boxes of the map's controls, in the same projected pixel space as the labels. */
function controlBoxes(map, origin) {
  const container = map.getContainer().getBoundingClientRect();
  return [...map.getContainer().querySelectorAll('.leaflet-control')].map((control) => {
    const r = control.getBoundingClientRect();
    return L.bounds(
        [origin.x + r.left - container.left, origin.y + r.top - container.top],
        [origin.x + r.right - container.left, origin.y + r.bottom - container.top]);
  });
}

function widthOnScreen(map, bounds, zoom) {
  return map.project(bounds.getNorthEast(), zoom).x - map.project(bounds.getSouthWest(), zoom).x;
}

function districtLabels(districts) {
  return districts.features.filter((f) => f.geometry && f.properties?.name).map((f) => {
    const [lon, lat] = interiorPoint(f.geometry);
    const bounds = L.geoJSON(f).getBounds();
    const key = isTrue(f.properties.is_key_area);
    const seed = isTrue(f.properties.seed_city);
    const areaDeg2 = (bounds.getEast() - bounds.getWest()) * (bounds.getNorth() - bounds.getSouth());
    return {
      kind: 'district', text: f.properties.name, latlng: L.latLng(lat, lon), bounds, key, seed,
      // rank: key areas over planning cities over neighbours; bigger first within each
      rank: (key ? 2e6 : 0) + (seed ? 1e6 : 0) + Math.min(areaDeg2, 999),
    };
  });
}

/**
 * One label per city at the middle of its districts' extent when that point is inside the city,
 * else at its largest district's interior point (coastal and crescent-shaped cities).
 */
function cityLabels(districts) {
  const byCity = new Map();
  for (const f of districts.features) {
    if (!f.geometry || !f.properties?.city) continue;
    const city = byCity.get(f.properties.city) ?? { name: f.properties.city, features: [], seed: false };
    city.features.push(f);
    city.seed ||= isTrue(f.properties.seed_city);
    byCity.set(city.name, city);
  }
  return [...byCity.values()].map((city) => {
    const bounds = L.geoJSON({ type: 'FeatureCollection', features: city.features }).getBounds();
    const centre = bounds.getCenter();
    const inside = city.features.some((f) => contains(f.geometry, [centre.lng, centre.lat]));
    let latlng = centre;
    if (!inside) {
      const largest = city.features.reduce((a, b) => (spanOf(b) > spanOf(a) ? b : a));
      const [lon, lat] = interiorPoint(largest.geometry);
      latlng = L.latLng(lat, lon);
    }
    return {
      kind: 'city', text: city.name, latlng, bounds, key: false, seed: city.seed,
      rank: (city.seed ? 1e6 : 0) + city.features.length,
    };
  });
}

function spanOf(feature) {
  const b = L.geoJSON(feature).getBounds();
  return (b.getEast() - b.getWest()) * (b.getNorth() - b.getSouth());
}
