package airzone.http;

import airzone.RunningService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Slow and hostile clients against the real service: connections that stall in their headers, in
 * their bodies or send nothing at all come from other loopback addresses (Linux routes all of 127/8
 * to lo) while an ordinary client at 127.0.0.1 screens sites and asks for /health.
 */
// runs alone, after the others (pom.xml, execution "serial"): it bounds screening latency under 2,000 stalled connections
@Tag("serial")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlowClientsTest {

    private static final int IDLE_TIMEOUT_S = 8;
    private static final int HEAVY_PER_CLIENT = 2;

    private RunningService service;
    private int port;
    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeAll
    void start() {
        service = RunningService.start(RunningService.Store.H2GIS, Map.of(
                "AIRZONE_IDLE_TIMEOUT_S", Integer.toString(IDLE_TIMEOUT_S),
                "AIRZONE_HEAVY_PER_CLIENT", Integer.toString(HEAVY_PER_CLIENT)));
        port = service.app().port();
    }

    @AfterAll
    void stop() throws Exception {
        service.close();
    }

    @Test
    void stalledConnectionsFromOneAddressDoNotSlowOthers() throws Exception {
        p99OfScreening(200);   // warm up
        double quiet = p99OfScreening(300);
        List<Socket> attack = new ArrayList<>();
        try {
            for (int i = 0; i < 500; i++) {
                attack.add(open("127.0.0.2", "POST /api/screen HTTP/1.1\r\nHost: x\r\nContent-Type: application/ge"));
            }
            for (int i = 0; i < 500; i++) {
                attack.add(open("127.0.0.2", "POST /api/screen HTTP/1.1\r\nHost: x\r\nContent-Type: application/geo+json\r\n"
                        + "Content-Length: 10000\r\n\r\n{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\","));
            }
            for (int i = 0; i < 1000; i++) attack.add(open("127.0.0.2", ""));

            double stalled = p99OfScreening(300);
            HttpResponse<String> health = get("/health");
            System.out.printf("GET /api/screen p99 from 127.0.0.1: %.1f ms quiet, %.1f ms under %d stalled connections from 127.0.0.2%n",
                    quiet, stalled, attack.size());
            assertThat(health.statusCode()).isEqualTo(200);
            // the goal is 100 ms; a machine busy with other work can push even the quiet p99 near that, so the
            // bound is the larger of 100 ms and three times the quiet p99 (the stall this guards against was 24 s)
            assertThat(stalled).as("p99 in ms of screening under 2,000 stalled connections").isLessThan(Math.max(100, 3 * quiet));
        } finally {
            for (Socket s : attack) s.close();
        }
    }

    @Test
    void aStalledUploadIsCutOffWith408OrClosedAndWritesNothing() throws Exception {
        long before = count();
        String zone = EditApiContract.ZONE.formatted("stalled");
        try (Socket s = open("127.0.0.3", "POST /ogc/collections/ban-zones/items HTTP/1.1\r\nHost: x\r\n"
                + "Authorization: " + RunningService.adminAuth() + "\r\nContent-Type: application/geo+json\r\n"
                + "Content-Length: " + (zone.length() + 100) + "\r\n\r\n" + zone)) {
            s.setSoTimeout((IDLE_TIMEOUT_S + 20) * 1000);
            String answer = readAll(s.getInputStream());
            // Jetty closes a connection whose idle timeout expired; if an answer gets out first, it is a 408
            if (!answer.isEmpty()) assertThat(answer).startsWith("HTTP/1.1 408").contains("\"status\":408");
        }
        assertThat(count()).isEqualTo(before);
        assertThat(get("/health").statusCode()).isEqualTo(200);
    }

    @Test
    void aTrickledUploadIsAnswered408WithTheJsonError() throws Exception {
        long before = count();
        String zone = EditApiContract.ZONE.formatted("trickled");
        try (Socket s = open("127.0.0.5", "POST /ogc/collections/ban-zones/items HTTP/1.1\r\nHost: x\r\n"
                + "Authorization: " + RunningService.adminAuth() + "\r\nContent-Type: application/geo+json\r\n"
                + "Content-Length: " + zone.length() + "\r\n\r\n")) {
            s.setSoTimeout(2000);
            OutputStream out = s.getOutputStream();
            String answer = "";
            // 1 byte a second stays under the idle timeout but far below the minimum rate (1024 B/s)
            for (int i = 0; i < zone.length() && answer.isEmpty(); i++) {
                try {
                    out.write(zone.charAt(i));
                    out.flush();
                } catch (IOException closed) {
                    break;
                }
                try {
                    answer = readAll(s.getInputStream());
                } catch (SocketTimeoutException stillReading) {
                    // the server is still waiting for the body
                }
            }
            assertThat(answer).startsWith("HTTP/1.1 408").contains("\"status\":408").contains("AIRZONE_MIN_UPLOAD_RATE");
        }
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void heavyRequestsBeyondTheClientsLimitGet429WithRetryAfter() throws Exception {
        List<Socket> holding = new ArrayList<>();
        String head = "POST /api/import/ban-zones?dryRun=true HTTP/1.1\r\nHost: x\r\nAuthorization: " + RunningService.adminAuth()
                + "\r\nContent-Type: application/geo+json\r\nContent-Length: 100000\r\n\r\n{\"type\":";
        try {
            for (int i = 0; i < HEAVY_PER_CLIENT; i++) holding.add(open("127.0.0.4", head));
            Thread.sleep(500);   // the imports are reading their bodies: both permits are taken
            try (Socket export = open("127.0.0.4", "GET /api/export/districts?format=geojson HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")) {
                export.setSoTimeout(10_000);
                String answer = readAll(export.getInputStream());
                assertThat(answer).startsWith("HTTP/1.1 429").containsIgnoringCase("Retry-After: 5").contains("AIRZONE_HEAVY_PER_CLIENT");
            }
            // another address is not held back
            assertThat(get("/api/export/districts?format=geojson").statusCode()).isEqualTo(200);
        } finally {
            for (Socket s : holding) s.close();
        }
        Thread.sleep(500);
        try (Socket export = open("127.0.0.4", "GET /api/export/districts?format=csv HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")) {
            export.setSoTimeout(30_000);
            assertThat(readAll(export.getInputStream())).startsWith("HTTP/1.1 200");
        }
    }

    /**
     * A client that sends a batch and then reads nothing holds its own request until the idle timeout and
     * no more: a batch from someone else is answered meanwhile, and the stalled one's spooled upload is
     * deleted when its connection is cut.
     */
    @Test
    void aBatchWhoseClientStopsReadingIsCutAtTheIdleTimeoutAndLeavesNoSpool() throws Exception {
        StringBuilder csv = new StringBuilder("name,lon,lat\n");
        for (int i = 0; i < 200_000; i++) csv.append("s,").append(116.5 + i % 650 * 0.01).append(",39.9\n");
        byte[] body = csv.toString().getBytes(StandardCharsets.UTF_8);
        try (Socket stalled = new Socket()) {
            stalled.setReceiveBufferSize(4096);   // some 30 MB of results back up behind it at once
            stalled.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.6"), 0));
            stalled.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            OutputStream out = stalled.getOutputStream();
            out.write(("POST /api/screen/batch HTTP/1.1\r\nHost: x\r\nContent-Type: text/csv\r\nAccept: text/csv\r\n"
                    + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.write(body);
            out.flush();
            Thread.sleep(1_000);
            assertThat(spooledBatches()).as("the stalled batch is being answered").isEqualTo(1);

            HttpResponse<String> other = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/screen/batch"))
                    .header("Content-Type", "text/csv").header("Accept", "text/csv").timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString("name,lon,lat\na,119.6,39.9\nb,117.2,39.1\n")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(other.statusCode()).isEqualTo(200);
            assertThat(other.body().lines()).hasSize(3);

            long deadline = System.nanoTime() + Duration.ofSeconds(IDLE_TIMEOUT_S + 20).toNanos();
            while (spooledBatches() > 0 && System.nanoTime() < deadline) Thread.sleep(200);
            assertThat(spooledBatches()).as("spooled uploads left once the stalled connection is cut").isZero();
        }
        assertThat(get("/health").statusCode()).isEqualTo(200);
    }

    private long spooledBatches() throws IOException {
        Path tmp = service.dataDir().resolve("tmp");
        if (!Files.isDirectory(tmp)) return 0;
        try (Stream<Path> dirs = Files.list(tmp)) {
            return dirs.filter(d -> d.getFileName().toString().startsWith("batch-")).count();
        }
    }

    private double p99OfScreening(int requests) throws Exception {
        long[] millis = new long[requests];
        for (int i = 0; i < requests; i++) {
            long started = System.nanoTime();
            HttpResponse<String> r = get("/api/screen?lon=" + (119.5 + i % 10 * 0.01) + "&lat=39.94");
            millis[i] = (System.nanoTime() - started) / 1_000;
            assertThat(r.statusCode()).isEqualTo(200);
        }
        Arrays.sort(millis);
        return millis[(int) Math.ceil(requests * 0.99) - 1] / 1000.0;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private long count() throws Exception {
        String body = get("/ogc/collections/ban-zones/items?limit=1").body();
        return Long.parseLong(body.replaceAll("(?s).*\"numberMatched\":(\\d+).*", "$1"));
    }

    /** A connection from {@code from} that has sent {@code start} and then nothing. */
    private Socket open(String from, String start) throws IOException {
        Socket s = new Socket();
        s.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
        s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        if (!start.isEmpty()) {
            s.getOutputStream().write(start.getBytes(StandardCharsets.UTF_8));
            s.getOutputStream().flush();
        }
        return s;
    }

    /** Everything until the server closes, or what came before the read timed out (empty when nothing did). */
    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) out.write(buffer, 0, n);
        } catch (SocketTimeoutException e) {
            if (out.size() == 0) throw e;
        } catch (IOException reset) {
            // a reset after the answer is still an answer
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
