package airzone.http;

import airzone.RandomSites;
import airzone.RunningService;
import airzone.ServiceProcess;
import airzone.TestDatabases;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The documented way to scale, run for real: Debian's nginx with the repository's own
 * {@code docker/nginx/airzone.conf} in front of two instances on one PostGIS, round robin. Clients are
 * told apart by the address nginx reports (the instances trust it), a batch job answers wherever its
 * requests land, and the live changes come through unbuffered.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReverseProxyTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path NGINX = Path.of("/usr/sbin/nginx");

    private RunningService a;
    private RunningService b;
    private Path dir;
    private Process nginx;
    private int proxyPort;

    @BeforeAll
    void start() throws Exception {
        assertThat(NGINX).as("nginx (Debian package nginx; scripts/test installs it)").isExecutable();
        Map<String, String> trustTheProxy = Map.of("AIRZONE_TRUSTED_PROXIES", "127.0.0.1");
        a = RunningService.start(RunningService.Store.POSTGIS, trustTheProxy);
        TestDatabases.Postgis database = a.postgis();
        b = RunningService.startOn(database.url(), database.user(), database.password(),
                Map.of("AIRZONE_BOOTSTRAP_ADMIN", "", "AIRZONE_TRUSTED_PROXIES", "127.0.0.1"));
        dir = Files.createTempDirectory("airzone-nginx");
        proxyPort = ServiceProcess.freePort();
        String server = Files.readString(Path.of("docker/nginx/airzone.conf"));
        assertThat(server).contains("listen 80;");
        Files.writeString(dir.resolve("airzone.conf"), server.replace("listen 80;", "listen 127.0.0.1:" + proxyPort + ";"));
        Files.writeString(dir.resolve("nginx.conf"), String.join("\n",
                isRoot() ? "user root;" : "",
                "worker_processes 1;",
                "error_log " + dir.resolve("error.log") + " info;",
                "pid " + dir.resolve("nginx.pid") + ";",
                "events { worker_connections 256; }",
                "http {",
                "  access_log " + dir.resolve("access.log") + ";",
                "  client_body_temp_path " + dir.resolve("body") + ";",
                "  proxy_temp_path " + dir.resolve("proxy") + ";",
                "  upstream airzone { server 127.0.0.1:" + port(a) + "; server 127.0.0.1:" + port(b) + "; keepalive 16; }",
                "  include " + dir.resolve("airzone.conf") + ";",
                "}", ""));
        nginx = new ProcessBuilder(NGINX.toString(), "-p", dir.toString(), "-c", dir.resolve("nginx.conf").toString(), "-g", "daemon off;")
                .redirectErrorStream(true).redirectOutput(dir.resolve("nginx.out").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            try {
                if (RawHttp.sendFrom(InetAddress.getLoopbackAddress(), proxyPort, "GET", "/health", List.of(), null).status() == 200) break;
            } catch (IOException notYet) {
                // not listening yet
            }
            if (!nginx.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("nginx did not come up: " + Files.readString(dir.resolve("nginx.out")));
            }
            Thread.sleep(50);
        }
    }

    @AfterAll
    void stop() throws Exception {
        if (nginx != null) {
            nginx.destroy();
            nginx.waitFor(10, TimeUnit.SECONDS);
        }
        if (b != null) b.close();
        if (a != null) a.close();
        if (dir != null) RunningService.deleteTree(dir);
    }

    @Test
    void eachClientIsCountedByItsOwnAddressNotTheProxysAndAForgedHeaderChangesNothing() throws Exception {
        String guesser = "127.0.0.5";
        for (int attempt = 1; attempt <= 30; attempt++) {
            assertThat(login(guesser, "name-" + attempt, "guess", List.of()).status()).as("attempt " + attempt).isEqualTo(401);
        }
        assertThat(login(guesser, RunningService.ADMIN, RunningService.ADMIN_PASSWORD, List.of()).status())
                .as("the guesser's address waits").isEqualTo(429);
        assertThat(login(guesser, RunningService.ADMIN, RunningService.ADMIN_PASSWORD, List.of("X-Forwarded-For", "127.0.0.9")).status())
                .as("an address the guesser writes into the header is not believed").isEqualTo(429);
        assertThat(login("127.0.0.6", RunningService.ADMIN, RunningService.ADMIN_PASSWORD, List.of()).status())
                .as("another client behind the same proxy is let in").isEqualTo(200);
        // straight to an instance, from an address it does not trust: the header is ignored
        RawHttp.Response direct = RawHttp.sendFrom(InetAddress.getByName("127.0.0.7"), port(a), "POST", "/api/login",
                List.of("Content-Type", "application/json", "X-Forwarded-For", guesser), loginBody(RunningService.ADMIN, RunningService.ADMIN_PASSWORD));
        assertThat(direct.status()).as("a forged header from a client that is not the proxy").isEqualTo(200);
    }

    @Test
    void aBatchJobAnswersWhereverItsRequestsLand() throws Exception {
        RawHttp.Response accepted = viaProxy("POST", "/api/screen/jobs", List.of("Content-Type", "text/csv"),
                new String(RandomSites.csv(2_000, 5), StandardCharsets.UTF_8));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        String id = JSON.readTree(accepted.body()).get("id").asText();
        Set<String> statuses = new HashSet<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            RawHttp.Response status = viaProxy("GET", "/api/screen/jobs/" + id, List.of(), null);
            assertThat(status.status()).as("every poll, whichever instance answers it").isEqualTo(200);
            String now = JSON.readTree(status.body()).get("status").asText();
            statuses.add(now);
            if (now.equals("done")) break;
            assertThat(System.nanoTime()).as("the job done within 60 s, seen " + statuses).isLessThan(deadline);
            Thread.sleep(50);
        }
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 4; i++) { // round robin: both instances serve the result
            RawHttp.Response result = viaProxy("GET", "/api/screen/jobs/" + id + "/result?format=csv", List.of(), null);
            assertThat(result.status()).isEqualTo(200);
            lines.add(Integer.toString(result.body().split("\n").length));
        }
        assertThat(lines).containsOnly("2001");
    }

    @Test
    void liveChangesComeThroughTheProxyUnbuffered() throws Exception {
        try (EventStream changes = EventStream.open("http://127.0.0.1:" + proxyPort + "/api/changes", "Accept", "text/event-stream")) {
            assertThat(changes.expect(Duration.ofSeconds(10)).name()).isEqualTo("ready");
            RawHttp.Response created = viaProxy("POST", "/ogc/collections/ban-zones/items",
                    List.of("Content-Type", "application/geo+json", "Authorization", RunningService.adminAuth()), """
                    {"type":"Feature","properties":{"name":"经代理所画","class":"III"},
                     "geometry":{"type":"Polygon","coordinates":[[[119.60,39.60],[119.61,39.60],[119.61,39.61],[119.60,39.61],[119.60,39.60]]]}}""");
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            String id = JSON.readTree(created.body()).get("id").asText();
            EventStream.Event change = changes.expect(Duration.ofSeconds(10));
            assertThat(change.name()).isEqualTo("change");
            assertThat(change.data().get("id").asText()).isEqualTo(id);
        }
    }

    private RawHttp.Response login(String from, String name, String password, List<String> extraHeaders) throws IOException {
        List<String> headers = new ArrayList<>(List.of("Content-Type", "application/json"));
        headers.addAll(extraHeaders);
        return RawHttp.sendFrom(InetAddress.getByName(from), proxyPort, "POST", "/api/login", headers, loginBody(name, password));
    }

    private RawHttp.Response viaProxy(String method, String target, List<String> headers, String body) throws IOException {
        return RawHttp.sendFrom(InetAddress.getLoopbackAddress(), proxyPort, method, target, headers, body);
    }

    private static String loginBody(String name, String password) {
        return JSON.createObjectNode().put("name", name).put("password", password).toString();
    }

    private static int port(RunningService service) {
        return java.net.URI.create(service.baseUrl()).getPort();
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }
}
