package airzone.http;

import airzone.RunningService;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Exports, imports and edits over HTTP against the embedded store, as medians and as ratios against
 * a baseline in the same process: reading the same layer as GeoJSON from the OGC API. Not a test:
 * {@code mvn -q -B test-compile exec:java -Dexec.mainClass=airzone.http.TransferBenchmark}.
 */
public final class TransferBenchmark {

    private static final int ROUNDS = 7;
    private static final String ZONE = "{\"type\":\"Feature\",\"properties\":{\"name\":\"基准禁燃区\",\"class\":\"II\"},"
            + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[119.5,39.9],[119.52,39.9],[119.52,39.92],[119.5,39.92],[119.5,39.9]]]}}";
    private static final String PLANT = "{\"type\":\"Feature\",\"properties\":{\"name\":\"基准热电厂\",\"largest_unit_mw\":350,"
            + "\"chp\":\"yes\",\"status\":\"operating\"},\"geometry\":{\"type\":\"Point\",\"coordinates\":[117.0,41.5]}}";

    public static void main(String[] args) throws Exception {
        try (RunningService service = RunningService.start(RunningService.Store.H2GIS)) {
            HttpClient client = HttpClient.newHttpClient();
            String base = service.baseUrl();
            double baseline = median(() -> get(client, base + "/ogc/collections/districts/items?limit=1000").length);
            System.out.printf("baseline: districts (235) as GeoJSON from /ogc items: median %.0f ms%n", baseline);
            for (String format : List.of("geojson", "shapefile", "geopackage", "kml", "csv")) {
                double ms = median(() -> get(client, base + "/api/export/districts?format=" + format).length);
                System.out.printf("export districts %-10s EPSG:4326: median %6.0f ms  (%.2f × baseline)%n", format, ms, ms / baseline);
            }
            double gk = median(() -> get(client, base + "/api/export/districts?format=shapefile&crs=EPSG:4528&encoding=GBK").length);
            System.out.printf("export districts shapefile EPSG:4528 GBK: median %6.0f ms  (%.2f × baseline)%n", gk, gk / baseline);

            byte[] zones = get(client, base + "/api/export/ban-zones?format=shapefile&crs=EPSG:4528&encoding=GBK");
            double dry = median(() -> upload(service, zones, "dryRun=true"));
            double real = median(() -> upload(service, zones, ""));
            System.out.printf("import ban-zones GBK shapefile EPSG:4528, dry run: median %.0f ms; real (one transaction, "
                    + "index refresh): median %.0f ms%n", dry, real);

            double create = median(() -> post(service, "ban-zones", ZONE));
            double plant = median(() -> post(service, "heat-sources", PLANT));
            double read = median(() -> service.get("/ogc/collections/ban-zones/items/sample-ban-haigang-iii").statusCode());
            System.out.printf("create a ban zone (validate, write + history + audit, index refresh): median %.1f ms (%.1f × reading one item, %.1f ms)%n",
                    create, create / read, read);
            System.out.printf("create a heat source (also recomputes the heating radii): median %.1f ms%n", plant);
        }
    }

    private static int upload(RunningService service, byte[] zip, String query) {
        HttpResponse<String> r = service.sendBytes("POST", "/api/import/ban-zones?" + query, zip,
                "Content-Type", "application/zip", "Authorization", RunningService.adminAuth());
        if (r.statusCode() != 200) throw new IllegalStateException("import answered " + r.statusCode() + ": " + r.body());
        return r.body().length();
    }

    private static int post(RunningService service, String collection, String body) {
        HttpResponse<String> r = service.send("POST", "/ogc/collections/" + collection + "/items", body,
                "Content-Type", "application/geo+json", "Authorization", RunningService.adminAuth());
        if (r.statusCode() != 201) throw new IllegalStateException("POST answered " + r.statusCode() + ": " + r.body());
        return r.statusCode();
    }

    private static byte[] get(HttpClient client, String url) throws Exception {
        HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) throw new IllegalStateException(url + " answered " + r.statusCode());
        return r.body();
    }

    /** Median milliseconds of ROUNDS runs after one warm-up. */
    private static double median(Callable<?> work) throws Exception {
        work.call();
        double[] ms = new double[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            long t = System.nanoTime();
            work.call();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        return ms[ROUNDS / 2];
    }
}
