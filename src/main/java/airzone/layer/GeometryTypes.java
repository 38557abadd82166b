package airzone.layer;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/**
 * Geometries as their collection declares them: a MultiPolygon collection hands out only
 * MultiPolygons. GDAL and QGIS type a layer by its features; one Polygon among MultiPolygons turns
 * the whole layer into "Unknown (any)".
 */
public final class GeometryTypes {

    private GeometryTypes() {
    }

    public static Geometry conform(CollectionInfo collection, Geometry geometry) {
        if (collection.geometryType().equals("MultiPolygon") && geometry instanceof Polygon polygon) {
            return geometry.getFactory().createMultiPolygon(new Polygon[]{polygon});
        }
        if (collection.geometryType().equals("MultiLineString") && geometry instanceof LineString line) {
            return geometry.getFactory().createMultiLineString(new LineString[]{line});
        }
        return geometry;
    }
}
