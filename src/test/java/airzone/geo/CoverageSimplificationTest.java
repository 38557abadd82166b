package airzone.geo;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.coverage.CoverageValidator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.simplify.VWSimplifier;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Three districts along a wiggly border, simplified as one coverage and, for contrast, one by one:
 * the west one spans the whole border, the east side is split in two where a third border meets it.
 */
class CoverageSimplificationTest {

    private static final GeometryFactory GEOMETRY = new GeometryFactory();
    /** A border running north along 119° E from 40° to 41° N, zigzagging 0.002° (about 200 m) either side. */
    private static final List<Coordinate> BORDER = zigzag();
    private static final List<Geometry> COVERAGE = List.of(
            polygon(BORDER, 118.5, 41, 118.5, 40),
            polygon(BORDER.subList(0, 51), 119.5, 40.5, 119.5, 40),
            polygon(BORDER.subList(50, 101), 119.5, 41, 119.5, 40.5));

    @Test
    void neighboursKeepSharingTheirSimplifiedBordersExactly() {
        assertThat(CoverageValidator.isValid(COVERAGE.toArray(Geometry[]::new))).as("the input is a coverage").isTrue();

        List<Geometry> simplified = CoverageSimplification.simplify(COVERAGE, 1600);

        assertThat(vertices(simplified)).as("vertices left of " + vertices(COVERAGE)).isLessThan(vertices(COVERAGE) / 4);
        assertThat(simplified).allSatisfy(g -> assertThat(g.isValid()).isTrue());
        assertThat(CoverageValidator.isValid(simplified.toArray(Geometry[]::new))).as("still a coverage").isTrue();
        Geometry west = simplified.get(0);
        Geometry east = simplified.get(1).union(simplified.get(2));
        assertThat(west.intersection(east).getDimension()).as("the sides meet along a line, not an area").isEqualTo(1);
        assertThat(west.union(east).getArea()).as("and leave no gap").isCloseTo(1.0, within(1e-9));
    }

    @Test
    void simplifiedOneByOneTheyWouldNoLongerFit() {
        Geometry[] oneByOne = COVERAGE.stream().map(g -> VWSimplifier.simplify(g, 1600 / 111_320.0)).toArray(Geometry[]::new);
        assertThat(CoverageValidator.isValid(oneByOne)).isFalse();
    }

    @Test
    void coordinatesAreRoundedToATenthOfTheTolerance() {
        assertThat(CoverageSimplification.decimals(100)).isEqualTo(5);
        assertThat(CoverageSimplification.decimals(200)).isEqualTo(4);
        assertThat(CoverageSimplification.decimals(800)).isEqualTo(4);
        assertThat(CoverageSimplification.decimals(1600)).isEqualTo(3);
        assertThat(CoverageSimplification.decimals(3200)).isEqualTo(3);
        for (Geometry g : CoverageSimplification.simplify(COVERAGE, 1600)) {
            for (Coordinate c : g.getCoordinates()) {
                assertThat(c.x * 1000).isCloseTo(Math.rint(c.x * 1000), within(1e-6));
                assertThat(c.y * 1000).isCloseTo(Math.rint(c.y * 1000), within(1e-6));
            }
        }
    }

    /** The polygon from the start of {@code border} to its end, then over the corners given as lon, lat pairs, and back. */
    private static Geometry polygon(List<Coordinate> border, double... corners) {
        List<Coordinate> ring = new ArrayList<>(border);
        for (int i = 0; i < corners.length; i += 2) ring.add(new Coordinate(corners[i], corners[i + 1]));
        ring.add(border.get(0));
        return GEOMETRY.createPolygon(ring.toArray(Coordinate[]::new));
    }

    private static List<Coordinate> zigzag() {
        List<Coordinate> border = new ArrayList<>();
        for (int i = 0; i <= 100; i++) {
            double offset = i % 2 == 0 ? 0 : i % 4 == 1 ? 0.002 : -0.002;
            border.add(new Coordinate(119 + offset, 40 + i / 100.0));
        }
        return border;
    }

    private static int vertices(List<Geometry> geometries) {
        return geometries.stream().mapToInt(Geometry::getNumPoints).sum();
    }
}
