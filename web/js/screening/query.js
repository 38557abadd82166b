// What the screening tab sends and how it sorts what comes back; pure (no DOM, no Leaflet), so
// node --test covers it.

/** The project attributes /api/screen takes (SiteReader.ATTRIBUTES), in the form's order. */
export const ATTRIBUTES = ['name', 'industry', 'fuel', 'boiler_tph', 'boiler_use', 'new', 'key_gas_industry', 'stack_height_m'];

/** Severities, most binding first: the order the findings are listed in. */
export const SEVERITIES = ['prohibited', 'action_required', 'info'];

/** The attributes that were filled in, trimmed; blank ones are left out (the service's defaults apply). */
export function filled(attributes) {
  const out = {};
  for (const name of ATTRIBUTES) {
    const value = attributes[name];
    if (value === undefined || value === null) continue;
    const text = String(value).trim();
    if (text !== '') out[name] = text;
  }
  return out;
}

/** The query of GET /api/screen (and of the printable report) for a point site. */
export function pointQuery([lon, lat], attributes, extra = {}) {
  const query = new URLSearchParams({ lon: String(lon), lat: String(lat), ...filled(attributes), ...extra });
  return query.toString();
}

/** The body of POST /api/screen: the site as a GeoJSON Feature with the attributes as properties. */
export function siteFeature(geometry, attributes) {
  return { type: 'Feature', geometry, properties: filled(attributes) };
}

/** Findings grouped by severity, most binding first; groups without findings are left out. */
export function groupBySeverity(findings) {
  const groups = SEVERITIES.map((severity) => ({ severity, findings: findings.filter((f) => f.severity === severity) }));
  const known = new Set(SEVERITIES);
  const other = findings.filter((f) => !known.has(f.severity));
  if (other.length) groups.push({ severity: 'other', findings: other });
  return groups.filter((g) => g.findings.length > 0);
}

/**
 * The areas a site lies in, to highlight: findings at distance 0 on an area layer, once each
 * (several rules may cite the same zone).
 */
export function zonesHit(findings, areaLayers) {
  const seen = new Set();
  const out = [];
  for (const f of findings) {
    if (f.distance_km !== 0 || !f.featureId || !areaLayers.includes(f.layer)) continue;
    const key = `${f.layer}/${f.featureId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ layer: f.layer, featureId: f.featureId, severity: f.severity });
  }
  return out;
}
