package airzone.rules;

import airzone.geo.GeoJson;
import airzone.layer.Feature;
import airzone.seed.SampleData;
import airzone.store.H2gisStore;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * How long the derived layers take, as medians and as ratios against a baseline run in the same
 * process (machines here are noisy; ratios travel better than seconds). Not a test: run with
 * {@code mvn -q -B test-compile exec:java -Dexec.mainClass=airzone.rules.DerivedLayersBenchmark}.
 */
public final class DerivedLayersBenchmark {

    private static final int ROUNDS = 9;

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        RuleBook book = RuleBook.load();
        RuleParameters parameters = book.defaults();
        List<Feature> sources = syntheticHeatSources(count, new Random(7));

        double metric = median(() -> HeatingRadii.compute(sources, parameters, book, Instant.now()).size());
        double naive = median(() -> degreeBuffers(sources).size());
        System.out.printf("heating radii, %d sources, metric buffers: median %.1f ms%n", count, metric);
        System.out.printf("baseline, the same circles buffered in degrees (wrong, for scale): median %.1f ms%n", naive);
        System.out.printf("ratio metric / degree baseline: %.2f%n", metric / naive);

        Path dir = Files.createTempDirectory("airzone-bench");
        try (H2gisStore store = H2gisStore.open(dir, 0)) {
            SampleData.seedIfEmpty(store);
            store.insert("heat-sources", sources, "test");
            DerivedLayers derived = new DerivedLayers(store, book);
            derived.recompute();
            double[] threshold = {300};
            double radiiChange = median(() -> {
                threshold[0] = threshold[0] == 300 ? 299 : 300;
                derived.change(GeoJson.parseObject("{\"heating-radius\": {\"min_unit_mw\": " + threshold[0] + "}}"), "benchmark");
                return 0;
            });
            double[] km = {20};
            double bordersChange = median(() -> {
                km[0] = km[0] == 20 ? 20.001 : 20;
                derived.change(GeoJson.parseObject("{\"border-consultation\": {\"buffer_km\": " + km[0] + "}}"), "benchmark");
                return 0;
            });
            System.out.printf("heating-radius parameter change, %d + 46 sources, read + compute + store (H2GIS): median %.1f ms%n", count, radiiChange);
            System.out.printf("border parameter change, 9 provincial borders, 18 bands (H2GIS): median %.1f ms%n", bordersChange);
            System.out.printf("ratio radii change / compute alone: %.2f%n", radiiChange / metric);
        }
    }

    /** Heat sources spread over northern China, every one qualifying for a radius. */
    static List<Feature> syntheticHeatSources(int count, Random random) {
        GeometryFactory factory = new GeometryFactory();
        List<Feature> sources = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ObjectNode p = GeoJson.MAPPER.createObjectNode();
            p.put("name", "合成热源" + i);
            p.put("name_en", "synthetic " + i);
            p.put("largest_unit_mw", 300 + random.nextInt(700));
            p.put("chp", "yes");
            p.put("status", "operating");
            double lon = 105 + random.nextDouble() * 20;
            double lat = 35 + random.nextDouble() * 10;
            sources.add(new Feature("synthetic-" + i, p, factory.createPoint(new Coordinate(lon, lat)), 0));
        }
        return sources;
    }

    private static List<Geometry> degreeBuffers(List<Feature> sources) {
        int segments = airzone.geo.MetricBuffer.quadrantSegments(15_000);
        return sources.stream().map(f -> f.geometry().buffer(15_000 / 111_320.0, segments)).toList();
    }

    private static double median(Supplier<Integer> work) {
        for (int i = 0; i < 2; i++) work.get();
        double[] ms = new double[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            long start = System.nanoTime();
            work.get();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        return ms[ROUNDS / 2];
    }
}
