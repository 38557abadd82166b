package airzone.rules;

import airzone.RunningService;
import airzone.layer.Feature;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 3, heating radii against an independent oracle: random points at random azimuths and
 * geodesic distances in [0.9 R, 1.1 R] around each heat source (GeographicLib's direct problem, so
 * the oracle distance of each point is known exactly) must be classified by the stored radius
 * polygon as the oracle says whenever the distance differs from R by more than 0.2 %. Runs once per store.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedService.class)
abstract class HeatingRadiusOracleContract implements SharedService.OnStore {

    static final int POINTS_PER_SOURCE = 400;
    static final long SEED = 42;
    /** docs/architecture.md "Geometry rules": agreement is required outside ±0.2 % of the radius. */
    static final double TOLERANCE = 0.002;

    private List<Feature> radii;
    private Map<String, Coordinate> sources;

    @Override
    public abstract RunningService.Store store();

    @BeforeAll
    void start(RunningService service) {
        radii = service.app().store().all("heating-radii");
        sources = sourceLocations(service.app().store().all("heat-sources"));
    }

    /** One random point around one heat source: the exact geodesic distance is the one it was made at. */
    record Sample(String radiusId, Coordinate source, double radiusMetres, double azimuth, double metres, Coordinate point) {
    }

    static Map<String, Coordinate> sourceLocations(List<Feature> heatSources) {
        Map<String, Coordinate> at = new HashMap<>();
        for (Feature f : heatSources) at.put(f.id(), ((Point) f.geometry()).getCoordinate());
        return at;
    }

    /** The random points, deterministic for a seed and the radii in id order (the store's order). */
    static List<Sample> samples(List<Feature> radii, Map<String, Coordinate> sources, Random random) {
        List<Sample> samples = new ArrayList<>();
        for (Feature radius : radii) {
            Coordinate source = sources.get(radius.properties().path("heat_source_id").asText());
            assertThat(source).as("heat source of %s", radius.id()).isNotNull();
            double r = radius.properties().path("radius_km").asDouble() * 1000;
            for (int n = 0; n < POINTS_PER_SOURCE; n++) {
                double azimuth = random.nextDouble() * 360 - 180;
                double metres = r * (0.9 + 0.2 * random.nextDouble());
                samples.add(new Sample(radius.id(), source, r, azimuth, metres, GeodesicOracle.direct(source, azimuth, metres)));
            }
        }
        return samples;
    }

    @Test
    void thereAreRadiiWithTheDefaultParameters() {
        assertThat(radii).isNotEmpty();
        for (Feature radius : radii) {
            assertThat(radius.properties().path("radius_km").asDouble()).as(radius.id()).isEqualTo(15.0);
            assertThat(radius.properties().path("rule").asText()).isEqualTo("heating-radius");
        }
    }

    @Test
    void randomPointsOutsideTheToleranceBandAreClassifiedAsTheGeodesicOracleSays() {
        Map<String, PreparedGeometry> polygons = new HashMap<>();
        radii.forEach(f -> polygons.put(f.id(), PreparedGeometryFactory.prepare(f.geometry())));
        List<Sample> samples = samples(radii, sources, new Random(SEED));

        List<String> failures = new ArrayList<>();
        int disagreements = 0;
        double band = 0;
        double bandShare = 0;
        for (Sample s : samples) {
            boolean oracle = s.metres() <= s.radiusMetres();
            boolean ours = polygons.get(s.radiusId()).covers(GeodesicOracle.point(s.point()));
            if (oracle == ours) continue;
            disagreements++;
            double off = Math.abs(s.metres() - s.radiusMetres());
            band = Math.max(band, off);
            bandShare = Math.max(bandShare, off / s.radiusMetres());
            if (off > TOLERANCE * s.radiusMetres()) {
                failures.add(String.format("%s: point %.7f %.7f at %.1f m (azimuth %.2f°) from the source, R = %.0f m: oracle %s, polygon %s",
                        s.radiusId(), s.point().x, s.point().y, s.metres(), s.azimuth(), s.radiusMetres(),
                        oracle ? "inside" : "outside", ours ? "inside" : "outside"));
            }
        }
        System.out.printf("ORACLE heating-radius [%s]: %d points around %d sources in [0.9R, 1.1R]; %d disagreements; "
                        + "largest disagreement band |d - R| = %.3f m (%.5f %% of R); allowed 0.2 %%%n",
                store(), samples.size(), radii.size(), disagreements, band, 100 * bandShare);
        assertThat(failures).as("points classified against the geodesic oracle outside the 0.2 %% band").isEmpty();
    }

