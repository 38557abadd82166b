package airzone.screen;

import airzone.App;
import airzone.config.Config;

import airzone.geo.GeodesicDistance;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Batch screening over HTTP, CSV in and CSV out, every rule: the first batch after start, then warm
 * batches of 2,000, 10,000 and 100,000 random sites in lon 116.5–123, lat 38.5–44 (the box:
 * Beijing, Tianjin, Hebei, Liaoning, Inner Mongolia and the Bohai). On the embedded store with the
 * sample data. Not a test: {@code mvn -q -B test-compile exec:java
 * -Dexec.mainClass=airzone.screen.BatchBenchmark} ({@code -Druns=N}, default 5; {@code -Dsizes=2000,100000}).
 */
public final class BatchBenchmark {

    public static void main(String[] args) throws Exception {
        int runs = Integer.getInteger("runs", 5);
        List<Integer> sizes = new ArrayList<>();
        for (String s : System.getProperty("sizes", "2000,10000,100000").split(",")) sizes.add(Integer.parseInt(s.trim()));
        Path dataDir = Files.createTempDirectory("airzone-batch-bench");
        try (App app = App.start(Config.from(Map.of("AIRZONE_PORT", "0", "AIRZONE_DATA_DIR", dataDir.toString()), new String[0]))) {
            URI uri = URI.create("http://localhost:" + app.port() + "/api/screen/batch?format=csv");
            HttpClient client = HttpClient.newHttpClient();
            byte[] first = csv(2_000, new Random(1));
            System.out.printf(Locale.ROOT, "first batch after start, 2,000 sites: %.0f ms%n", post(client, uri, first));
            inProcess(app.screener(), dataDir, csv(100_000, new Random(7)));
            byte[] peerBody = null;
            double peerOurs = Double.NaN;
            Path ourResult = dataDir.resolve("airzone-result.csv");
            for (int size : sizes) {
                byte[] body = csv(size, new Random(size));
                post(client, uri, body);
                double[] ms = new double[runs];
                for (int run = 0; run < runs; run++) ms[run] = post(client, uri, body);
                double[] sorted = ms.clone();
                java.util.Arrays.sort(sorted);
                double median = sorted[runs / 2];
                System.out.printf(Locale.ROOT, "batch over HTTP, %,d sites, CSV in and out: median %.0f ms (min %.0f, max %.0f), %,.0f sites/s%n",
                        size, median, sorted[0], sorted[runs - 1], size / median * 1000);
                if (size == 100_000) {
                    peerBody = body;
                    peerOurs = median;
                    Files.write(ourResult, postForBytes(client, uri, body));
                }
            }
            if (peerBody != null) GeoPandasPeer.compare(app.store(), dataDir, peerBody, ourResult, peerOurs, runs);
        }
    }

    /**
     * Where the time goes, in CPU time of one thread (steadier than wall time on a shared machine):
     * reading the CSV into sites, and screening them.
     */
    private static void inProcess(Screener screener, Path dataDir, byte[] body) {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        BatchInput input = new BatchInput(new SiteReader(screener.catalogues(), 1000), dataDir, Long.MAX_VALUE);
        BatchInput.Source source = new BatchInput.Source("text/csv", null, null, null);
        List<BatchRow> rows = readAll(input, body, source);
        for (BatchRow row : rows) screener.screen(row.site());
        for (int run = 0; run < 3; run++) {
            long t = cpu.getCurrentThreadCpuTime();
            rows = readAll(input, body, source);
            long read = cpu.getCurrentThreadCpuTime() - t;
            GeodesicDistance distance = new GeodesicDistance();
            t = cpu.getCurrentThreadCpuTime();
            for (BatchRow row : rows) screener.screen(row.site(), distance);
            long screen = cpu.getCurrentThreadCpuTime() - t;
            System.out.printf(Locale.ROOT, "in-process, one thread, CPU per site: reading the CSV %.1f µs, screening %.1f µs%n",
                    read / 1e3 / rows.size(), screen / 1e3 / rows.size());
        }
    }

    /** Spooling, checking and parsing the whole CSV, as a batch request does (the spooling's disk writes are not CPU time). */
    private static List<BatchRow> readAll(BatchInput input, byte[] body, BatchInput.Source source) {
        List<BatchRow> rows = new java.util.ArrayList<>();
        try (Batch batch = input.read(new java.io.ByteArrayInputStream(body), source); Batch.Cursor cursor = batch.rows()) {
            cursor.forEachRemaining(rows::add);
        }
        return rows;
    }

    static byte[] postForBytes(HttpClient client, URI uri, byte[] body) throws Exception {
        return client.send(HttpRequest.newBuilder(uri).header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofByteArray()).body();
    }

    /** Milliseconds from sending the body to the last byte of the result read. */
    static double post(HttpClient client, URI uri, byte[] body) throws Exception {
        long t = System.nanoTime();
        HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(uri).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofInputStream());
        long bytes;
        try (InputStream in = response.body()) {
            bytes = in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        double ms = (System.nanoTime() - t) / 1e6;
        if (response.statusCode() != 200 || bytes < body.length / 4) throw new IllegalStateException("batch answered " + response.statusCode());
        return ms;
    }

    /** Random sites with every attribute a rule reads: a mix of fuels, boilers, new and existing, stacks. */
    static byte[] csv(int n, Random random) {
        String[] fuels = {"coal", "coal_low_sulphur", "gas", "heavy_oil", "biomass_briquette", "electric"};
        String[] industries = {"steel", "cement", "chemicals", "coal_power", "other"};
        StringBuilder out = new StringBuilder(n * 90).append("name,lon,lat,industry,fuel,boiler_tph,boiler_use,new,key_gas_industry,stack_height_m\n");
        for (int i = 0; i < n; i++) {
            out.append("site ").append(i + 1).append(',')
                    .append(String.format(Locale.ROOT, "%.5f,%.5f", 116.5 + random.nextDouble() * 6.5, 38.5 + random.nextDouble() * 5.5)).append(',')
                    .append(industries[random.nextInt(industries.length)]).append(',')
                    .append(fuels[random.nextInt(fuels.length)]).append(',')
                    .append(random.nextInt(60) + 1).append(',')
                    .append(random.nextBoolean() ? "heating" : "industrial").append(',')
                    .append(random.nextBoolean()).append(',')
                    .append(random.nextBoolean()).append(',')
                    .append(random.nextInt(100)).append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
