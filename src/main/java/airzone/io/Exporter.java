package airzone.io;

import airzone.layer.CollectionInfo;
import airzone.layer.Feature;
import airzone.layer.GeometryTypes;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.util.GeometryFixer;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a collection's features as a file in one of the {@link ExportFormat}s and CRSs: geometries
 * as the collection declares them ({@link GeometryTypes#conform}), projected into the export CRS,
 * then handed to the format's writer. Thread-safe; the caller owns (and deletes) the directory.
 */
public final class Exporter {

    /** What to export. {@code date} names the file; {@code charset} is UTF-8 or GBK. */
    public record Request(CollectionInfo collection, List<Feature> features, ExportFormat format, ExportCrs crs,
                          Charset charset, LocalDate date) {
    }

    /** The written file, the name a client should save it under, and its media type. */
    public record Result(Path file, String fileName, String mediaType, int featureCount) {
    }

    private final Reprojection reprojection = new Reprojection();
    private final Map<ExportFormat, FormatWriter> writers = new EnumMap<>(Map.of(
            ExportFormat.SHAPEFILE, new ShapefileExport(),
            ExportFormat.GEOPACKAGE, new GeoPackageExport(),
            ExportFormat.GEOJSON, new GeoJsonExport(),
            ExportFormat.KML, new KmlExport(),
            ExportFormat.CSV, new CsvExport()));

    public Result export(Request request, Path dir) throws IOException {
        if (request.format().onlyWgs84() && request.crs().epsg() != ExportCrs.WGS84) {
            throw new ExportRefused("format=" + request.format().id() + " is always in EPSG:4326, not " + request.crs().code());
        }
        Reprojection.GeometryTransform transform = reprojection.to(request.crs());
        List<ExportRow> rows = new ArrayList<>(request.features().size());
        for (Feature f : request.features()) {
            if (!finite(f.geometry())) {
                throw new IllegalStateException("feature '" + f.id() + "' of " + request.collection().id() + " has a coordinate that is not a number");
            }
            rows.add(new ExportRow(f.id(), geometry(request.collection(), f, request.crs(), transform), f.properties()));
        }
        String baseName = ExportFileName.base(request.collection().id(), request.date(), request.crs());
        ExportLayer layer = new ExportLayer(request.collection(), request.crs(), request.charset(), request.date(),
                rows, Column.of(rows), baseName);
        Path file = writers.get(request.format()).write(layer, dir);
        return new Result(file, file.getFileName().toString(), request.format().mediaType(), rows.size());
    }

    private static boolean finite(Geometry g) {
        if (g == null) return true;
        boolean[] ok = {true};
        g.apply((org.locationtech.jts.geom.CoordinateFilter) c -> {
            if (!Double.isFinite(c.x) || !Double.isFinite(c.y)) ok[0] = false;
        });
        return ok[0];
    }

    /**
     * The stored geometry as its collection declares it, in the export CRS. Projection bends
     * straight edges nowhere (vertices move, edges stay straight), so a valid polygon stays valid
     * except where two rings ran within rounding distance; such a rare one is repaired rather than
     * exported invalid.
     */
    private static Geometry geometry(CollectionInfo collection, Feature feature, ExportCrs crs,
                                     Reprojection.GeometryTransform transform) {
        Geometry stored = feature.geometry();
        if (stored == null) return null;
        Geometry g = transform.apply(GeometryTypes.conform(collection, stored));
        if (!finite(g)) {
            throw new ExportRefused("feature '" + feature.id() + "' cannot be expressed in crs " + crs.code()
                    + "; choose a CRS that covers it");
        }
        if (!crs.geographic() && !g.isValid()) g = GeometryTypes.conform(collection, GeometryFixer.fix(g));
        return g;
    }
}
