package airzone.io.imports;

import airzone.io.ExportCrs;

/**
 * What the request says about the upload: the format when given ({@code format=} or the
 * Content-Type), the text encoding ({@code encoding=}), the CRS ({@code crs=}) and the layer of a
 * GeoPackage or of a zip with several shapefiles ({@code layer=}); each null when not given.
 */
public record ImportOptions(ImportFormat format, TextEncoding encoding, ExportCrs crs, String layer, boolean dryRun) {
}
