// A batch's result as the tab works with it: one plain row per site, read once from the job's
// GeoJSON result (GeoJsonBatchOutput: properties row, name, verdict, district {name, city, province,
// …}, findings [{rule, severity, …}], or error for a row that could not be screened). Filtering,
// sorting and the summary per district run on these rows; nothing here touches the page, so the
// Node tests (web/test/batch-results.test.js) check it directly.

/** Verdicts worst first, as the service names them (Severity.java), and "refused" for rows not screened. */
export const VERDICTS = ['prohibited', 'action_required', 'info'];
export const REFUSED = 'refused';
const RANK = { prohibited: 0, action_required: 1, info: 2, refused: 3 };

/** The rows of a result FeatureCollection, in the input's order. */
export function rowsOf(collection) {
  return (collection?.features ?? []).map((feature) => {
    const p = feature.properties ?? {};
    const district = p.district ?? {};
    const at = pointOf(feature.geometry);
    const findings = p.findings ?? [];
    return {
      row: p.row,
      name: p.name ?? '',
      verdict: p.error !== undefined && p.error !== null ? REFUSED : p.verdict,
      error: p.error ?? null,
      lon: at?.[0] ?? null,
      lat: at?.[1] ?? null,
      district: district.name ?? '',
      city: district.city ?? '',
      province: district.province ?? '',
      rules: [...new Set(findings.map((f) => f.rule))],
      findings,
    };
  });
}

/**
 * Where a site's point goes on the map: the point itself, or for a polygon site the mean of its
 * outer ring's vertices (inside for the compact plots sites are; the service screens the interior point).
 */
export function pointOf(geometry) {
  if (!geometry) return null;
  if (geometry.type === 'Point') return geometry.coordinates;
  const ring = geometry.type === 'Polygon' ? geometry.coordinates[0] : geometry.type === 'MultiPolygon' ? geometry.coordinates[0][0] : null;
  if (!ring?.length) return null;
  const open = ring.length > 1 ? ring.slice(0, -1) : ring; // the closing vertex repeats the first
  const sum = open.reduce((s, [x, y]) => [s[0] + x, s[1] + y], [0, 0]);
  return [sum[0] / open.length, sum[1] / open.length];
}

/** "district (city)" as the planner reads it; empty for a site outside every district. */
export function districtLabel(row) {
  if (!row.district) return '';
  return row.city && row.city !== row.district ? `${row.district}（${row.city}）` : row.district;
}

/**
 * The rows that pass every filter: `verdict`, `rule` (a finding of that rule), `district`
 * (districtLabel), `text` (part of the name, any case). An empty filter lets everything through.
 */
export function filterRows(rows, { verdict = '', rule = '', district = '', text = '' } = {}) {
  const needle = text.trim().toLowerCase();
  return rows.filter((r) => (!verdict || r.verdict === verdict)
      && (!rule || r.rules.includes(rule))
      && (!district || districtLabel(r) === district)
      && (!needle || r.name.toLowerCase().includes(needle)));
}

const collator = new Intl.Collator(['zh-CN', 'en'], { numeric: true });
const KEYS = {
  row: (a, b) => a.row - b.row,
  name: (a, b) => collator.compare(a.name, b.name),
  verdict: (a, b) => RANK[a.verdict] - RANK[b.verdict],
  district: (a, b) => collator.compare(districtLabel(a), districtLabel(b)),
  findings: (a, b) => a.findings.length - b.findings.length,
};
export const SORT_KEYS = Object.keys(KEYS);

/** A sorted copy; ties keep the input order (row number), so a sort is the same every time. */
export function sortRows(rows, key = 'row', descending = false) {
  const compare = KEYS[key] ?? KEYS.row;
  const sign = descending ? -1 : 1;
  return [...rows].sort((a, b) => sign * compare(a, b) || a.row - b.row);
}

/**
 * Sites per district and verdict, like EJAM's batch summary: the districts with the most prohibited
 * sites first, then the most needing action, then by name. Rows not screened have no district and
 * are counted apart (`refused`).
 */
export function summaryByDistrict(rows) {
  const groups = new Map();
  let refused = 0;
  for (const r of rows) {
    if (r.verdict === REFUSED) {
      refused++;
      continue;
    }
    const label = districtLabel(r);
    let group = groups.get(label);
    if (!group) {
      group = { district: label, total: 0, prohibited: 0, action_required: 0, info: 0 };
      groups.set(label, group);
    }
    group.total++;
    group[r.verdict]++;
  }
  const districts = [...groups.values()].sort((a, b) => b.prohibited - a.prohibited
      || b.action_required - a.action_required || collator.compare(a.district, b.district));
  return { districts, refused };
}

/** The values the filters offer: the rules found and the districts met, each sorted. */
export function facets(rows) {
  const rules = new Set();
  const districts = new Set();
  for (const r of rows) {
    for (const rule of r.rules) rules.add(rule);
    const label = districtLabel(r);
    if (label) districts.add(label);
  }
  return { rules: [...rules].sort(), districts: [...districts].sort(collator.compare) };
}

/** Counts per verdict (and refused) of `rows`. */
export function verdictCounts(rows) {
  const counts = { prohibited: 0, action_required: 0, info: 0, refused: 0 };
  for (const r of rows) counts[r.verdict]++;
  return counts;
}
