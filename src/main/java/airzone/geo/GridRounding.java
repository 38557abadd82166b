package airzone.geo;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.precision.GeometryPrecisionReducer;

/**
 * Geometries on the decimal grid they are written at (GeoJSON, KML, CSV): the one place where
 * rounding happens, so every text output — the OGC items as much as the exports — stays valid.
 */
public final class GridRounding {

    private GridRounding() {
    }

    /**
     * {@code g} at {@code decimals} places for a text format, still valid: rounding each vertex can
     * collapse a ring narrower than the rounding step (a derived border buffer over PostGIS had one,
     * "Too few points in geometry component" in GEOS); such a geometry is reduced with JTS's
     * topology-preserving {@link GeometryPrecisionReducer} instead, which drops the collapsed part.
     */
    public static Geometry roundKeepingValid(Geometry g, int decimals) {
        if (g == null) return null;
        Geometry rounded = round(g, decimals);
        if (rounded.isValid() || !g.isValid()) return rounded;
        Geometry reduced = GeometryPrecisionReducer.reduce(g, new PrecisionModel(pow10(decimals)));
        if (g instanceof MultiPolygon && reduced instanceof Polygon p) {
            return reduced.getFactory().createMultiPolygon(new Polygon[]{p});
        }
        if (g instanceof MultiLineString && reduced instanceof LineString l) {
            return reduced.getFactory().createMultiLineString(new LineString[]{l});
        }
        return reduced;
    }

    /** A copy of {@code g} with every ordinate rounded to {@code decimals} places, for writers that print doubles as they are. */
    public static Geometry round(Geometry g, int decimals) {
        if (g == null) return null;
        double scale = pow10(decimals);
        return CoordinateMapping.apply(g, (x, y, xy) -> {
            xy[0] = Math.round(x * scale) / scale;
            xy[1] = Math.round(y * scale) / scale;
        });
    }

    private static long pow10(int decimals) {
        long p = 1;
        for (int i = 0; i < decimals; i++) p *= 10;
        return p;
    }
}
