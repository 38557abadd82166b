package airzone.rules;

import airzone.geo.Geodesics;
import airzone.geo.MetricBuffer;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.union.UnaryUnionOp;

import java.util.ArrayList;
import java.util.List;

/**
 * Rule border-consultation (Chifeng （二十一）): the band of B km on each side of a border, one piece
 * per side, each clipped to its own jurisdiction.
 */
final class BorderBuffers {

    /** A buffer piece: the band of one border that lies in {@code side}. */
    record Piece(Border border, Jurisdiction side, Jurisdiction neighbour, Geometry area) {
    }

    /** Parts smaller than this are overlay dust, not territory. */
    private static final double MIN_PART_M2 = 1.0;

    private BorderBuffers() {
    }

    /** @param all every jurisdiction, so that gap filling never reaches into a third one */
    static List<Piece> compute(Border border, double metres, List<Jurisdiction> all) {
        Geometry band = MetricBuffer.buffer(border.lines(), metres);
        Geometry right = band.intersection(near(border.right(), band));
        Geometry left = band.intersection(near(border.left(), band)).difference(right);
        left = left.union(gapsBetween(left, right, border, all));
        List<Piece> pieces = new ArrayList<>();
        addIfAny(pieces, new Piece(border, border.left(), border.right(), withoutDust(left, right)));
        addIfAny(pieces, new Piece(border, border.right(), border.left(), withoutDust(right, left)));
        return pieces;
    }

    /**
     * Outlines of neighbours from different sources leave gaps along their border that belong to
     * neither; inside the band they show as holes between the two pieces. What of a hole no other
     * jurisdiction covers goes to the left piece, so the band has no holes and never takes a third
     * jurisdiction's land.
     */
    private static Geometry gapsBetween(Geometry left, Geometry right, Border border, List<Jurisdiction> all) {
        Geometry both = left.union(right);
        List<Geometry> holes = new ArrayList<>();
        for (int i = 0; i < both.getNumGeometries(); i++) {
            if (!(both.getGeometryN(i) instanceof Polygon p)) continue;
            for (int h = 0; h < p.getNumInteriorRing(); h++) {
                LinearRing ring = p.getInteriorRingN(h);
                holes.add(both.getFactory().createPolygon(ring));
            }
        }
        if (holes.isEmpty()) return both.getFactory().createEmpty(2);
        Geometry gaps = UnaryUnionOp.union(holes);
        for (Jurisdiction other : all) {
            if (other == border.left() || other == border.right()) continue;
            if (!other.area().getEnvelopeInternal().intersects(gaps.getEnvelopeInternal())) continue;
            gaps = gaps.difference(near(other, gaps));
        }
        return gaps;
    }

    /** The part of a jurisdiction around an area: overlays on a whole province would be far slower. */
    private static Geometry near(Jurisdiction j, Geometry area) {
        Envelope around = area.getEnvelopeInternal().copy();
        around.expandBy(2 * BorderLines.TOLERANCE_DEG);
        return j.area().intersection(area.getFactory().toGeometry(around));
    }

    private static void addIfAny(List<Piece> pieces, Piece piece) {
        if (!piece.area().isEmpty()) pieces.add(piece);
    }

    /** Parts under 1 m² go, unless they fill a hole of the other piece (they touch it). */
    private static Geometry withoutDust(Geometry area, Geometry other) {
        List<Polygon> kept = new ArrayList<>();
        for (int i = 0; i < area.getNumGeometries(); i++) {
            if (area.getGeometryN(i) instanceof Polygon p && (Geodesics.areaSquareMetres(p) >= MIN_PART_M2 || p.intersects(other))) kept.add(p);
        }
        return area.getFactory().createMultiPolygon(kept.toArray(Polygon[]::new));
    }
}
