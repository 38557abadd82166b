package airzone.geo;

import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.PolygonArea;
import net.sf.geographiclib.PolygonResult;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/** Lengths, distances and areas on the ellipsoid (GeographicLib, WGS 84), never in degrees. */
public final class Geodesics {

    private Geodesics() {
    }

    public static double distanceMetres(double lon1, double lat1, double lon2, double lat2) {
        return Geodesic.WGS84.Inverse(lat1, lon1, lat2, lon2).s12;
    }

    /** Total geodesic length of every line (and ring) in a geometry. */
    public static double lengthMetres(Geometry geometry) {
        double total = 0;
        for (int i = 0; i < geometry.getNumGeometries(); i++) {
            Geometry part = geometry.getGeometryN(i);
            if (part instanceof LineString line) {
                Coordinate[] c = line.getCoordinates();
                for (int k = 1; k < c.length; k++) total += distanceMetres(c[k - 1].x, c[k - 1].y, c[k].x, c[k].y);
            } else if (part instanceof Polygon polygon) {
                total += lengthMetres(polygon.getExteriorRing());
                for (int h = 0; h < polygon.getNumInteriorRing(); h++) total += lengthMetres(polygon.getInteriorRingN(h));
            }
        }
        return total;
    }

    /** Geodesic area of polygons (holes subtracted); zero for anything without area. */
    public static double areaSquareMetres(Geometry geometry) {
        double total = 0;
        for (int i = 0; i < geometry.getNumGeometries(); i++) {
            if (geometry.getGeometryN(i) instanceof Polygon polygon) {
                total += Math.abs(ringArea(polygon.getExteriorRing()));
                for (int h = 0; h < polygon.getNumInteriorRing(); h++) total -= Math.abs(ringArea(polygon.getInteriorRingN(h)));
            }
        }
        return total;
    }

    private static double ringArea(LineString ring) {
        PolygonArea area = new PolygonArea(Geodesic.WGS84, false);
        Coordinate[] c = ring.getCoordinates();
        for (int k = 0; k < c.length - 1; k++) area.AddPoint(c[k].y, c[k].x);
        PolygonResult result = area.Compute();
        return result.area;
    }
}