    /**
     * How far the drawn circle's edge strays from R: vertices by their geodesic distance from the
     * source, and the midpoints of the edges between them (where a chord sags furthest inside).
     * Together they bound the band in which any point can be misclassified.
     */
    @Test
    void theEdgeOfEveryRadiusLiesOnTheGeodesicCircle() {
        double worstVertex = 0;
        double worstSag = 0;
        String vertexAt = "";
        String sagAt = "";
        for (Feature radius : radii) {
            Coordinate source = sources.get(radius.properties().path("heat_source_id").asText());
            double r = radius.properties().path("radius_km").asDouble() * 1000;
            Coordinate[] ring = radius.geometry().getCoordinates();
            for (int k = 0; k < ring.length; k++) {
                double off = GeodesicOracle.distance(source, ring[k]) - r;
                if (Math.abs(off) > Math.abs(worstVertex)) {
                    worstVertex = off;
                    vertexAt = radius.id() + String.format(" at %.7f %.7f", ring[k].x, ring[k].y);
                }
                if (k == 0) continue;
                Coordinate mid = new Coordinate((ring[k - 1].x + ring[k].x) / 2, (ring[k - 1].y + ring[k].y) / 2);
                double sag = GeodesicOracle.distance(source, mid) - r;
                if (Math.abs(sag) > Math.abs(worstSag)) {
                    worstSag = sag;
                    sagAt = radius.id() + String.format(" at %.7f %.7f", mid.x, mid.y);
                }
            }
        }
        System.out.printf("ORACLE heating-radius [%s]: edge vs geodesic circle: largest vertex offset %.3f m (%s), "
                + "largest edge-midpoint offset %.3f m (%s); allowed ±%.0f m (0.2 %% of 15 km)%n", store(), worstVertex, vertexAt, worstSag, sagAt, TOLERANCE * 15_000);
        assertThat(Math.abs(worstVertex)).as("vertex offset from R, worst at %s", vertexAt).isLessThan(TOLERANCE * 15_000);
        assertThat(Math.abs(worstSag)).as("edge midpoint offset from R, worst at %s", sagAt).isLessThan(TOLERANCE * 15_000);
    }

    @Test
    void areaOfEveryRadiusIsPiRSquaredWithinHalfAPercent() {
        double worst = 0;
        String worstId = "";
        List<String> failures = new ArrayList<>();
        for (Feature radius : radii) {
            double r = radius.properties().path("radius_km").asDouble() * 1000;
            double expected = Math.PI * r * r;
            double area = GeodesicOracle.areaSquareMetres(radius.geometry());
            double error = (area - expected) / expected;
            if (Math.abs(error) > Math.abs(worst)) {
                worst = error;
                worstId = radius.id();
            }
            if (Math.abs(error) > 0.005) failures.add(String.format("%s: area %.0f m², πR² %.0f m² (%.3f %%)", radius.id(), area, expected, 100 * error));
        }
        System.out.printf("ORACLE heating-radius [%s]: largest area error vs πR² %.5f %% (%s); allowed 0.5 %%%n", store(), 100 * worst, worstId);
        assertThat(failures).isEmpty();
    }

    @Test
    void everyRadiusIsOneValidPolygon() {
        for (Feature radius : radii) {
            Geometry g = radius.geometry();
            assertThat(g.isValid()).as("%s is valid", radius.id()).isTrue();
            assertThat(g.getNumGeometries()).as("%s is one piece", radius.id()).isEqualTo(1);
            assertThat(g.getGeometryType()).as(radius.id()).isIn("Polygon", "MultiPolygon");
            assertThat(((org.locationtech.jts.geom.Polygon) g.getGeometryN(0)).getNumInteriorRing()).as("%s has no hole", radius.id()).isZero();
        }
    }
}
