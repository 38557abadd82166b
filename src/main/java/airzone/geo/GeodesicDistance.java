package airzone.geo;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.operation.distance.DistanceOp;

import java.util.HashMap;
import java.util.Map;

/**
 * Geodesic distances between lon/lat geometries, exact to GeographicLib's precision: the nearest
 * pair of points is found in the Gauss-Krüger plane of the first geometry's zone (where it sits
 * within millimetres of the true nearest pair), and the distance between that pair is then taken
 * on the ellipsoid. Keeps one projection per zone, so it is cheap to reuse and not thread-safe: one
 * instance per thread or request.
 */
public final class GeodesicDistance {

    private final Map<Integer, TransverseMercator> zones = new HashMap<>();

    /** This thread's projection of a 3-degree Gauss-Krüger zone. */
    public TransverseMercator zone(int zone) {
        return zones.computeIfAbsent(zone, TransverseMercator::gaussKrugerZone);
    }

    public double metres(Geometry a, Geometry b) {
        if (a instanceof Point p && b instanceof Point q) return Geodesics.distanceMetres(p.getX(), p.getY(), q.getX(), q.getY());
        return between(a, b).metres();
    }

    /** The geodesic from {@code a}'s point nearest to {@code b} to {@code b}'s point nearest to {@code a}. */
    public GeodesicLine between(Geometry a, Geometry b) {
        if (a instanceof Point p && b instanceof Point q) return GeodesicLine.between(p.getCoordinate(), q.getCoordinate());
        TransverseMercator plane = zone(TransverseMercator.gaussKrugerZoneOf(a.getCentroid().getX()));
        Coordinate[] nearest = DistanceOp.nearestPoints(plane.project(a), plane.project(b));
        Geometry pair = a.getFactory().createMultiPointFromCoords(nearest);
        Coordinate[] lonLat = plane.unproject(pair).getCoordinates();
        // a point end is the point itself, not its round trip through the plane
        return GeodesicLine.between(a instanceof Point p ? p.getCoordinate() : lonLat[0], b instanceof Point q ? q.getCoordinate() : lonLat[1]);
    }
}
