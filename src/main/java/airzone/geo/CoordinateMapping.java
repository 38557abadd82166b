package airzone.geo;

import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;

/** A copy of a geometry with every vertex's x and y mapped by one function: reprojection, rounding. */
public final class CoordinateMapping {

    /** Writes the new x and y into {@code xy} (a reused array, so no vertex allocates). */
    @FunctionalInterface
    public interface XY {
        void map(double x, double y, double[] xy);
    }

    private CoordinateMapping() {
    }

    /** The argument is left as it was; not thread-safe if {@code mapping} keeps state. */
    public static Geometry apply(Geometry geometry, XY mapping) {
        Geometry copy = geometry.copy();
        double[] xy = new double[2];
        copy.apply(new CoordinateSequenceFilter() {
            @Override
            public void filter(CoordinateSequence seq, int i) {
                mapping.map(seq.getX(i), seq.getY(i), xy);
                seq.setOrdinate(i, 0, xy[0]);
                seq.setOrdinate(i, 1, xy[1]);
            }

            @Override
            public boolean isDone() {
                return false;
            }

            @Override
            public boolean isGeometryChanged() {
                return true;
            }
        });
        copy.geometryChanged();
        return copy;
    }
}
