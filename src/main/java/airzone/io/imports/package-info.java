/**
 * Reading uploaded files (zipped shapefiles, GeoJSON, KML, GeoPackage): formats, encodings, CRSs from
 * {@code .prj}, field mapping, limits; {@code Importer} validates and writes through {@code edit.Edits}.
 *
 * <p>Part of the io package's slice: may depend on what io may.
 */
package airzone.io.imports;
