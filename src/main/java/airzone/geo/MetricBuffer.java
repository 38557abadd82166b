package airzone.geo;

import org.locationtech.jts.densify.Densifier;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.distance.IndexedFacetDistance;
import org.locationtech.jts.operation.buffer.BufferOp;
import org.locationtech.jts.operation.buffer.BufferParameters;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.locationtech.jts.simplify.DouglasPeuckerSimplifier;

import java.util.ArrayList;
import java.util.List;

/**
 * Buffers of lon/lat geometries by a distance in metres, drawn in a metric projection and never in
 * degrees: a point in a transverse Mercator centred on itself; anything wider piece by piece in the
 * 3-degree Gauss-Krüger zones it crosses, the pieces unioned back in lon/lat.
 */
public final class MetricBuffer {

    /** How far a buffer's chords may stray inside the true arc (issue 3: within 1 m of the circle). */
    private static final double ARC_TOLERANCE_M = 1.0;
    /** Straight buffer edges are cut this short before unprojecting, so they stay straight in both planes. */
    private static final double MAX_EDGE_M = 1_000;

    private MetricBuffer() {
    }

    public static Geometry buffer(Geometry lonLat, double metres) {
        if (metres <= 0) throw new IllegalArgumentException("buffer distance must be positive, got " + metres);
        if (lonLat instanceof Point p) {
            return bufferIn(TransverseMercator.centredOn(p.getX()), lonLat, metres);
        }
        Envelope env = lonLat.getEnvelopeInternal();
        int firstZone = TransverseMercator.gaussKrugerZoneOf(env.getMinX());
        int lastZone = TransverseMercator.gaussKrugerZoneOf(env.getMaxX());
        if (firstZone == lastZone) return bufferIn(TransverseMercator.gaussKrugerZone(firstZone), lonLat, metres);

        GeometryFactory factory = lonLat.getFactory();
        List<Geometry> pieces = new ArrayList<>();
        for (int zone = firstZone; zone <= lastZone; zone++) {
            double west = 3.0 * zone - 1.5;
            Geometry strip = factory.toGeometry(new Envelope(west, west + 3.0, env.getMinY() - 1, env.getMaxY() + 1));
            Geometry part = lonLat.intersection(strip);
            if (!part.isEmpty()) pieces.add(bufferIn(TransverseMercator.gaussKrugerZone(zone), part, metres));
        }
        return UnaryUnionOp.union(pieces);
    }

    /** Segments per quarter circle so that no chord strays more than the tolerance from its arc. */
    public static int quadrantSegments(double metres) {
        double chordAngle = 2 * Math.acos(1 - ARC_TOLERANCE_M / metres);
        return Math.max(8, (int) Math.ceil((Math.PI / 2) / chordAngle));
    }

    /**
     * JTS simplifies a long wiggly line before buffering it (1 % of the distance), which keeps it fast
     * but can leave holes inside the band — the oracle tests found some of 0.1 km², 1.2 km inside
     * it. A hole is real only if it lies farther than the distance from the line; the others are
     * filled. (Turning the simplification off instead makes border bands ten times slower.)
     */
    private static Geometry withoutFalseHoles(Geometry buffered, Geometry line, double metres) {
        IndexedFacetDistance toLine = null;
        List<Polygon> polygons = new ArrayList<>();
        boolean changed = false;
        for (int i = 0; i < buffered.getNumGeometries(); i++) {
            Polygon p = (Polygon) buffered.getGeometryN(i);
            List<LinearRing> realHoles = new ArrayList<>();
            for (int h = 0; h < p.getNumInteriorRing(); h++) {
                LinearRing ring = p.getInteriorRingN(h);
                if (toLine == null) toLine = new IndexedFacetDistance(line);
                Point inside = buffered.getFactory().createPolygon(ring).getInteriorPoint();
                if (toLine.distance(inside) > metres) realHoles.add(ring); else changed = true;
            }
            polygons.add(buffered.getFactory().createPolygon(p.getExteriorRing(), realHoles.toArray(LinearRing[]::new)));
        }
        return changed ? buffered.getFactory().createMultiPolygon(polygons.toArray(Polygon[]::new)) : buffered;
    }

    private static Geometry bufferIn(TransverseMercator projection, Geometry lonLat, double metres) {
        BufferParameters parameters = new BufferParameters(quadrantSegments(metres));
        // Detail finer than 1/2000 of the distance (10 m at 20 km) cannot move the buffer's edge by
        // more than that — a quarter of the 0.2 % docs/architecture.md allows — and dropping it makes long borders
        // buffer many times faster.
        Geometry simplified = DouglasPeuckerSimplifier.simplify(projection.project(lonLat), metres / 2000);
        Geometry buffered = withoutFalseHoles(BufferOp.bufferOp(simplified, metres, parameters), simplified, metres);
        Geometry result = projection.unproject(Densifier.densify(buffered, MAX_EDGE_M));
        result.setSRID(lonLat.getSRID());
        return result;
    }
}
