/**
 * Export formats (shapefile, GeoPackage, GeoJSON, KML, CSV) and their CRSs; {@code io.imports} reads
 * uploads of the same formats and writes them through {@code edit}.
 *
 * <p>May depend on: text, geo, disk, layer, auth, edit.
 */
package airzone.io;
