package airzone.io;

import airzone.geo.GridRounding;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;

import static org.assertj.core.api.Assertions.assertThat;

/** Coordinates of the text formats: plain decimals at fixed places, and rounding that keeps geometries valid. */
class ExportOrdinatesTest {

    @Test
    void formatsPlainDecimalsWithoutExponents() {
        assertThat(Ordinates.format(40377310.51003799, 3)).isEqualTo("40377310.51");
        assertThat(Ordinates.format(13313811.0988755, 3)).isEqualTo("13313811.099");
        assertThat(Ordinates.format(118.5166015625, 7)).isEqualTo("118.5166016");
        assertThat(Ordinates.format(120.0, 7)).isEqualTo("120");
        assertThat(Ordinates.format(-805194.4964, 3)).isEqualTo("-805194.496");
        assertThat(Ordinates.format(0.00000004, 7)).isEqualTo("0");
        assertThat(Ordinates.format(-0.00000004, 7)).isEqualTo("0");
        assertThat(Ordinates.format(0.0000004, 7)).isEqualTo("0.0000004");
        assertThat(Ordinates.format(-0.25, 1)).isEqualTo("-0.3");
    }

    @Test
    void aRingThatRoundingWouldCollapseIsDroppedNotExportedInvalid() throws Exception {
        // a square plus a sliver 3·10⁻⁸ degrees wide: at 7 decimals the sliver's vertices fall together
        Geometry g = new WKTReader().read("MULTIPOLYGON (((0 0, 1 0, 1 1, 0 1, 0 0)), "
                + "((2 0, 2.00000003 0.5, 2.00000001 1, 2 0)))");
        assertThat(g.isValid()).isTrue();
        assertThat(GridRounding.round(g, 7).isValid()).as("naive rounding").isFalse();
        Geometry kept = GridRounding.roundKeepingValid(g, 7);
        assertThat(kept.isValid()).isTrue();
        assertThat(kept.getGeometryType()).isEqualTo("MultiPolygon");
        assertThat(kept.getArea()).isEqualTo(1.0);
    }

    @Test
    void validGeometriesAreOnlyRounded() throws Exception {
        Geometry g = new WKTReader().read("POLYGON ((119.12345678 39.9, 119.5 39.9, 119.5 40.1, 119.12345678 39.9))");
        assertThat(GridRounding.roundKeepingValid(g, 7).getCoordinates()[0].x).isEqualTo(119.1234568);
    }
}
