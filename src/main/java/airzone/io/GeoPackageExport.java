package airzone.io;

import mil.nga.geopackage.BoundingBox;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.db.GeoPackageDataType;
import mil.nga.geopackage.db.TableColumnKey;
import mil.nga.geopackage.extension.rtree.RTreeIndexExtension;
import mil.nga.geopackage.features.columns.GeometryColumns;
import mil.nga.geopackage.features.user.FeatureColumn;
import mil.nga.geopackage.features.user.FeatureDao;
import mil.nga.geopackage.features.user.FeatureRow;
import mil.nga.geopackage.features.user.FeatureTable;
import mil.nga.geopackage.features.user.FeatureTableMetadata;
import mil.nga.geopackage.geom.GeoPackageGeometryData;
import mil.nga.geopackage.srs.SpatialReferenceSystem;
import mil.nga.geopackage.srs.SpatialReferenceSystemDao;
import mil.nga.sf.GeometryType;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBWriter;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An OGC GeoPackage written with NGA's geopackage-java: one feature table named after the
 * collection, with an R-tree spatial index (what GDAL and QGIS create too), typed columns (DATE for
 * ISO dates, BOOLEAN, INTEGER, REAL, TEXT; nested values as JSON text) and the export CRS in
 * gpkg_spatial_ref_sys under its EPSG code with the OGC WKT of {@link ExportCrs#ogcWkt()}: the
 * library has definitions only for 4326 and 3857 and refuses to make up the others.
 */
final class GeoPackageExport implements FormatWriter {

    static final String ID_COLUMN = "fid";
    static final String GEOMETRY_COLUMN = "geom";
    private static final int GEOPACKAGE_1_3 = 10300;

    @Override
    public Path write(ExportLayer layer, Path dir) throws IOException {
        Path file = dir.resolve(layer.baseName() + ".gpkg");
        GeoPackageManager.create(file.toFile());
        try (GeoPackage geoPackage = GeoPackageManager.open(file.toFile())) {
            SpatialReferenceSystem srs = srs(geoPackage, layer.crs());
            LayerGeometry geometry = LayerGeometry.of(layer);

            GeometryColumns geometryColumns = new GeometryColumns();
            geometryColumns.setId(new TableColumnKey(layer.collection().id(), GEOMETRY_COLUMN));
            geometryColumns.setGeometryType(GeometryType.fromName(geometry.typeName().toUpperCase(Locale.ROOT)));
            geometryColumns.setZ((byte) 0);
            geometryColumns.setM((byte) 0);
            geometryColumns.setSrs(srs);

            List<FeatureColumn> columns = new ArrayList<>();
            for (Column c : layer.columns()) columns.add(FeatureColumn.createColumn(c.name(), dataType(c.type())));
            FeatureTableMetadata metadata = FeatureTableMetadata.create(geometryColumns, ID_COLUMN, columns, bounds(layer));
            metadata.setIdentifier(layer.collection().titleZh() + " " + layer.collection().titleEn());
            metadata.setDescription(layer.collection().description());
            FeatureTable table = geoPackage.createFeatureTable(metadata);

            FeatureDao dao = geoPackage.getFeatureDao(geometryColumns);
            WKBWriter wkb = new WKBWriter(2);
            geoPackage.beginTransaction();
            boolean ok = false;
            try {
                for (ExportRow row : layer.rows()) {
                    FeatureRow out = dao.newRow();
                    Geometry g = geometry.conform(row.geometry());
                    if (g != null) {
                        out.setGeometry(GeoPackageGeometryData.createFromWkbBuildEnvelopeAndWrite(srs.getSrsId(), wkb.write(g)));
                    }
                    for (Column c : layer.columns()) {
                        Object v = c.value(row);
                        out.setValue(c.name(), v instanceof LocalDate d ? d.toString() : v);
                    }
                    dao.create(out);
                }
                ok = true;
            } finally {
                geoPackage.endTransaction(ok);
            }
            new RTreeIndexExtension(geoPackage).create(table);
            // The library stamps GeoPackage 1.4, which GDAL before 3.7 (Debian 12's 3.6, many QGIS
            // installs) answers with a warning on every open; nothing written here needs 1.4
            geoPackage.execSQL("PRAGMA user_version = " + GEOPACKAGE_1_3);
        }
        return file;
    }

    private static SpatialReferenceSystem srs(GeoPackage geoPackage, ExportCrs crs) throws IOException {
        try {
            SpatialReferenceSystemDao dao = geoPackage.getSpatialReferenceSystemDao();
            SpatialReferenceSystem existing = dao.queryForOrganizationCoordsysId("EPSG", crs.epsg());
            if (existing != null) return existing;
            SpatialReferenceSystem srs = new SpatialReferenceSystem();
            srs.setSrsName(crs.name());
            srs.setSrsId(crs.epsg());
            srs.setOrganization("EPSG");
            srs.setOrganizationCoordsysId(crs.epsg());
            srs.setDefinition(crs.ogcWkt());
            srs.setDescription(crs.name());
            dao.create(srs);
            return srs;
        } catch (SQLException e) {
            throw new IOException("cannot record " + crs + " in the GeoPackage: " + e.getMessage(), e);
        }
    }

    private static BoundingBox bounds(ExportLayer layer) {
        Envelope e = new Envelope();
        for (ExportRow row : layer.rows()) if (row.geometry() != null) e.expandToInclude(row.geometry().getEnvelopeInternal());
        return e.isNull() ? null : new BoundingBox(e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY());
    }

    private static GeoPackageDataType dataType(ValueType type) {
        return switch (type) {
            case INTEGER -> GeoPackageDataType.INTEGER;
            case REAL -> GeoPackageDataType.DOUBLE;
            case BOOLEAN -> GeoPackageDataType.BOOLEAN;
            case DATE -> GeoPackageDataType.DATE;
            case TEXT, JSON -> GeoPackageDataType.TEXT;
        };
    }
}
