package airzone.screen;

import airzone.geo.GeodesicDistance;
import airzone.layer.Feature;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.index.strtree.STRtree;

import java.util.List;

/**
 * Nearest feature by geodesic distance. Lines are indexed segment by segment; the search looks in
 * a box sure to hold a geodesic circle of radius r around the site and widens r until the nearest
 * candidate lies inside that circle, so no farther-away feature can be closer.
 */
final class NearestIndex {

    record Nearest(Feature feature, double metres) {
    }

    private record Part(Feature feature, Geometry geometry) {
    }

    private static final double FIRST_RADIUS_M = 25_000;
    private static final double LAST_RADIUS_M = 4_000_000;

    private final STRtree tree = new STRtree();
    private final boolean empty;

    NearestIndex(List<Feature> features) {
        GeometryFactory factory = new GeometryFactory();
        for (Feature f : features) {
            Geometry g = f.geometry();
            for (int i = 0; i < g.getNumGeometries(); i++) {
                Geometry part = g.getGeometryN(i);
                if (part instanceof LineString line) {
                    Coordinate[] c = line.getCoordinates();
                    for (int k = 1; k < c.length; k++) {
                        LineString segment = factory.createLineString(new Coordinate[]{c[k - 1], c[k]});
                        tree.insert(segment.getEnvelopeInternal(), new Part(f, segment));
                    }
                } else if (part instanceof Point point) {
                    tree.insert(point.getEnvelopeInternal(), new Part(f, point));
                }
            }
        }
        empty = tree.size() == 0;
        tree.build();
    }

    Nearest nearest(Geometry site, GeodesicDistance distance) {
        if (empty) return null;
        for (double radius = FIRST_RADIUS_M; radius <= LAST_RADIUS_M; radius *= 4) {
            Nearest best = null;
            for (Object item : tree.query(around(site.getEnvelopeInternal(), radius))) {
                Part part = (Part) item;
                double metres = distance.metres(site, part.geometry());
                if (best == null || metres < best.metres()) best = new Nearest(part.feature(), metres);
            }
            if (best != null && best.metres() <= radius) return best;
        }
        return null;
    }

    /** A lon/lat box holding every point within {@code metres} of the envelope (1 % to spare). */
    private static Envelope around(Envelope site, double metres) {
        double dLat = metres * 1.01 / 110_574;
        double highestLat = Math.min(89, Math.max(Math.abs(site.getMinY()), Math.abs(site.getMaxY())) + dLat);
        double dLon = Math.min(180, metres * 1.01 / (111_320 * Math.cos(Math.toRadians(highestLat))));
        Envelope box = new Envelope(site);
        box.expandBy(dLon, dLat);
        return box;
    }
}
