// What differs between the planner's edit and the version another planner saved meanwhile, for the
// side-by-side view of a 412. Pure, so node --test covers it.

/** Property names whose values differ, in a stable order (theirs' order, then mine's extras). */
export function changedProperties(mine = {}, theirs = {}) {
  const names = [...new Set([...Object.keys(theirs), ...Object.keys(mine)])].filter((n) => !n.startsWith('@'));
  return names.filter((n) => JSON.stringify(mine[n] ?? null) !== JSON.stringify(theirs[n] ?? null));
}

/** True when the two GeoJSON geometries have the same coordinates (to ~1 cm). */
export function sameGeometry(a, b) {
  if (!a || !b) return a === b;
  const round = (v) => (Array.isArray(v) ? v.map(round) : Math.round(v * 1e7));
  return a.type === b.type && JSON.stringify(round(a.coordinates)) === JSON.stringify(round(b.coordinates));
}
