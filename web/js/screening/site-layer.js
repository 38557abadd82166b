// The screening tab's own layer group on the map: the site, the zones it lies in (highlighted in
// the colour of the finding's severity), and the geodesic lines to the nearest heat source and
// borders with their length in km. Cleared when the next screening starts.

import * as L from 'leaflet';
import { getJson } from '../api.js';
import { formatNumber } from '../formatting.js';
import { language } from '../messages.js';
import { zonesHit } from './query.js';

/** The colours of the severities: the same as the printable report's and the tab's (screening.css). */
export const SEVERITY_COLOUR = { prohibited: '#b3131b', action_required: '#d98c00', info: '#5f6b77' };

const AREA_LAYERS = ['ban-zones', 'control-zones', 'built-up-areas', 'industrial-parks', 'heating-radii', 'border-buffers'];
const SITE_STYLE = { color: '#0b3d91', weight: 3, fillColor: '#0b61a4', fillOpacity: 0.25, interactive: false };

export function siteLayer(map, state) {
  if (!map.getPane('screening')) map.createPane('screening').style.zIndex = 440; // over the zones, under the plants
  const group = L.layerGroup().addTo(map);
  // what was asked for last: a result whose zones arrive after a newer screening began is dropped,
  // so that two screenings never share the map
  let shown = 0;

  /** Just the site, while it is being screened. */
  function showSite(geometry) {
    shown += 1;
    group.clearLayers();
    group.addLayer(site(geometry));
  }

  /** The site, the zones hit and the lines of a screening's result; the map shows them all. */
  async function showResult(result) {
    const mine = ++shown;
    group.clearLayers();
    const hits = await Promise.all(zonesHit(result.findings ?? [], AREA_LAYERS).map((hit) => highlighted(hit, state)));
    if (mine !== shown) return;
    for (const layer of hits) if (layer) group.addLayer(layer);
    for (const f of result.findings ?? []) if (f.line) group.addLayer(line(f));
    group.addLayer(site(result.site.geometry));
    const bounds = L.featureGroup(group.getLayers()).getBounds();
    if (bounds.isValid()) map.fitBounds(bounds, { padding: [40, 40], maxZoom: 13, animate: false });
  }

  return { showSite, showResult, clear: () => group.clearLayers() };
}

function site(geometry) {
  if (geometry.type === 'Point') {
    const [lon, lat] = geometry.coordinates;
    return L.circleMarker([lat, lon], { ...SITE_STYLE, radius: 8, pane: 'screening', className: 'scr-site' });
  }
  return L.geoJSON(geometry, { style: { ...SITE_STYLE, className: 'scr-site' }, pane: 'screening', interactive: false });
}

/** A copy of the zone the site lies in, outlined in the finding's colour. */
async function highlighted({ layer, featureId, severity }, state) {
  let feature = null;
  state.layers[layer]?.eachLayer((l) => {
    if (String(l.feature?.id) === String(featureId)) feature = l.feature;
  });
  if (!feature) {
    try {
      feature = await getJson(`ogc/collections/${encodeURIComponent(layer)}/items/${encodeURIComponent(featureId)}`, 'application/geo+json');
    } catch (error) {
      console.warn(`screening: ${layer}/${featureId} could not be highlighted:`, error);
      return null;
    }
  }
  const colour = SEVERITY_COLOUR[severity] ?? SEVERITY_COLOUR.info;
  return L.geoJSON(feature.geometry, {
    pane: 'screening',
    interactive: false,
    style: { color: colour, weight: 4, opacity: 0.95, fill: false, dashArray: '8 5', className: `scr-hit scr-hit-${severity}` },
  });
}

/** The geodesic to a feature, labelled with its length in km (the finding's distance). */
function line(f) {
  const latlngs = f.line.coordinates.map(([lon, lat]) => [lat, lon]);
  const colour = SEVERITY_COLOUR[f.severity] ?? SEVERITY_COLOUR.info;
  const path = L.polyline(latlngs, { color: colour, weight: 2.5, dashArray: '2 6', lineCap: 'round', pane: 'screening',
    interactive: false, className: `scr-line scr-line-${f.layer}` });
  const km = `${formatNumber(f.distance_km, language(), 2)} km`;
  path.bindTooltip(km, { permanent: true, direction: 'center', className: `scr-line-label scr-line-label-${f.layer}` });
  return path;
}
