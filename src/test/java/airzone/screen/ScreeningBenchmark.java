package airzone.screen;

import airzone.App;
import airzone.TestDatabases;
import airzone.config.Config;
import airzone.geo.GeodesicDistance;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Screening speed in one run, against a baseline in the same run: single-site latency in-process
 * and over HTTP (8 concurrent clients), 100,000 random sites through the batch path, and the same
 * spatial join done in SQL by PostGIS over the same layers. Needs the test PostGIS
 * (AIRZONE_TEST_PG_URL, see README). Not a test: run with
 * {@code mvn -q -B test-compile exec:java -Dexec.mainClass=airzone.screen.ScreeningBenchmark}.
 */
public final class ScreeningBenchmark {

    private static final int SITES = 100_000;
    /** Results are dropped: the batch path is timed without the cost of writing CSV. */
    private static final BatchOutput DISCARD = new BatchOutput() {
        @Override
        public void write(BatchRow row, Screening screening) {
        }

        @Override
        public void close() {
        }
    };
    private static final String AREA_LAYERS = "'districts','ban-zones','built-up-areas','industrial-parks','control-zones','heating-radii','border-buffers'";

    public static void main(String[] args) throws Exception {
        try (TestDatabases.Postgis pg = TestDatabases.freshPostgis();
             App app = App.start(Config.from(Map.of("AIRZONE_PORT", "0", "AIRZONE_DB_URL", pg.url(),
                     "AIRZONE_DB_USER", pg.user(), "AIRZONE_DB_PASSWORD", pg.password(),
                     "AIRZONE_DATA_DIR", System.getProperty("java.io.tmpdir") + "/airzone-bench"), new String[0]))) {
            Screener screener = app.screener();
            SiteReader reader = new SiteReader(screener.catalogues(), 1000);
            double[][] points = randomPoints(SITES, new Random(3));

            List<BatchRow> rows = new ArrayList<>();
            for (int i = 0; i < points.length; i++) {
                double[] p = points[i];
                rows.add(BatchRow.ok(i + 1, reader.fromValues(String.valueOf(p[0]), String.valueOf(p[1]),
                        name -> switch (name) {
                            case "fuel" -> "coal";
                            case "boiler_tph" -> "20";
                            case "key_gas_industry" -> "true";
                            case "industry" -> "steel";
                            default -> null;
                        })));
            }

            // single site, in-process
            GeodesicDistance distance = new GeodesicDistance();
            for (int i = 0; i < 20_000; i++) screener.screen(rows.get(i % rows.size()).site(), distance);
            double[] inProcess = new double[20_000];
            for (int i = 0; i < inProcess.length; i++) {
                long t = System.nanoTime();
                screener.screen(rows.get(i).site(), distance);
                inProcess[i] = (System.nanoTime() - t) / 1e6;
            }
            System.out.printf(Locale.ROOT, "single site in-process: p50 %.3f ms, p99 %.3f ms%n", pct(inProcess, 50), pct(inProcess, 99));

            // single site over HTTP, 8 concurrent clients
            double[] http = httpLatencies(app.port(), points, 8, 4_000);
            System.out.printf(Locale.ROOT, "single site over HTTP, 8 clients: p50 %.3f ms, p99 %.3f ms%n", pct(http, 50), pct(http, 99));

            // 100,000 sites through the batch path (no HTTP), three runs
            double[] batch = new double[3];
            for (int run = 0; run < batch.length; run++) {
                long t = System.nanoTime();
                BatchScreening.run(screener, rows.iterator(), DISCARD, done -> { });
                batch[run] = (System.nanoTime() - t) / 1e6;
            }
            double ours = median(batch);
            System.out.printf(Locale.ROOT, "batch, %d sites, all rules: median %.0f ms (%.0f sites/s)%n", SITES, ours, SITES / ours * 1000);

            // the same join in PostGIS: every area layer a site touches, heat sources within the radius
            // and border lines within the band, by geography distance, GiST-indexed
            double postgis = postgisJoin(pg, points);
            System.out.printf(Locale.ROOT, "PostGIS spatial join, %d sites, same layers: median %.0f ms%n", SITES, postgis);
            System.out.printf(Locale.ROOT, "ratio PostGIS / in-memory batch: %.1f%n", postgis / ours);
        }
    }

