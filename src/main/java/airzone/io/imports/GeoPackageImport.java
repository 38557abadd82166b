package airzone.io.imports;

import airzone.io.ExportCrs;
import airzone.io.ValueType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.TextNode;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.db.GeoPackageDataType;
import mil.nga.geopackage.features.user.FeatureColumn;
import mil.nga.geopackage.features.user.FeatureDao;
import mil.nga.geopackage.features.user.FeatureResultSet;
import mil.nga.geopackage.features.user.FeatureRow;
import mil.nga.geopackage.geom.GeoPackageGeometryData;
import mil.nga.geopackage.srs.SpatialReferenceSystem;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An OGC GeoPackage, read with NGA's geopackage-java: the feature table named by {@code layer=},
 * else the first one; typed columns (BOOLEAN, INTEGER, REAL, DATE, TEXT; BLOBs are left out); the
 * geometry column as WKB; the table's CRS from gpkg_spatial_ref_sys — a supported EPSG code as
 * such, any other definition matched by {@link PrjCrs} like a .prj.
 */
final class GeoPackageImport {

    SourceLayer read(Path file, ImportOptions options) {
        List<String> notes = new ArrayList<>();
        GeoPackage geoPackage;
        try {
            geoPackage = GeoPackageManager.open(file.toFile(), false);
        } catch (RuntimeException e) {
            throw ImportRefused.badInput("the upload is not a GeoPackage that can be opened: " + rootMessage(e), e);
        }
        try (geoPackage) {
            List<String> tables;
            try {
                tables = geoPackage.getFeatureTables();
            } catch (RuntimeException e) {
                throw ImportRefused.badInput("the GeoPackage has no readable gpkg_contents table: " + rootMessage(e), e);
            }
            if (tables.isEmpty()) throw ImportRefused.badInput("the GeoPackage holds no feature table");
            String table;
            if (options.layer() != null) {
                table = tables.stream().filter(t -> t.equalsIgnoreCase(options.layer())).findFirst().orElseThrow(() ->
                        ImportRefused.badInput("the GeoPackage has no feature table '" + options.layer() + "'; it has " + String.join(", ", tables)));
            } else {
                table = tables.get(0);
                if (tables.size() > 1) {
                    notes.add("the GeoPackage has " + tables.size() + " feature tables (" + String.join(", ", tables) + "); '" + table
                            + "' was read — choose another with layer=");
                }
            }
            FeatureDao dao = geoPackage.getFeatureDao(table);
            ExportCrs crs;
            String crsFrom;
            if (options.crs() != null) {
                crs = options.crs();
                crsFrom = "parameter";
            } else {
                crs = crs(dao.getSrs(), table);
                crsFrom = "GeoPackage srs " + dao.getSrs().getOrganization() + ":" + dao.getSrs().getOrganizationCoordsysId();
            }

            String geometryColumn = dao.getGeometryColumnName();
            List<SourceField> fields = new ArrayList<>();
            List<FeatureColumn> columns = new ArrayList<>();
            for (FeatureColumn c : dao.getTable().getColumns()) {
                if (c.isPrimaryKey() || c.isGeometry() || c.getName().equals(geometryColumn)) continue;
                ValueType type = type(c.getDataType());
                if (type == null) {
                    notes.add("column '" + c.getName() + "' (" + c.getType() + ") cannot be imported and was left out");
                    continue;
                }
                fields.add(new SourceField(c.getName(), type));
                columns.add(c);
            }
            String idField = IdField.pick(fields);
            if (idField != null) fields.removeIf(f -> f.name().equals(idField));

            List<SourceFeature> features = new ArrayList<>();
            WKBReader wkb = new WKBReader();
            FeatureResultSet rows = dao.queryForAll();
            try {
                while (rows.moveToNext()) {
                    FeatureRow row = rows.getRow();
                    Map<String, JsonNode> attributes = new LinkedHashMap<>();
                    String id = null;
                    for (int i = 0; i < columns.size(); i++) {
                        FeatureColumn c = columns.get(i);
                        JsonNode v = json(row.getValue(c.getName()));
                        if (v == null) continue;
                        if (c.getName().equals(idField)) id = IdField.text(v);
                        else attributes.put(c.getName(), Values.as(v, type(c.getDataType())));
                    }
                    Geometry g = null;
                    String problem = null;
                    GeoPackageGeometryData data = row.getGeometry();
                    if (data != null && !data.isEmpty()) {
                        try {
                            g = Flat.xy(wkb.read(data.getWkb()));
                        } catch (ParseException | java.io.IOException | RuntimeException e) {
                            problem = "its geometry cannot be read: " + e.getMessage();
                        }
                    }
                    features.add(new SourceFeature(id, attributes, g, problem));
                }
            } finally {
                rows.close();
            }
            return new SourceLayer(ImportFormat.GEOPACKAGE, table, crs, crsFrom, TextEncoding.utf8(TextEncoding.FORMAT), fields, idField,
                    features, notes);
        } catch (ImportRefused e) {
            throw e;
        } catch (RuntimeException e) {
            throw ImportRefused.badInput("the GeoPackage cannot be read: " + rootMessage(e), e);
        }
    }

