package airzone;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The service as an operator starts it: a separate JVM, a bad setting → one line on stderr, exit 2. */
class AppProcessTest {

    @ParameterizedTest
    @ValueSource(strings = {"--port=abc", "--db-url=jdbc:mysql://x", "--public-read=perhaps", "--nonsense=1"})
    void aBadSettingExitsWith2AndOneClearLine(String flag) throws Exception {
        Result result = run(flag);
        assertThat(result.exitCode).isEqualTo(2);
        assertThat(result.stderr.strip().lines()).hasSize(1);
        assertThat(result.stderr).startsWith("airzone: ").doesNotContain("Exception", "\tat ");
    }

    @Test
    void anUnreachableDatabaseIsOneLineToo() throws Exception {
        Result result = run("--db-url=jdbc:postgresql://127.0.0.1:1/none", "--port=0");
        assertThat(result.exitCode).isEqualTo(2);
        assertThat(result.stderr).startsWith("airzone: ").contains("AIRZONE_DB_URL").doesNotContain("\tat ");
    }

    @Test
    void aPortInUseIsOneLine() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            Path dir = Files.createTempDirectory("airzone-port");
            Result result = run("--port=" + taken.getLocalPort(), "--data-dir=" + dir);
            assertThat(result.exitCode).isEqualTo(2);
            assertThat(result.stderr).contains("already in use");
        }
    }

    @Test
    void anEmbeddedStoreInUseIsOneLineThatSaysWhatToDo() throws Exception {
        try (RunningService running = RunningService.start(RunningService.Store.H2GIS)) {
            Result result = run("--port=0", "--data-dir=" + running.dataDir());
            assertThat(result.exitCode).isEqualTo(2);
            assertThat(result.stderr.strip().lines()).hasSize(1);
            assertThat(result.stderr).startsWith("airzone: cannot open the embedded store").contains("stop that one")
                    .doesNotContain("\tat ");
        }
    }

    @Test
    void aDamagedEmbeddedStoreIsOneLineThatSaysWhatToDo() throws Exception {
        Path dir = Files.createTempDirectory("airzone-damaged");
        Files.write(dir.resolve("airzone.mv.db"), "this is not an H2 database, it was overwritten".repeat(200).getBytes(StandardCharsets.UTF_8));
        Result result = run("--port=0", "--data-dir=" + dir);
        assertThat(result.exitCode).isEqualTo(2);
        assertThat(result.stderr.strip().lines()).hasSize(1);
        assertThat(result.stderr).startsWith("airzone: cannot open the embedded store").contains("restore the newest backup")
                .doesNotContain("\tat ");
        RunningService.deleteTree(dir);
    }

    @Test
    void aLogFormatOtherThanTextOrJsonIsOneLine() throws Exception {
        Result result = run(Map.of("AIRZONE_LOG_FORMAT", "xml"), "--port=0");
        assertThat(result.exitCode).isEqualTo(2);
        assertThat(result.stderr.strip()).isEqualTo("airzone: AIRZONE_LOG_FORMAT must be text or json, got 'xml'");
    }

    /** Each line one JSON object, the request log's with its fields as key-value pairs. */
    @Test
    void theJsonLogIsOneObjectPerLineAndTheRequestLineCarriesItsFields() throws Exception {
        Path dir = Files.createTempDirectory("airzone-json-log");
        try {
            try (ServiceProcess service = ServiceProcess.start(Map.of("AIRZONE_LOG_FORMAT", "json", "AIRZONE_DATA_DIR", dir.resolve("data").toString()),
                    ServiceProcess.freePort(), dir)) {
                HttpResponse<String> screened = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(service.baseUrl() + "/api/screen?lon=119.6&lat=39.94")).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(screened.statusCode()).isEqualTo(200);
            }
            ObjectMapper json = new ObjectMapper();
            JsonNode request = null;
            for (String line : Files.readAllLines(dir.resolve("service-0.log"))) {
                JsonNode entry = json.readTree(line);
                assertThat(entry.has("timestamp") && entry.has("level") && entry.has("formattedMessage")).as(line).isTrue();
                if (entry.path("loggerName").asText().equals("airzone.requests") && entry.toString().contains("\"/api/screen\"")) request = entry;
            }
            assertThat(request).as("the screening's request line").isNotNull();
            Map<String, String> fields = new java.util.HashMap<>();
            request.get("kvpList").forEach(pair -> pair.fields().forEachRemaining(f -> fields.put(f.getKey(), f.getValue().asText())));
            assertThat(fields).containsEntry("method", "GET").containsEntry("route", "/api/screen").containsEntry("status", "200")
                    .containsKeys("ms", "client").doesNotContainValue("lon=119.6&lat=39.94");
        } finally {
            RunningService.deleteTree(dir);
        }
    }

    /** SIGTERM while a batch streams: no new connection is taken, the batch's answer ends whole, then the process exits. */
    @Test
    void sigtermLetsAStreamingBatchFinishWholeBeforeTheProcessExits() throws Exception {
        Path dir = Files.createTempDirectory("airzone-sigterm");
        StringBuilder csv = new StringBuilder("name,lon,lat\n");
        for (int i = 0; i < 150_000; i++) csv.append("s,").append(116.5 + i % 650 * 0.01).append(',').append(38.5 + i % 550 * 0.01).append('\n');
        try {
            // a grace far above the batch's time even on a loaded machine: what is tested is that there is one
            ServiceProcess service = ServiceProcess.start(Map.of("AIRZONE_DATA_DIR", dir.resolve("data").toString(), "AIRZONE_STOP_GRACE_S", "90"),
                    ServiceProcess.freePort(), dir);
            try {
                HttpClient client = HttpClient.newHttpClient();
                HttpRequest batch = HttpRequest.newBuilder(URI.create(service.baseUrl() + "/api/screen/batch")).header("Content-Type", "text/csv")
                        .header("Accept", "text/csv").POST(HttpRequest.BodyPublishers.ofString(csv.toString())).build();
                HttpResponse<java.io.InputStream> streaming = client.send(batch, HttpResponse.BodyHandlers.ofInputStream());
                assertThat(streaming.statusCode()).isEqualTo(200);
                try (java.io.BufferedReader rows = new java.io.BufferedReader(new java.io.InputStreamReader(streaming.body(), StandardCharsets.UTF_8))) {
                    assertThat(rows.readLine()).as("the header: the answer is under way").contains("row,name,lon,lat");
                    Thread stopping = new Thread(service::close);
                    stopping.start();
                    long read = 0;
                    while (rows.readLine() != null) read++;
                    assertThat(read).as("every row, though the process was told to stop").isEqualTo(150_000);
                    stopping.join(30_000);
                    assertThat(stopping.isAlive()).as("the process exited").isFalse();
                }
            } finally {
                service.kill();
            }
        } finally {
            RunningService.deleteTree(dir);
        }
    }

    private record Result(int exitCode, String stderr) {
    }

    private static Result run(String... args) throws IOException, InterruptedException {
        return run(Map.of(), args);
    }

    private static Result run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "airzone.App"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().keySet().removeIf(k -> k.startsWith("AIRZONE_"));
        builder.environment().putAll(env);
        Process process = builder.start();
        byte[] stderr = process.getErrorStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), new String(stderr, StandardCharsets.UTF_8));
    }
}
