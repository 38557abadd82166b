package airzone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three instances as an operator runs them behind a load balancer: three JVMs on one PostGIS, each
 * with its own data directory. A write through one is served and screened by the other two; a batch
 * job taken by one is reported by the others, and when its instance is killed (SIGKILL, mid-job) it is
 * reported failed, never lost; the killed instance, started again, is current.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ThreeInstancesPostgisTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** Far above an announcement and an index rebuild (the test prints how long each took). */
    private static final Duration FOLLOWS_WITHIN = Duration.ofSeconds(10);
    /** The jobs' silence limit (15 s) and plenty for a loaded machine. */
    private static final Duration FAILED_WITHIN = Duration.ofSeconds(60);

    private TestDatabases.Postgis database;
    private Path dir;
    private final Map<String, ServiceProcess> instances = new HashMap<>();
    private final Map<String, Integer> ports = new HashMap<>();

    @BeforeAll
    void start() throws Exception {
        database = TestDatabases.freshPostgis();
        dir = Files.createTempDirectory("airzone-three");
        for (String name : List.of("a", "b", "c")) ports.put(name, ServiceProcess.freePort());
        instances.put("a", launch("a")); // the first seeds the database, and creates the admin
        CompletableFuture<ServiceProcess> b = CompletableFuture.supplyAsync(() -> launch("b"));
        CompletableFuture<ServiceProcess> c = CompletableFuture.supplyAsync(() -> launch("c"));
        instances.put("b", b.join());
        instances.put("c", c.join());
    }

    private ServiceProcess launch(String name) {
        return ServiceProcess.start(Map.of(
                "AIRZONE_DB_URL", database.url(), "AIRZONE_DB_USER", database.user(), "AIRZONE_DB_PASSWORD", database.password(),
                "AIRZONE_BOOTSTRAP_ADMIN", RunningService.ADMIN + ":" + RunningService.ADMIN_PASSWORD,
                "AIRZONE_DATA_DIR", dir.resolve(name).toString()), ports.get(name), dir.resolve("logs"));
    }

    @AfterAll
    void stop() throws Exception {
        instances.values().forEach(ServiceProcess::close);
        if (database != null) database.close();
        if (dir != null) RunningService.deleteTree(dir);
    }

    @Test
    void aWriteThroughOneIsServedAndScreenedByTheOtherTwo() throws Exception {
        String site = "/api/screen?lon=119.81&lat=39.81&fuel=coal&boiler_tph=20&new=true";
        for (String other : List.of("b", "c")) assertThat(findings(other, site)).doesNotContain("ban-zone-class");
        String id = drawZone("a", 119.80, 39.80, "三实例所画");
        for (String other : List.of("b", "c")) {
            await(other, "/ogc/collections/ban-zones/items/" + id, r -> r.statusCode() == 200, "the zone's item");
            await(other, site, r -> r.body().contains("\"ban-zone-class\""), "screening in the zone");
        }
    }

    @Test
    void aJobWhoseInstanceIsKilledIsReportedFailedByTheOthersAndTheRestartedInstanceIsCurrent() throws Exception {
        // a small job through A, reported and served by C: any instance answers for any job
        String small = submit("a", RandomSites.csv(500, 3));
        JsonNode done = await("c", "/api/screen/jobs/" + small, r -> status(r).equals("done"), "the small job done").json();
        assertThat(done.get("total").asInt()).isEqualTo(500);
        HttpResponse<String> result = get("c", "/api/screen/jobs/" + small + "/result?format=csv");
        assertThat(result.statusCode()).isEqualTo(200);
        assertThat(result.body().lines().count()).as("header and 500 rows, from the instance that did not run it").isEqualTo(501);

        // a large one through B, killed while it runs
        String large = submit("b", RandomSites.csv(200_000, 4));
        // under the suite's load three JVMs share two cores: the first progress can take a while
        awaitFor(FAILED_WITHIN, "c", "/api/screen/jobs/" + large, r -> json(r).get("processed").asInt() > 0, "the large job under way on B");
        instances.get("b").kill();
        long killed = System.nanoTime();
        JsonNode running = json(get("a", "/api/screen/jobs/" + large));
        assertThat(running.get("status").asText()).as("just killed: not yet known to be gone").isEqualTo("running");

        String site = "/api/screen?lon=119.91&lat=39.91&fuel=coal&boiler_tph=20&new=true";
        String zoneWhileBWasDown = drawZone("c", 119.90, 39.90, "乙停机时所画");

        JsonNode failed = awaitFor(FAILED_WITHIN, "a", "/api/screen/jobs/" + large, r -> !status(r).equals("running"),
                "the killed instance's job reported ended").json();
        System.out.printf("the killed instance's job was reported failed %d ms after the kill%n", (System.nanoTime() - killed) / 1_000_000);
        assertThat(failed.get("status").asText()).isEqualTo("failed");
        assertThat(failed.get("error").asText()).contains("the instance running this job stopped").contains("send the batch again");
        assertThat(failed.get("processed").asInt()).isBetween(1, 199_999);
        assertThat(json(get("c", "/api/screen/jobs/" + large)).get("status").asText()).isEqualTo("failed");
        assertThat(get("c", "/api/screen/jobs/" + large + "/result").statusCode()).isEqualTo(409);

        instances.put("b", launch("b"));
        assertThat(json(get("b", "/api/screen/jobs/" + large)).get("status").asText()).isEqualTo("failed");
        assertThat(get("b", "/ogc/collections/ban-zones/items/" + zoneWhileBWasDown).statusCode()).isEqualTo(200);
        assertThat(findings("b", site)).as("the zone drawn while B was down").contains("ban-zone-class");
        try (var left = Files.list(dir.resolve("b").resolve("jobs"))) {
            assertThat(left.toList()).as("what the killed job was writing").isEmpty();
        }
        // and B follows writes again
        String afterRestart = drawZone("a", 119.95, 39.95, "乙重启后所画");
        await("b", "/ogc/collections/ban-zones/items/" + afterRestart, r -> r.statusCode() == 200, "a zone drawn after its restart");
        await("b", "/api/screen?lon=119.96&lat=39.96&fuel=coal&boiler_tph=20&new=true",
                r -> r.body().contains("\"ban-zone-class\""), "screening in a zone drawn after its restart");
    }

    private String drawZone(String through, double lon, double lat, String name) throws Exception {
        String ring = String.format(java.util.Locale.ROOT, "[[%1$.2f,%2$.2f],[%3$.2f,%2$.2f],[%3$.2f,%4$.2f],[%1$.2f,%4$.2f],[%1$.2f,%2$.2f]]",
                lon, lat, lon + 0.02, lat + 0.02);
        HttpResponse<String> created = send(through, HttpRequest.newBuilder(uri(through, "/ogc/collections/ban-zones/items"))
                .header("Content-Type", "application/geo+json").header("Authorization", RunningService.adminAuth())
                .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"Feature\",\"properties\":{\"name\":\"" + name
                        + "\",\"class\":\"III\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[" + ring + "]}}")));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body()).get("id").asText();
    }

    private String submit(String through, byte[] csv) throws Exception {
        HttpResponse<String> accepted = send(through, HttpRequest.newBuilder(uri(through, "/api/screen/jobs"))
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofByteArray(csv)));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        return JSON.readTree(accepted.body()).get("id").asText();
    }

    private List<String> findings(String instance, String path) throws Exception {
        List<String> rules = new java.util.ArrayList<>();
        json(get(instance, path)).get("findings").forEach(f -> rules.add(f.get("rule").asText()));
        return rules;
    }

    private record Answer(HttpResponse<String> response) {
        JsonNode json() {
            return ThreeInstancesPostgisTest.json(response);
        }
    }

    private Answer await(String instance, String path, Predicate<HttpResponse<String>> holds, String what) throws Exception {
        return awaitFor(FOLLOWS_WITHIN, instance, path, holds, what);
    }

    /** Asks {@code instance} until {@code holds}; prints how long that took. */
    private Answer awaitFor(Duration within, String instance, String path, Predicate<HttpResponse<String>> holds, String what) throws Exception {
        long started = System.nanoTime();
        while (true) {
            HttpResponse<String> answer = get(instance, path);
            if (holds.test(answer)) {
                System.out.printf("instance %s: %s after %d ms%n", instance, what, (System.nanoTime() - started) / 1_000_000);
                return new Answer(answer);
            }
            if (System.nanoTime() - started > within.toNanos()) {
                throw new AssertionError("instance " + instance + " never showed " + what + ": " + answer.statusCode() + " "
                        + answer.body().substring(0, Math.min(400, answer.body().length())));
            }
            Thread.sleep(20);
        }
    }

    private HttpResponse<String> get(String instance, String path) throws Exception {
        return send(instance, HttpRequest.newBuilder(uri(instance, path)).GET());
    }

    private HttpResponse<String> send(String instance, HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String instance, String path) {
        return URI.create("http://127.0.0.1:" + ports.get(instance) + path);
    }

    private static String status(HttpResponse<String> response) {
        return json(response).get("status").asText();
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }
}
