// What the export and import forms offer: formats, coordinate systems and text encodings, and the
// suggestions the export form makes. Pure (no DOM), so web/test/transfer-crs.test.js checks it.
//
// The systems are those ExportCrs.java writes: CRS84 (WGS 84 lon/lat), CGCS2000 geographic, and the
// CGCS2000 3-degree Gauss-Krüger zones 25–45 with the zone number in the false easting (EPSG:4513–4533),
// which is what Chinese planning offices measure areas and lengths in. The same zones by central
// meridian (4534–4554) and Web Mercator the service also writes; the form leaves them out so that
// planners meet one way of naming a zone.

export const EXPORT_FORMATS = ['shapefile', 'geopackage', 'geojson', 'kml', 'csv'];
export const IMPORT_FORMATS = ['shapefile', 'geojson', 'kml', 'geopackage'];
export const ENCODINGS = ['UTF-8', 'GBK'];
/** Formats whose text may be GBK (a dBase file, a CSV); the others are UTF-8 by specification. */
export const ENCODING_FORMATS = new Set(['shapefile', 'csv']);
/** KML coordinates are WGS 84 lon/lat by specification. */
export const WGS84_ONLY_FORMATS = new Set(['kml']);

export const FIRST_ZONE = 25;
export const LAST_ZONE = 45;

/** The collections an import may write (ImportController: planners only). */
export const IMPORTABLE = ['ban-zones', 'built-up-areas', 'industrial-parks', 'control-zones', 'heat-sources'];
/** Every collection the service exports, in the order of the layer switcher. */
export const EXPORTABLE = ['ban-zones', 'built-up-areas', 'industrial-parks', 'control-zones', 'heat-sources',
  'heating-radii', 'border-buffers', 'border-lines', 'districts', 'provinces'];

/** A 3-degree Gauss-Krüger zone: its number, EPSG code (4488 + zone) and central meridian (3 × zone). */
export function gaussKrugerZone(zone) {
  return { zone, epsg: 4488 + zone, code: `EPSG:${4488 + zone}`, centralMeridian: 3 * zone };
}

/** Every system the export form offers, geographic first: {code, kind: 'crs84'|'cgcs2000'|'gk', zone?, centralMeridian?}. */
export function exportSystems() {
  const systems = [{ code: 'CRS84', kind: 'crs84' }, { code: 'EPSG:4490', kind: 'cgcs2000' }];
  for (let zone = FIRST_ZONE; zone <= LAST_ZONE; zone++) systems.push({ kind: 'gk', ...gaussKrugerZone(zone) });
  return systems;
}

/**
 * The Gauss-Krüger zone whose central meridian is nearest to `lon` — the one in which a layer
 * around there keeps lengths and areas truest (scale error grows with the square of the distance
 * from the central meridian) — or null outside zones 25–45 (75°E–135°E).
 */
export function suggestedZone(lon) {
  if (!Number.isFinite(lon)) return null;
  const zone = Math.round(lon / 3);
  return zone >= FIRST_ZONE && zone <= LAST_ZONE ? gaussKrugerZone(zone) : null;
}

/** The encoding to suggest for a format: GBK for shapefiles (ArcGIS before 10.2.1 reads a .dbf as the system's code page), else UTF-8. */
export function suggestedEncoding(format) {
  return format === 'shapefile' ? 'GBK' : 'UTF-8';
}

/**
 * The query of GET /api/export/{collection} for the form's choices; a format that cannot take the
 * choice gets what it can (KML: lon/lat; GeoJSON, GeoPackage, KML: UTF-8), as the form shows.
 */
export function exportQuery({ format, crs, encoding }) {
  const query = new URLSearchParams({ format });
  query.set('crs', WGS84_ONLY_FORMATS.has(format) ? 'CRS84' : crs);
  if (ENCODING_FORMATS.has(format)) query.set('encoding', encoding);
  return query.toString();
}

/**
 * The query of POST /api/import/{collection}: the options the planner set (empty ones left to the
 * service: it reads the format, CRS and encoding from the file) and the dry run with its preview.
 */
export function importQuery({ format = '', encoding = '', crs = '', layer = '' }, dryRun) {
  const query = new URLSearchParams();
  if (format) query.set('format', format);
  if (encoding) query.set('encoding', encoding);
  if (crs) query.set('crs', crs);
  if (layer.trim()) query.set('layer', layer.trim());
  if (dryRun) {
    query.set('dryRun', 'true');
    query.set('preview', 'true');
  }
  return query.toString();
}

/** The Content-Type of an upload by its file name; the service reads the first bytes when it is none of these. */
export function uploadType(fileName) {
  const name = String(fileName).toLowerCase();
  if (name.endsWith('.zip') || name.endsWith('.kmz')) return 'application/zip';
  if (name.endsWith('.geojson') || name.endsWith('.json')) return 'application/geo+json';
  if (name.endsWith('.kml')) return 'application/vnd.google-earth.kml+xml';
  if (name.endsWith('.gpkg')) return 'application/geopackage+sqlite3';
  return 'application/octet-stream';
}

/** The file name of a Content-Disposition header (`attachment; filename="…"`), or null. */
export function attachmentName(header) {
  const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(header ?? '');
  if (!match) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return match[1];
  }
}