    private static double postgisJoin(TestDatabases.Postgis pg, double[][] points) throws Exception {
        try (Connection c = DriverManager.getConnection(pg.url(), pg.user(), pg.password()); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE bench_sites (id int PRIMARY KEY, geom geometry(Point, 4326))");
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO bench_sites VALUES (?, ST_SetSRID(ST_MakePoint(?, ?), 4326))")) {
                for (int i = 0; i < points.length; i++) {
                    insert.setInt(1, i);
                    insert.setDouble(2, points[i][0]);
                    insert.setDouble(3, points[i][1]);
                    insert.addBatch();
                    if (i % 5_000 == 0) insert.executeBatch();
                }
                insert.executeBatch();
            }
            s.execute("CREATE INDEX bench_sites_geom ON bench_sites USING GIST (geom)");
            s.execute("ANALYZE bench_sites");
            s.execute("ANALYZE features");
            String join = "SELECT count(*) FROM ("
                    + " SELECT s.id, f.id FROM bench_sites s JOIN features f ON f.collection IN (" + AREA_LAYERS + ") AND ST_Intersects(f.geom, s.geom)"
                    + " UNION ALL SELECT s.id, f.id FROM bench_sites s JOIN features f ON f.collection = 'heat-sources'"
                    + "   AND f.geom && ST_Expand(s.geom, 0.25) AND ST_DWithin(f.geom::geography, s.geom::geography, 15000)"
                    + " UNION ALL SELECT s.id, f.id FROM bench_sites s JOIN features f ON f.collection = 'border-lines'"
                    + "   AND f.geom && ST_Expand(s.geom, 0.3) AND ST_DWithin(f.geom::geography, s.geom::geography, 20000)) hits";
            double[] runs = new double[1]; // one run: it takes minutes, and the ratio dwarfs the noise
            for (int run = 0; run < runs.length; run++) {
                long t = System.nanoTime();
                try (ResultSet rs = s.executeQuery(join)) {
                    rs.next();
                    if (run == 0) System.out.println("PostGIS join hits: " + rs.getLong(1));
                }
                runs[run] = (System.nanoTime() - t) / 1e6;
            }
            return median(runs);
        }
    }

    private static double[] httpLatencies(int port, double[][] points, int clients, int perClient) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<double[]>> futures = new ArrayList<>();
        for (int k = 0; k < clients; k++) {
            int offset = k * perClient;
            futures.add(pool.submit(() -> {
                double[] ms = new double[perClient];
                for (int i = -200; i < perClient; i++) {
                    double[] p = points[(offset + Math.max(i, 0)) % points.length];
                    HttpRequest request = HttpRequest.newBuilder(URI.create(String.format(Locale.ROOT,
                            "http://localhost:%d/api/screen?lon=%.5f&lat=%.5f&fuel=coal&boiler_tph=20", port, p[0], p[1]))).build();
                    long t = System.nanoTime();
                    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() != 200) throw new IllegalStateException(response.body());
                    if (i >= 0) ms[i] = (System.nanoTime() - t) / 1e6;
                }
                return ms;
            }));
        }
        double[] all = new double[clients * perClient];
        for (int k = 0; k < clients; k++) System.arraycopy(futures.get(k).get(), 0, all, k * perClient, perClient);
        pool.shutdown();
        return all;
    }

    /** Random sites over the seed cities' region (north China and Guangxi). */
    private static double[][] randomPoints(int n, Random random) {
        double[][] points = new double[n][];
        for (int i = 0; i < n; i++) {
            boolean south = random.nextInt(10) == 0;
            points[i] = south ? new double[]{107.5 + random.nextDouble() * 2.5, 21.3 + random.nextDouble() * 1.5}
                    : new double[]{113 + random.nextDouble() * 9, 36 + random.nextDouble() * 8};
        }
        return points;
    }

    private static double pct(double[] values, int percentile) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)];
    }

    private static double median(double[] values) {
        return pct(values, 50);
    }
}
