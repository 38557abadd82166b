package airzone.http;

import airzone.RunningService;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Files sent as multipart/form-data (a {@code file} part, as curl -F and HTML forms send them) to the
 * batch, the jobs and the import, with the size limits holding; and cancelling a background job.
 * The service allows two heavy requests per client, so the unfinished-jobs limit is quick to reach.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BatchUploadTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String PLANNER = "Basic " + java.util.Base64.getEncoder().encodeToString("lin:lin-password-1".getBytes(StandardCharsets.UTF_8));
    private RunningService service;

    @BeforeAll
    void start() {
        service = RunningService.start(RunningService.Store.H2GIS, Map.of("AIRZONE_HEAVY_PER_CLIENT", "2", "AIRZONE_MAX_BATCH_MB", "64"));
        HttpResponse<String> added = service.send("POST", "/api/users", "{\"name\":\"lin\",\"password\":\"lin-password-1\",\"role\":\"planner\"}",
                "Authorization", RunningService.adminAuth(), "Content-Type", "application/json");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
    }

    @AfterAll
    void stop() throws Exception {
        service.close();
    }

    @Test
    void curlSendsAWorkbookAsAFormFileAndGetsExcelBack() throws Exception {
        Path file = Files.createTempFile("inventory", ".xlsx");
        Path out = Files.createTempFile("screening", ".xlsx");
        try {
            Files.write(file, ExcelBatchTest.plannersWorkbook());
            Process curl = new ProcessBuilder("curl", "-sS", "-o", out.toString(), "-D", "-", "-F", "file=@" + file,
                    service.baseUrl() + "/api/screen/batch?format=xlsx").redirectErrorStream(true).start();
            String headers = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(curl.waitFor()).as(headers).isZero();
            assertThat(headers).startsWith("HTTP/1.1 200").containsIgnoringCase("X-Airzone-Sheet: %E7%AB%99%E7%82%B9");
            assertThat(airzone.io.Gdal.layerInfo(out, "screening").featureCount()).isEqualTo(4);
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(out);
        }
    }

    @Test
    void theFormsFileNameAndContentTypePickTheFormatAndOtherFieldsAreIgnored() throws Exception {
        byte[] csv = "name,lon,lat\n海港锅炉,119.60,39.94\n".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> r = post("/api/screen/batch", form(Map.of("note", "just a field"), "sites.csv", "text/csv", csv), null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).contains("海港区");

        String geojson = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"name\":\"a\"},"
                + "\"geometry\":{\"type\":\"Point\",\"coordinates\":[119.6,39.94]}}]}";
        HttpResponse<String> g = post("/api/screen/batch", form(Map.of(), "sites.geojson", "application/octet-stream", geojson.getBytes(StandardCharsets.UTF_8)), null);
        assertThat(g.headers().firstValue("Content-Type").orElse("")).startsWith("application/geo+json");
        assertThat(JSON.readTree(g.body()).get("features").get(0).get("properties").get("district").get("name").asText()).isEqualTo("海港区");

        HttpResponse<String> noFile = post("/api/screen/batch", form(Map.of("other", "x"), null, null, null), null);
        assertThat(noFile.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(noFile.body()).get("detail").asText()).contains("no part named 'file'");
    }

    @Test
    void aFormOverTheBatchLimitIs413WithoutBeingReadWhole() throws Exception {
        byte[] big = new byte[64 * 1024 * 1024 + 1];
        java.util.Arrays.fill(big, (byte) 'a');
        HttpResponse<String> declared = post("/api/screen/batch", form(Map.of(), "big.csv", "text/csv", big), null);
        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(declared.body()).get("detail").asText()).contains("at most 67108864 bytes (AIRZONE_MAX_BATCH_MB)");

        // the same with no Content-Length (chunked): refused while it streams in
        byte[] body = form(Map.of(), "big.csv", "text/csv", big);
        String boundary = boundaryOf(body);
        HttpRequest chunked = HttpRequest.newBuilder(URI.create(service.baseUrl() + "/api/screen/batch")).timeout(Duration.ofMinutes(2))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body))).build();
        HttpResponse<String> streamed = HTTP.send(chunked, HttpResponse.BodyHandlers.ofString());
        assertThat(streamed.statusCode()).as(streamed.body()).isEqualTo(413);
        try (var left = Files.list(service.dataDir().resolve("tmp"))) {
            assertThat(left.toList()).as("the spooled part is gone").isEmpty();
        }
        assertThat(service.get("/health").statusCode()).isEqualTo(200);
    }

    @Test
    void aJobTakesAFormFileToo() throws Exception {
        HttpResponse<String> accepted = post("/api/screen/jobs", form(Map.of(), "inventory.xlsx", Workbooks.XLSX, ExcelBatchTest.plannersWorkbook()), null);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        JsonNode job = JSON.readTree(accepted.body());
        assertThat(job.get("sheet").asText()).isEqualTo("站点");
        assertThat(job.get("total").asInt()).isEqualTo(4);
        assertThat(await(job.get("id").asText(), "done").get("processed").asInt()).isEqualTo(4);
    }

    @Test
    void anImportTakesAGeoJsonFormFileForADryRunAndForReal() throws Exception {
        String id = "form-import-" + UUID.randomUUID().toString().substring(0, 8);
        String zones = """
                {"type":"FeatureCollection","features":[{"type":"Feature","id":"%s","properties":{"NAME":"表单导入禁燃区","Class":"II"},
                 "geometry":{"type":"Polygon","coordinates":[[[119.40,39.80],[119.45,39.80],[119.45,39.84],[119.40,39.84],[119.40,39.80]]]}}]}"""
                .formatted(id);
        byte[] body = form(Map.of(), "zones.geojson", "application/octet-stream", zones.getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> dry = post("/api/import/ban-zones?dryRun=true", body, PLANNER);
        assertThat(dry.statusCode()).as(dry.body()).isEqualTo(200);
        JsonNode report = JSON.readTree(dry.body());
        assertThat(report.get("dryRun").asBoolean()).isTrue();
        assertThat(report.get("format").asText()).isEqualTo("geojson");
        assertThat(report.get("count").asInt()).isEqualTo(1);
        assertThat(service.get("/ogc/collections/ban-zones/items/" + id).statusCode()).as("a dry run stores nothing").isEqualTo(404);

        HttpResponse<String> real = post("/api/import/ban-zones", body, PLANNER);
        assertThat(real.statusCode()).as(real.body()).isEqualTo(200);
        assertThat(JSON.readTree(real.body()).get("imported").asInt()).isEqualTo(1);
        JsonNode stored = JSON.readTree(service.get("/ogc/collections/ban-zones/items/" + id).body());
        assertThat(stored.get("properties").get("name").asText()).isEqualTo("表单导入禁燃区");
        JsonNode geometry = stored.get("geometry");
        JsonNode polygon = geometry.get("type").asText().equals("MultiPolygon") ? geometry.get("coordinates").get(0) : geometry.get("coordinates");
        JsonNode ring = polygon.get(0);
        assertThat(ring.get(1).get(0).asDouble()).isEqualTo(119.45);
        assertThat(ring.get(2).get(1).asDouble()).isEqualTo(39.84);

        assertThat(post("/api/import/ban-zones?dryRun=true", body, null).statusCode()).as("a form needs a planner as a raw body does").isEqualTo(401);
    }

    @Test
    void cancellingAJobStopsItDiscardsItsResultAndFreesItsPlace() throws Exception {
        byte[] sites = randomSites(100_000);
        JsonNode first = JSON.readTree(postRaw("/api/screen/jobs", sites).body());
        JsonNode second = JSON.readTree(postRaw("/api/screen/jobs", randomSites(2_000)).body());
        HttpResponse<String> third = postRaw("/api/screen/jobs", sites);
        assertThat(third.statusCode()).as("two unfinished jobs are this client's limit").isEqualTo(429);

        String id = first.get("id").asText();
        HttpResponse<String> cancelled = service.send("POST", "/api/screen/jobs/" + id + "/cancel", null);
        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
        JsonNode status = JSON.readTree(cancelled.body());
        assertThat(status.get("status").asText()).isEqualTo("cancelled");
        assertThat(status.get("id").asText()).isEqualTo(id);

        HttpResponse<String> now = postRaw("/api/screen/jobs", sites);
        assertThat(now.statusCode()).as("a cancelled job no longer counts: " + now.body()).isEqualTo(202);
        String queued = JSON.readTree(now.body()).get("id").asText();
        assertThat(service.send("POST", "/api/screen/jobs/" + queued + "/cancel", null).statusCode()).as("cancelled while it waits its turn").isEqualTo(200);

        // it stopped between rows: what it had processed no longer grows, and no result stays on disk
        Thread.sleep(500);
        int processed = JSON.readTree(service.get("/api/screen/jobs/" + id).body()).get("processed").asInt();
        Thread.sleep(2_000);
        JsonNode later = JSON.readTree(service.get("/api/screen/jobs/" + id).body());
        assertThat(later.get("status").asText()).isEqualTo("cancelled");
        assertThat(later.get("processed").asInt()).isEqualTo(processed).isLessThan(100_000);
        try (var left = java.nio.file.Files.list(service.dataDir().resolve("jobs"))) {
            assertThat(left.map(f -> f.getFileName().toString())).as("what the cancelled job wrote").noneMatch(name -> name.startsWith(id));
        }
        assertThat(service.get("/api/screen/jobs/" + id + "/result").statusCode()).isEqualTo(409);
        HttpResponse<String> again = service.send("POST", "/api/screen/jobs/" + id + "/cancel", null);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(again.body()).get("detail").asText()).isEqualTo("job " + id + " is cancelled; only a running job can be cancelled");

        // the small one finishes, and then cannot be cancelled; the queued one never started
        String done = second.get("id").asText();
        await(done, "done");
        assertThat(await(queued, "cancelled").get("processed").asInt()).isZero();
        HttpResponse<String> finished = service.send("POST", "/api/screen/jobs/" + done + "/cancel", null);
        assertThat(finished.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(finished.body()).get("detail").asText()).contains("is done");
        assertThat(service.get("/api/screen/jobs/" + done + "/result").statusCode()).isEqualTo(200);

        HttpResponse<String> unknown = service.send("POST", "/api/screen/jobs/no-such-job/cancel", null);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(unknown.body()).get("detail").asText()).isEqualTo("no batch job 'no-such-job'");
    }

    // ------------------------------------------------------------------------------------ helpers

    private JsonNode await(String id, String status) throws Exception {
        JsonNode job = JSON.readTree(service.get("/api/screen/jobs/" + id).body());
        for (int i = 0; i < 1200 && !job.get("status").asText().equals(status); i++) {
            Thread.sleep(100);
            job = JSON.readTree(service.get("/api/screen/jobs/" + id).body());
        }
        assertThat(job.get("status").asText()).as(job.toString()).isEqualTo(status);
        return job;
    }

    /** A multipart/form-data body as a browser sends it: the text fields, then the file part (none when fileName and content are null). */
    static byte[] form(Map<String, String> fields, String fileName, String contentType, byte[] content) {
        String boundary = "----airzoneBoundary" + UUID.randomUUID().toString().replace("-", "");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        fields.forEach((name, value) -> out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n"
                + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        if (content != null) {
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\nContent-Type: "
                    + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.writeBytes(content);
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static String boundaryOf(byte[] form) {
        String start = new String(form, 0, Math.min(200, form.length), StandardCharsets.ISO_8859_1);
        return start.substring(2, start.indexOf("\r\n"));
    }

    private HttpResponse<String> post(String path, byte[] form, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(service.baseUrl() + path)).timeout(Duration.ofMinutes(2))
                .header("Content-Type", "multipart/form-data; boundary=" + boundaryOf(form))
                .POST(HttpRequest.BodyPublishers.ofByteArray(form));
        if (authorization != null) request.header("Authorization", authorization);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> postRaw(String path, byte[] csv) {
        return service.sendBytes("POST", path, csv, "Content-Type", "text/csv");
    }

    private static byte[] randomSites(int count) {
        return airzone.RandomSites.csv(count, 17);
    }
}
