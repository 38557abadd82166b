package airzone.rules;

import airzone.RunningService;
import airzone.layer.Feature;
import airzone.screen.Finding;
import airzone.screen.Screener;
import airzone.screen.Screening;
import airzone.screen.SiteReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The distances a screening reports — to the nearest qualifying CHP plant and to each provincial
 * border — against GeographicLib (points exactly, lines densified to 50 m, {@link GeodesicOracle}),
 * for sites where the screening's planar shortcut is most likely to go wrong: on the edges of the
 * Gauss-Krüger zones it projects into, far from every border (where the shortcut's candidates are
 * many), near borders and tri-points, and at random over north China and Guangxi.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedService.class)
class ScreeningDistanceOracleTest implements SharedService.OnStore {

    /** distance_km is rounded to the metre, and GeographicLib and the service solve the same problem. */
    private static final double TOLERANCE_M = 0.9;

    private Screener screener;
    private SiteReader reader;
    private List<Feature> borders;
    private List<Coordinate> plants;

    @Override
    public RunningService.Store store() {
        return RunningService.Store.H2GIS;
    }

    @BeforeAll
    void start(RunningService service) {
        screener = service.app().screener();
        reader = new SiteReader(screener.catalogues(), 1000);
        borders = service.app().store().all("border-lines");
        Set<String> qualifying = new HashSet<>();
        service.app().store().all("heating-radii").forEach(r -> qualifying.add(r.properties().path("heat_source_id").asText()));
        plants = service.app().store().all("heat-sources").stream().filter(f -> qualifying.contains(f.id()))
                .map(f -> f.geometry().getCoordinate()).toList();
    }

    @Test
    void distancesToPlantsAndBordersAgreeWithGeographicLib() {
        Random random = new Random(13);
        List<Coordinate> sites = new ArrayList<>();
        // on both sides of the zone edges at 115.5°, 118.5° and 121.5°E, a metre apart
        for (int n = 0; n < 60; n++) {
            double edge = 115.5 + 3 * random.nextInt(3);
            double lat = 37 + random.nextDouble() * 7;
            sites.add(new Coordinate(edge - 0.00001, lat));
            sites.add(new Coordinate(edge + 0.00001, lat));
        }
        for (int n = 0; n < 150; n++) sites.add(new Coordinate(107.5 + random.nextDouble() * 17, 21 + random.nextDouble() * 25));
        List<Geometry> parts = new ArrayList<>();
        for (Feature b : borders) for (int i = 0; i < b.geometry().getNumGeometries(); i++) parts.add(b.geometry().getGeometryN(i));
        Geometry lines = new GeometryFactory().buildGeometry(parts);
        sites.addAll(GeodesicOracle.around(lines, 150, 25_000, random));

        GeodesicOracle.LineDistance allBorders = new GeodesicOracle.LineDistance(lines);
        Map<String, GeodesicOracle.LineDistance> eachBorder = new HashMap<>();
        borders.forEach(b -> eachBorder.put(b.id(), new GeodesicOracle.LineDistance(b.geometry())));

        List<String> failures = new ArrayList<>();
        double largest = 0;
        int borderFindings = 0;
        for (Coordinate c : sites) {
            Screening s = screener.screen(reader.fromValues(Double.toString(c.x), Double.toString(c.y), name -> null));
            String at = String.format(Locale.ROOT, "site %.7f %.7f", c.x, c.y);
            double plant = plants.stream().mapToDouble(p -> GeodesicOracle.distance(c, p)).min().orElseThrow();
            Finding heat = only(s, "heating-radius");
            double off = Math.abs(heat.distanceKm() * 1000 - plant);
            largest = Math.max(largest, off);
            if (off > TOLERANCE_M) failures.add(at + ": nearest plant " + heat.distanceKm() + " km, GeographicLib " + plant + " m");

            List<Finding> border = s.findings().stream().filter(f -> f.rule().equals("border-consultation")).toList();
            assertThat(border).as(at).isNotEmpty();
            for (Finding f : border) {
                borderFindings++;
                double oracle = eachBorder.get(f.featureId()).metres(c, f.distanceKm() * 1000 + 2_000);
                // the densified oracle is never short, and long by at most √(d² + 25²) − d (12 m at 20 m, 0.3 m at 1 km)
                double ours = f.distanceKm() * 1000;
                off = ours - oracle;
                if (off < 0) off = Math.max(0, -off - (Math.hypot(oracle, GeodesicOracle.DENSIFY_M / 2) - oracle));
                largest = Math.max(largest, off);
                if (off > TOLERANCE_M) failures.add(at + ": border " + f.featureId() + " " + f.distanceKm() + " km, GeographicLib " + oracle + " m");
            }
            double nearest = allBorders.metres(c, 2_000_000);
            double reported = border.stream().mapToDouble(Finding::distanceKm).min().orElseThrow() * 1000;
            // near a tri-point the nearest border may be one between two other provinces, which is not reported
            if (reported - nearest > TOLERANCE_M && !(nearest < 20_000 && border.size() > 0 && reported <= 20_000)) {
                failures.add(at + ": nearest border reported at " + reported + " m, GeographicLib " + nearest + " m");
            }
        }
        System.out.printf(Locale.ROOT, "ORACLE screening distances: %d sites, %d border findings, largest difference beyond the oracle's own bound %.3f m%n",
                sites.size(), borderFindings, largest);
        assertThat(failures).isEmpty();
    }

    private static Finding only(Screening s, String rule) {
        List<Finding> found = s.findings().stream().filter(f -> f.rule().equals(rule)).toList();
        assertThat(found).hasSize(1);
        return found.get(0);
    }
}
