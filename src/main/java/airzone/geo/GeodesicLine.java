package airzone.geo;

import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicData;
import net.sf.geographiclib.GeodesicMask;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;

/**
 * The shortest path on the ellipsoid between two lon/lat points (a site's nearest point and a
 * feature's), and its length. Drawn as a LineString with a vertex at least every
 * {@code spacingMetres} along the geodesic, so that a map draws the true path and the line's
 * geodesic length is the distance.
 */
public record GeodesicLine(Coordinate from, Coordinate to, double metres) {

    public static GeodesicLine between(Coordinate from, Coordinate to) {
        return new GeodesicLine(from, to, Geodesics.distanceMetres(from.x, from.y, to.x, to.y));
    }

    /** Vertices evenly spaced along the geodesic, at most {@code spacingMetres} apart; both ends exact. */
    public LineString densified(GeometryFactory factory, double spacingMetres) {
        int segments = Math.max(1, (int) Math.ceil(metres / spacingMetres));
        Coordinate[] vertices = new Coordinate[segments + 1];
        vertices[0] = new Coordinate(from.x, from.y);
        vertices[segments] = new Coordinate(to.x, to.y);
        if (segments > 1) {
            var line = Geodesic.WGS84.InverseLine(from.y, from.x, to.y, to.x, GeodesicMask.DISTANCE_IN | GeodesicMask.LATITUDE | GeodesicMask.LONGITUDE);
            for (int i = 1; i < segments; i++) {
                GeodesicData p = line.Position(metres * i / segments, GeodesicMask.LATITUDE | GeodesicMask.LONGITUDE);
                vertices[i] = new Coordinate(p.lon2, p.lat2);
            }
        }
        return factory.createLineString(vertices);
    }
}
