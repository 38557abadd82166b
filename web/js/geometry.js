// Small planar helpers on GeoJSON coordinates (lon/lat), only for placing labels on screen.
// Analysis (buffers, distances) is the server's job, done geodesically with JTS.

/**
 * A point inside a (Multi)Polygon, for its label: centroids of concave or C-shaped districts fall
 * outside them (or inside a neighbour). Same idea as JTS InteriorPointArea: cut the largest part
 * with a horizontal line through the middle of its extent and take the middle of the widest
 * stretch that lies inside. Returns [lon, lat], or null for an empty geometry.
 */
export function interiorPoint(geometry) {
  const polygons = polygonsOf(geometry);
  if (polygons.length === 0) return null;
  const largest = polygons.reduce((best, p) => (ringArea(p[0]) > ringArea(best[0]) ? p : best));
  return scanLineMiddle(largest);
}

/** Is [lon, lat] inside the (Multi)Polygon? (even-odd rule, holes included) */
export function contains(geometry, [x, y]) {
  return polygonsOf(geometry).some((rings) => {
    let inside = false;
    for (const ring of rings) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i];
        const [xj, yj] = ring[j];
        if ((yi > y) !== (yj > y) && x < xj + ((y - yj) * (xi - xj)) / (yi - yj)) inside = !inside;
      }
    }
    return inside;
  });
}

function polygonsOf(geometry) {
  if (!geometry) return [];
  if (geometry.type === 'Polygon') return [geometry.coordinates];
  if (geometry.type === 'MultiPolygon') return geometry.coordinates;
  return [];
}

/** Unsigned planar area in degrees² (only compared, never shown). */
function ringArea(ring) {
  let twice = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    twice += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  }
  return Math.abs(twice / 2);
}

function scanLineMiddle(rings) {
  const shell = rings[0];
  let minY = Infinity;
  let maxY = -Infinity;
  for (const [, y] of shell) {
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
  }
  // put the line between the two vertex latitudes nearest the middle, so it never runs through a
  // vertex (crossings there would be counted twice or not at all)
  const middle = (minY + maxY) / 2;
  let below = minY;
  let above = maxY;
  for (const ring of rings) {
    for (const [, y] of ring) {
      if (y <= middle && y > below) below = y;
      if (y > middle && y < above) above = y;
    }
  }
  const scanY = (below + above) / 2;

  const crossings = [];
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i];
      const [xj, yj] = ring[j];
      if ((yi > scanY) !== (yj > scanY)) crossings.push(xj + ((scanY - yj) * (xi - xj)) / (yi - yj));
    }
  }
  crossings.sort((a, b) => a - b);
  let bestX = (shell[0][0] + shell[Math.floor(shell.length / 2)][0]) / 2;
  let bestWidth = -1;
  // even-odd: crossings pair up into the stretches that are inside
  for (let k = 0; k + 1 < crossings.length; k += 2) {
    const width = crossings[k + 1] - crossings[k];
    if (width > bestWidth) {
      bestWidth = width;
      bestX = (crossings[k] + crossings[k + 1]) / 2;
    }
  }
  return [bestX, scanY];
}