    private static ExportCrs crs(SpatialReferenceSystem srs, String table) {
        if (srs == null) throw ImportRefused.badInput("the table '" + table + "' names no spatial reference system; give crs=EPSG:…");
        String organization = srs.getOrganization() == null ? "" : srs.getOrganization().trim();
        long code = srs.getOrganizationCoordsysId();
        if (organization.equalsIgnoreCase("EPSG")) {
            var supported = ExportCrs.parse("EPSG:" + code);
            if (supported.isPresent()) return supported.get();
        }
        if (srs.getSrsId() == -1 || srs.getSrsId() == 0) {
            throw ImportRefused.badInput("the table '" + table + "' has an undefined spatial reference system (srs_id " + srs.getSrsId()
                    + "); give crs=EPSG:…");
        }
        String definition = srs.getDefinition();
        if (definition == null || definition.isBlank() || definition.trim().equalsIgnoreCase("undefined")) {
            throw ImportRefused.badInput("the table '" + table + "' is in " + organization + ":" + code
                    + ", which is not a supported CRS and has no definition; give crs=EPSG:… (" + ExportCrs.supportedText() + ")");
        }
        return PrjCrs.match(definition, "the GeoPackage's CRS " + organization + ":" + code);
    }

    private static ValueType type(GeoPackageDataType t) {
        if (t == null) return ValueType.TEXT;
        return switch (t) {
            case BOOLEAN -> ValueType.BOOLEAN;
            case TINYINT, SMALLINT, MEDIUMINT, INT, INTEGER -> ValueType.INTEGER;
            case FLOAT, DOUBLE, REAL -> ValueType.REAL;
            case DATE -> ValueType.DATE;
            case TEXT, DATETIME -> ValueType.TEXT;
            case BLOB -> null;
        };
    }

    private static JsonNode json(Object v) {
        if (v == null) return null;
        if (v instanceof Boolean b) return BooleanNode.valueOf(b);
        if (v instanceof Byte || v instanceof Short || v instanceof Integer || v instanceof Long) return Values.integral(((Number) v).longValue());
        if (v instanceof Number n) return DoubleNode.valueOf(n.doubleValue());
        if (v instanceof java.sql.Date d) return TextNode.valueOf(d.toLocalDate().toString());
        if (v instanceof java.util.Date d) {
            Instant i = d.toInstant();
            return TextNode.valueOf(i.atOffset(ZoneOffset.UTC).toLocalTime().equals(java.time.LocalTime.MIDNIGHT)
                    ? i.atOffset(ZoneOffset.UTC).toLocalDate().toString() : i.toString());
        }
        if (v instanceof String s) return s.isEmpty() ? null : TextNode.valueOf(s);
        if (v instanceof byte[]) return null;
        return TextNode.valueOf(v.toString());
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        return root.getMessage() == null ? root.toString() : root.getMessage();
    }
}
