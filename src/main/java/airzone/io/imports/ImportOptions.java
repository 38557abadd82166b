package airzone.io.imports;

import airzone.io.ExportCrs;

/**
 * What the request says about the upload: the format when given ({@code format=} or the
 * Content-Type), the text encoding ({@code encoding=}), the CRS ({@code crs=}) and the layer of a
 * GeoPackage or of a zip with several shapefiles ({@code layer=}); each null when not given.
 * {@code preview} (with {@code dryRun} only) asks for the features as they would be written in the
 * report, for a page to draw them before the planner confirms.
 */
public record ImportOptions(ImportFormat format, TextEncoding encoding, ExportCrs crs, String layer, boolean dryRun, boolean preview) {

    public ImportOptions {
        if (preview && !dryRun) throw new IllegalArgumentException("a preview is part of a dry run");
    }

    /** Without a preview. */
    public ImportOptions(ImportFormat format, TextEncoding encoding, ExportCrs crs, String layer, boolean dryRun) {
        this(format, encoding, crs, layer, dryRun, false);
    }
}
