package airzone.geo;

import org.locationtech.jts.coverage.CoverageSimplifier;
import org.locationtech.jts.geom.Geometry;

import java.util.List;

/**
 * A polygonal coverage — polygons that tile the land, neighbours sharing their border, like the
 * districts — simplified for drawing. JTS's {@link CoverageSimplifier} simplifies each shared border
 * once for both sides, so neighbours keep sharing it exactly; simplifying each polygon on its own
 * would open gaps and overlaps between them. The vertices are then rounded to a grid a tenth of the
 * tolerance (or finer, see {@link #simplify}), where fewer decimals shorten the GeoJSON and change
 * nothing anyone could see.
 */
public final class CoverageSimplification {

    /** A degree of latitude (and of longitude on the equator, more than anywhere else), in metres. */
    private static final double METRES_PER_DEGREE = 111_320;

    private CoverageSimplification() {
    }

    /**
     * {@code coverage} simplified with a tolerance of {@code metres} (Visvalingam–Whyatt, as
     * CoverageSimplifier does it: corners whose triangle is smaller than the tolerance squared go, so
     * bends much smaller than it disappear), in the same order. Taken in degrees, the
     * tolerance is never more than {@code metres} on the ground.
     */
    public static List<Geometry> simplify(List<Geometry> coverage, double metres) {
        List<Geometry> simplified = List.of(CoverageSimplifier.simplify(coverage.toArray(Geometry[]::new), metres / METRES_PER_DEGREE));
        // every vertex on its own, so that a vertex two neighbours share stays shared; where that leaves a
        // polygon invalid (a tiny enclave whose corners fall together), one decimal more for all of them:
        // repairing that one polygon alone would pull its border off its neighbour's
        for (int decimals = decimals(metres); decimals < GeoJson.DECIMALS; decimals++) {
            int d = decimals;
            List<Geometry> rounded = simplified.stream().map(g -> GridRounding.round(g, d)).toList();
            if (rounded.stream().allMatch(Geometry::isValid)) return rounded;
        }
        return simplified;
    }

    /** The fewest decimals of a degree whose step is at most a tenth of {@code metres}. */
    static int decimals(double metres) {
        int decimals = 0;
        for (double step = METRES_PER_DEGREE; step > metres / 10; step /= 10) decimals++;
        return decimals;
    }
}
