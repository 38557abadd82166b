package airzone.rules;

import airzone.geo.Geodesics;
import airzone.geo.MetricBuffer;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

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

    static List<Piece> compute(Border border, double metres) {
        Geometry band = MetricBuffer.buffer(border.lines(), metres);
        // Outlines of neighbours may leave hairline gaps or overlaps along the border; the left side
        // takes the gaps (a strip of the border tolerance along the line) and the right side the
        // overlaps, so the two pieces meet without slivers or holes.
        Geometry right = band.intersection(near(border.right(), band));
        Geometry seam = border.lines().buffer(BorderLines.TOLERANCE_DEG, 2);
        Geometry left = band.intersection(near(border.left(), band).union(seam)).difference(right);
        List<Piece> pieces = new ArrayList<>();
        addIfAny(pieces, new Piece(border, border.left(), border.right(), withoutDust(left)));
        addIfAny(pieces, new Piece(border, border.right(), border.left(), withoutDust(right)));
        return pieces;
    }

    /** The part of a jurisdiction around the band: overlays on a whole province would be far slower. */
    private static Geometry near(Jurisdiction j, Geometry band) {
        Envelope around = band.getEnvelopeInternal().copy();
        around.expandBy(2 * BorderLines.TOLERANCE_DEG);
        return j.area().intersection(band.getFactory().toGeometry(around));
    }

    private static void addIfAny(List<Piece> pieces, Piece piece) {
        if (!piece.area().isEmpty()) pieces.add(piece);
    }

    private static Geometry withoutDust(Geometry area) {
        List<Polygon> kept = new ArrayList<>();
        for (int i = 0; i < area.getNumGeometries(); i++) {
            if (area.getGeometryN(i) instanceof Polygon p && Geodesics.areaSquareMetres(p) >= MIN_PART_M2) kept.add(p);
        }
        return area.getFactory().createMultiPolygon(kept.toArray(Polygon[]::new));
    }
}
