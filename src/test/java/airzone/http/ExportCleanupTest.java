package airzone.http;

import airzone.disk.DiskSpace;
import airzone.geo.GeoJson;
import airzone.layer.AuditEntry;
import airzone.layer.AuditLine;
import airzone.layer.Bbox;
import airzone.layer.Feature;
import airzone.layer.FeaturePage;
import airzone.layer.FeatureStore;
import airzone.layer.HistoryEntry;
import airzone.layer.Revision;
import airzone.layer.Upserted;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The export working directory is removed whether the export succeeds or a writer fails half way,
 * and a failure is a JSON 500, not a truncated download. The controller runs on its own small
 * Javalin over a store that serves two points, one of which no writer can write (NaN coordinates).
 */
class ExportCleanupTest {

    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    @TempDir
    Path work;

    private Javalin app;
    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        ExportController export = new ExportController(new TwoPoints(), new DiskSpace(work, 0),
                Clock.fixed(Instant.parse("2026-11-23T16:30:00Z"), ZoneId.of("Asia/Shanghai")));
        app = Javalin.create(c -> c.showJavalinBanner = false);
        app.get("/api/export/{collection}", export::export);
        app.exception(ApiError.class, (e, ctx) -> ErrorBody.send(ctx, e.status(), e.getMessage()));
        app.exception(Exception.class, (e, ctx) -> ErrorBody.send(ctx, 500, "internal error"));
        app.start(0);
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    @Test
    void successLeavesNothingBehindAndNamesTheFileWithTheDateInChina() throws Exception {
        HttpResponse<byte[]> r = get("/api/export/heat-sources?format=geojson&limit=1");
        assertThat(r.statusCode()).isEqualTo(200);
        // 16:30 UTC is already the next day in Beijing
        assertThat(r.headers().firstValue("Content-Disposition")).contains("attachment; filename=\"heat-sources_2026-11-24.geojson\"");
        assertThat(new String(r.body())).contains("\"id\":\"ok\"").doesNotContain("\"bad\"");
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void aWriterFailingHalfWayLeavesNothingBehind() throws Exception {
        for (String format : List.of("geojson", "shapefile", "geopackage", "kml", "csv")) {
            HttpResponse<byte[]> r = get("/api/export/heat-sources?format=" + format);
            assertThat(r.statusCode()).as(format).isEqualTo(500);
            assertThat(new String(r.body())).as(format).contains("\"status\":500");
            assertThat(leftovers()).as("left behind by %s", format).isEmpty();
        }
    }

    @Test
    void aRefusedRequestCreatesNothing() throws Exception {
        assertThat(get("/api/export/heat-sources?format=dwg").statusCode()).isEqualTo(400);
        assertThat(get("/api/export/heat-sources?format=kml&crs=EPSG:4549").statusCode()).isEqualTo(400);
        assertThat(Files.exists(work.resolve("export-")) || Files.list(work).findAny().isPresent()).isFalse();
    }

    private List<Path> leftovers() throws IOException {
        try (Stream<Path> s = Files.list(work)) {
            return s.toList();
        }
    }

    private HttpResponse<byte[]> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A heat-sources store with one writable point and, after it, one that is not. */
    private static final class TwoPoints implements FeatureStore {
        @Override
        public FeaturePage items(String collection, Bbox bbox, int limit, int offset) {
            Feature ok = new Feature("ok", GeoJson.parseObject("{\"name\":\"好\"}"), GEOMETRY.createPoint(new Coordinate(119.6, 39.9)), 1);
            Feature bad = new Feature("bad", GeoJson.parseObject("{\"name\":\"坏\"}"),
                    GEOMETRY.createPoint(new Coordinate(Double.NaN, Double.NaN)), 1);
            List<Feature> all = List.of(ok, bad);
            return new FeaturePage(all.subList(0, Math.min(limit, all.size())), all.size());
        }

        @Override
        public String kind() {
            return "stub";
        }

        @Override
        public Optional<Feature> item(String collection, String id) {
            return Optional.empty();
        }

        @Override
        public long count(String collection) {
            return 2;
        }

        @Override
        public Revision revision(String collection) {
            return new Revision(2, 1);
        }

        @Override
        public Optional<Bbox> extent(String collection) {
            return Optional.empty();
        }

        @Override
        public boolean isEmpty() {
            return false;
        }

        @Override
        public void insert(String collection, List<Feature> features, String user) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Feature create(String collection, Feature feature, String user) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Feature update(String collection, String id, long expectedVersion, Feature next, String user) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Feature delete(String collection, String id, long expectedVersion, String user) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Feature restore(String collection, String id, long fromVersion, String user) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Upserted upsert(String collection, List<Feature> features, String user, String action) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<HistoryEntry> history(String collection, String id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<AuditEntry> audit(Instant since, int limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<AuditEntry> auditAfter(long seq, int limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long newestAuditSeq() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void onCommit(Runnable listener) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void replaceDerived(Map<String, List<Feature>> byCollection) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<String> setting(String name) {
            return Optional.empty();
        }

        @Override
        public void putSetting(String name, String json) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void putSetting(String name, String json, AuditLine audit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean backupTo(Path zip) {
            return false;
        }

        @Override
        public <T> T exclusively(String task, java.util.function.Supplier<T> work) {
            return work.get();
        }

        @Override
        public boolean ping() {
            return true;
        }

        @Override
        public void close() {
        }
    }
}
