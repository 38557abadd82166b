package airzone.http;

import airzone.RunningService;
import airzone.geo.GeoJson;
import airzone.layer.Feature;
import com.fasterxml.jackson.databind.JsonNode;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The running service as the import tests use it: uploads as the bootstrap admin (a planner and
 * more), downloads, the stored features, and what is left under {@code <data dir>/tmp} where
 * uploads are unpacked.
 */
final class ImportService implements AutoCloseable {

    private final RunningService service;

    private ImportService(RunningService service) {
        this.service = service;
    }

    static ImportService h2gis() {
        return new ImportService(RunningService.start(RunningService.Store.H2GIS));
    }

    static ImportService postgis() {
        return new ImportService(RunningService.start(RunningService.Store.POSTGIS));
    }

    String baseUrl() {
        return service.baseUrl();
    }

    int port() {
        return service.app().port();
    }

    static String adminAuth() {
        return RunningService.adminAuth();
    }

    /** POST /api/import/{collection}?{query} as the admin with these bytes and Content-Type (null for none). */
    HttpResponse<String> upload(String collection, String query, byte[] body, String contentType) {
        List<String> headers = new ArrayList<>(List.of("Authorization", adminAuth()));
        if (contentType != null) headers.addAll(List.of("Content-Type", contentType));
        return send("POST", "/api/import/" + collection + (query == null || query.isEmpty() ? "" : "?" + query), body,
                headers.toArray(String[]::new));
    }

    HttpResponse<String> send(String method, String pathAndQuery, byte[] body, String... headers) {
        return service.sendBytes(method, pathAndQuery, body, headers);
    }

    /** GET of a download as bytes (exports need no login while public read is on). */
    byte[] download(String pathAndQuery) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + pathAndQuery)).timeout(Duration.ofMinutes(2))
                .header("Authorization", adminAuth()).build();
        try {
            HttpResponse<byte[]> r = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                throw new AssertionError("GET " + pathAndQuery + " answered " + r.statusCode() + ": " + new String(r.body(), StandardCharsets.UTF_8));
            }
            return r.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The stored features of a collection by id, exactly as the store holds them. */
    Map<String, Feature> features(String collection) {
        Map<String, Feature> byId = new LinkedHashMap<>();
        for (Feature f : service.app().store().all(collection)) byId.put(f.id(), f);
        return byId;
    }

    /** A collection as the OGC API serves it, for comparing "nothing changed". */
    String items(String collection) {
        HttpResponse<String> r = send("GET", "/ogc/collections/" + collection + "/items?limit=10000", null, "Authorization", adminAuth());
        if (r.statusCode() != 200) throw new AssertionError("items of " + collection + ": " + r.statusCode() + " " + r.body());
        JsonNode json = GeoJson.parseObject(r.body());
        // the response's own time stamp differs between calls; the features must not
        return json.get("features").toString();
    }

    /** What is left in the upload working area (imports' directories are named import-*). */
    List<Path> importLeftovers() {
        Path tmp = service.dataDir().resolve("tmp");
        if (!Files.exists(tmp)) return List.of();
        try (Stream<Path> s = Files.list(tmp)) {
            return s.filter(p -> p.getFileName().toString().startsWith("import-")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The drawn (not derived) features, the ones an import may write. */
    static boolean drawn(Feature f) {
        return !"derived".equals(f.properties().path("source").asText(null));
    }

    /** Geometries equal within {@code tolerance} degrees, vertex by vertex once both are normalised (ring start and direction). */
    static boolean sameGeometry(Geometry a, Geometry b, double tolerance) {
        Geometry x = asMulti(a).norm();
        Geometry y = asMulti(b).norm();
        return x.equalsExact(y, tolerance);
    }

    private static Geometry asMulti(Geometry g) {
        return g instanceof Polygon p ? g.getFactory().createMultiPolygon(new Polygon[]{p}) : g;
    }

    @Override
    public void close() throws Exception {
        service.close();
    }
}
