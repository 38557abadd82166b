package airzone.rules;

import airzone.geo.Geodesics;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateArrays;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Extracts the borders between neighbouring jurisdictions: the stretches of one's boundary that
 * run along the other's. Coastline, and borders with jurisdictions not in the data, are no borders.
 * Each border's lines follow the left jurisdiction's rings with its interior on their left
 * (outer rings counter-clockwise, holes clockwise), so "left" and "right" need no guessing.
 */
final class BorderLines {

    /**
     * How far apart two outlines may run and still count as one border. The sample outlines sit on
     * a 1/1024-degree (~100 m) grid, and official ones from different agencies disagree by similar
     * amounts; 0.003° (~300 m) bridges that without catching boundaries that merely come close.
     */
    static final double TOLERANCE_DEG = 0.003;
    /** Fragments shorter than this are slivers of the tolerance at triple points, not borders. */
    private static final double MIN_PIECE_M = 1_000;

    private BorderLines() {
    }

    static List<Border> between(List<Jurisdiction> jurisdictions) {
        Map<Jurisdiction, SegmentIndex> outlines = new HashMap<>();
        List<Border> borders = new ArrayList<>();
        for (int i = 0; i < jurisdictions.size(); i++) {
            for (int k = i + 1; k < jurisdictions.size(); k++) {
                Jurisdiction a = jurisdictions.get(i);
                Jurisdiction b = jurisdictions.get(k);
                if (a.area().getEnvelopeInternal().distance(b.area().getEnvelopeInternal()) > TOLERANCE_DEG) continue;
                SegmentIndex outlineOfB = outlines.computeIfAbsent(b, j -> new SegmentIndex(j.area()));
                Geometry lines = runsAlong(a, b, outlineOfB);
                if (!lines.isEmpty()) borders.add(new Border(a, b, lines));
            }
        }
        return borders;
    }

    private static Geometry runsAlong(Jurisdiction a, Jurisdiction b, SegmentIndex outlineOfB) {
        GeometryFactory factory = a.area().getFactory();
        List<LineString> pieces = new ArrayList<>();
        for (Coordinate[] ring : ringsWithInteriorOnLeft(a.area())) {
            if (!closeTo(ring, b)) continue;
            boolean[] near = new boolean[ring.length - 1];
            for (int v = 0; v < near.length; v++) {
                near[v] = outlineOfB.isWithinDistance(ring[v], TOLERANCE_DEG);
            }
            for (Coordinate[] run : runs(ring, near)) {
                LineString piece = factory.createLineString(run);
                if (Geodesics.lengthMetres(piece) >= MIN_PIECE_M) pieces.add(piece);
            }
        }
        return factory.createMultiLineString(pieces.toArray(LineString[]::new));
    }

    /** Maximal runs of consecutive near vertices of a closed ring, wrapping over its start. */
    private static List<Coordinate[]> runs(Coordinate[] ring, boolean[] near) {
        int n = near.length;
        List<Coordinate[]> runs = new ArrayList<>();
        int start = -1;
        for (int v = 0; v < n; v++) {
            if (!near[v]) {
                start = v;
                break;
            }
        }
        if (start < 0) {
            runs.add(ring.clone());
            return runs;
        }
        List<Coordinate> current = new ArrayList<>();
        for (int step = 1; step <= n; step++) {
            int v = (start + step) % n;
            if (near[v]) {
                current.add(ring[v]);
            } else if (!current.isEmpty()) {
                if (current.size() > 1) runs.add(current.toArray(Coordinate[]::new));
                current = new ArrayList<>();
            }
        }
        if (current.size() > 1) runs.add(current.toArray(Coordinate[]::new));
        return runs;
    }

    private static boolean closeTo(Coordinate[] ring, Jurisdiction b) {
        return CoordinateArrays.envelope(ring).distance(b.area().getEnvelopeInternal()) <= TOLERANCE_DEG;
    }

    private static List<Coordinate[]> ringsWithInteriorOnLeft(Geometry area) {
        List<Coordinate[]> rings = new ArrayList<>();
        for (int i = 0; i < area.getNumGeometries(); i++) {
            if (!(area.getGeometryN(i) instanceof Polygon polygon)) continue;
            rings.add(oriented(polygon.getExteriorRing().getCoordinates(), true));
            for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
                rings.add(oriented(polygon.getInteriorRingN(h).getCoordinates(), false));
            }
        }
        return rings;
    }

    private static Coordinate[] oriented(Coordinate[] ring, boolean counterClockwise) {
        Coordinate[] copy = ring.clone();
        if (Orientation.isCCW(copy) != counterClockwise) CoordinateArrays.reverse(copy);
        return copy;
    }
}
