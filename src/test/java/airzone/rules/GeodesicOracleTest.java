package airzone.rules;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LineString;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The oracle itself, checked before it judges anything: against geometry with known answers and against brute force. */
class GeodesicOracleTest {

    @Test
    void distanceToAMeridianIsTheLengthOfThePerpendicularGeodesic() {
        // a meridian is a geodesic, and the geodesic leaving it at right angles is the shortest way to it
        LineString meridian = GeodesicOracle.LON_LAT.createLineString(new Coordinate[] {new Coordinate(118, 41), new Coordinate(118, 43)});
        GeodesicOracle.LineDistance oracle = new GeodesicOracle.LineDistance(meridian);
        for (double d : new double[] {20, 1_000, 15_000, 20_000, 30_000}) {
            Coordinate east = GeodesicOracle.direct(118, 42, 90, d);
            // densifying to 50 m overestimates by at most s²/(8d) (and s/2 on the line)
            double bound = Math.min(25, 50.0 * 50.0 / (8 * d)) + 1e-6;
            assertThat(oracle.metres(east, 50_000)).as("at %s m", d).isBetween(d - 1e-6, d + bound);
        }
        assertThat(oracle.metres(GeodesicOracle.direct(118, 42, 90, 60_000), 50_000)).isInfinite();
    }

    @Test
    void theIndexedOracleFindsWhatMeasuringEveryDensifiedVertexFinds() {
        Random random = new Random(42);
        // a wiggly border like the sample outlines: ~100 m steps on a grid, 60 km long, at 42°N
        List<Coordinate> c = new ArrayList<>();
        double x = 118;
        double y = 42;
        c.add(new Coordinate(x, y));
        for (int k = 0; k < 700; k++) {
            if (random.nextDouble() < 0.6) x += 1 / 1024.0; else y += (random.nextBoolean() ? 1 : -1) / 1024.0;
            c.add(new Coordinate(x, y));
        }
        LineString line = GeodesicOracle.LON_LAT.createLineString(c.toArray(Coordinate[]::new));
        GeodesicOracle.LineDistance oracle = new GeodesicOracle.LineDistance(line);
        for (Coordinate p : GeodesicOracle.around(line, 120, 40_000, random)) {
            double brute = oracle.bruteForceMetres(p);
            double indexed = oracle.metres(p, 45_000);
            if (brute <= 40_000) assertThat(indexed).as("point %s", p).isCloseTo(brute, within(1e-6));
        }
    }
}
