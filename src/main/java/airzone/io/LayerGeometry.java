package airzone.io;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The one geometry type a typed format (GeoPackage) declares for a layer: the type all rows share;
 * a single type and its multi type together become the multi type (each single geometry wrapped);
 * anything else is "Geometry".
 */
record LayerGeometry(String typeName) {

    static LayerGeometry of(ExportLayer layer) {
        Set<String> types = new LinkedHashSet<>();
        for (ExportRow row : layer.rows()) if (row.geometry() != null) types.add(row.geometry().getGeometryType());
        if (types.isEmpty()) return new LayerGeometry(layer.collection().geometryType());
        if (types.size() == 1) return new LayerGeometry(types.iterator().next());
        for (String single : new String[]{"Point", "LineString", "Polygon"}) {
            if (types.equals(Set.of(single, "Multi" + single))) return new LayerGeometry("Multi" + single);
        }
        return new LayerGeometry("Geometry");
    }

    /** {@code g} as this type: a single geometry wrapped when the layer is of its multi type. */
    Geometry conform(Geometry g) {
        if (g == null) return null;
        GeometryFactory f = g.getFactory();
        return switch (typeName) {
            case "MultiPoint" -> g instanceof Point p ? f.createMultiPoint(new Point[]{p}) : g;
            case "MultiLineString" -> g instanceof LineString l ? f.createMultiLineString(new LineString[]{l}) : g;
            case "MultiPolygon" -> g instanceof Polygon p ? f.createMultiPolygon(new Polygon[]{p}) : g;
            default -> g;
        };
    }
}
