package airzone.rules;

import org.locationtech.jts.algorithm.Distance;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineSegment;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * The segments of an outline in an R-tree, for "is this vertex within d of the outline?" asked
 * once per vertex of a neighbour — a hundred thousand times per recompute, so it must be cheap.
 */
final class SegmentIndex {

    private final STRtree tree = new STRtree();

    SegmentIndex(Geometry area) {
        for (int i = 0; i < area.getNumGeometries(); i++) {
            if (!(area.getGeometryN(i) instanceof Polygon polygon)) continue;
            add(polygon.getExteriorRing());
            for (int h = 0; h < polygon.getNumInteriorRing(); h++) add(polygon.getInteriorRingN(h));
        }
        tree.build();
    }

    private void add(LineString ring) {
        Coordinate[] c = ring.getCoordinates();
        for (int k = 1; k < c.length; k++) {
            LineSegment segment = new LineSegment(c[k - 1], c[k]);
            tree.insert(new Envelope(c[k - 1], c[k]), segment);
        }
    }

    boolean isWithinDistance(Coordinate p, double distance) {
        Envelope around = new Envelope(p);
        around.expandBy(distance);
        for (Object item : tree.query(around)) {
            LineSegment s = (LineSegment) item;
            if (Distance.pointToSegment(p, s.p0, s.p1) <= distance) return true;
        }
        return false;
    }
}
