package airzone.http;

import airzone.RunningService;
import airzone.TestDatabases;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances on one PostGIS, as behind a load balancer: what is written through one is screened by
 * the other without a restart — a drawn zone, a heat source (whose heating radius one of them computes,
 * once), the rule parameters. The index follows the audit trail, which every instance reads when
 * PostgreSQL announces a commit (LISTEN/NOTIFY). B's poll of the trail is set far beyond the test's
 * waits, so B can follow only by the announcements — and, once its listening session was cut, by
 * reading the trail from its cursor when it listens again.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InstancesSharingPostgisTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Far above an announcement, a reconnect (1 s) and a rebuild; how long it really took is printed. */
    private static final Duration FOLLOWS_WITHIN = Duration.ofSeconds(10);
    /** B's poll of the trail: it never comes within a test. */
    private static final String NEVER_POLLS_MS = "600000";

    private RunningService a;
    private RunningService b;

    @BeforeAll
    void start() {
        a = RunningService.start(RunningService.Store.POSTGIS);
        TestDatabases.Postgis database = a.postgis();
        b = RunningService.startOn(database.url(), database.user(), database.password(),
                Map.of("AIRZONE_BOOTSTRAP_ADMIN", "", "AIRZONE_CHANGES_POLL_MS", NEVER_POLLS_MS));
    }

    @AfterAll
    void stop() throws Exception {
        if (b != null) b.close();
        if (a != null) a.close();
    }

    @Test
    void aZoneDrawnThroughOneIsScreenedByTheOther() throws Exception {
        String site = "/api/screen?lon=119.71&lat=39.71&fuel=coal&boiler_tph=20&new=true";
        assertThat(ruleIds(b, site)).doesNotContain("ban-zone-class");
        HttpResponse<String> created = a.send("POST", "/ogc/collections/ban-zones/items", """
                {"type":"Feature","properties":{"name":"另一实例所画","class":"III"},
                 "geometry":{"type":"Polygon","coordinates":[[[119.70,39.70],[119.72,39.70],[119.72,39.72],[119.70,39.72],[119.70,39.70]]]}}""",
                "Content-Type", "application/geo+json", "Authorization", RunningService.adminAuth());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        awaitOn(b, site, screened -> ruleIds(screened).contains("ban-zone-class"), "the zone drawn through the other instance");
    }

    @Test
    void aChangeCommittedWhileTheOtherWasNotListeningReachesItWhenItListensAgain() throws Exception {
        String site = "/api/screen?lon=119.75&lat=39.75&fuel=coal&boiler_tph=20&new=true";
        assertThat(ruleIds(b, site)).doesNotContain("ban-zone-class");
        assertThat(cutListeningSessions()).as("the listening sessions of both instances").isGreaterThanOrEqualTo(2);
        // within the listener's reconnect pause (1 s): the announcement of this write reaches no one in B
        HttpResponse<String> created = a.send("POST", "/ogc/collections/ban-zones/items", """
                {"type":"Feature","properties":{"name":"断线时所画","class":"II"},
                 "geometry":{"type":"Polygon","coordinates":[[[119.74,39.74],[119.76,39.74],[119.76,39.76],[119.74,39.76],[119.74,39.74]]]}}""",
                "Content-Type", "application/geo+json", "Authorization", RunningService.adminAuth());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        awaitOn(b, site, screened -> ruleIds(screened).contains("ban-zone-class"), "the zone drawn while it was not listening");
    }

    /** The address-wide limit (30 failures for any names in 15 minutes): a wait long enough to see from either side. */
    @Test
    void aGuesserMadeToWaitByOneInstanceWaitsAtTheOtherAndALiftThroughEitherHolds() throws Exception {
        String guesser = "127.0.0.3";
        for (int attempt = 1; attempt <= 30; attempt++) {
            RunningService through = attempt % 2 == 0 ? b : a;
            assertThat(login(through, guesser, "name-" + attempt, "guess").status()).as("attempt " + attempt).isEqualTo(401);
        }
        for (RunningService either : java.util.List.of(a, b)) {
            RawHttp.Response refused = login(either, guesser, RunningService.ADMIN, RunningService.ADMIN_PASSWORD);
            assertThat(refused.status()).as("30 failures over both instances make the address wait at each").isEqualTo(429);
            assertThat(Long.parseLong(refused.header("Retry-After"))).isGreaterThan(800);
        }
        assertThat(login(b, "127.0.0.1", RunningService.ADMIN, RunningService.ADMIN_PASSWORD).status()).as("another address").isEqualTo(200);
        HttpResponse<String> lifted = a.send("POST", "/api/client-addresses/" + guesser + "/unlock", null, "Authorization", RunningService.adminAuth());
        assertThat(lifted.statusCode()).as(lifted.body()).isEqualTo(200);
        assertThat(login(b, guesser, RunningService.ADMIN, RunningService.ADMIN_PASSWORD).status()).as("lifted through the other instance").isEqualTo(200);
    }

    private static RawHttp.Response login(RunningService through, String from, String name, String password) throws Exception {
        String body = JSON.createObjectNode().put("name", name).put("password", password).toString();
        return RawHttp.sendFrom(java.net.InetAddress.getByName(from), java.net.URI.create(through.baseUrl()).getPort(), "POST", "/api/login",
                java.util.List.of("Content-Type", "application/json"), body);
    }

    @Test
    void aHeatSourceWrittenThroughOneGetsItsHeatingRadiusOnceAndTheOtherScreensIt() throws Exception {
        String site = "/api/screen?lon=121.80&lat=43.60&fuel=coal&boiler_tph=10&boiler_use=heating&new=false";
        assertThat(JSON.readTree(b.get(site).body()).toString()).as("no plant within 15 km yet").doesNotContain("Inside the 15 km heating radius");
        int radiiBefore = derivedRadii();
        HttpResponse<String> created = a.send("POST", "/ogc/collections/heat-sources/items", """
                {"type":"Feature","properties":{"name":"另一实例所录热电厂","largest_unit_mw":350,"chp":"yes","status":"operating"},
                 "geometry":{"type":"Point","coordinates":[121.85,43.60]}}""",
                "Content-Type", "application/geo+json", "Authorization", RunningService.adminAuth());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = JSON.readTree(created.body()).get("id").asText();
        JsonNode screened = awaitOn(b, site, s -> heatingRadiusTo(s, id) != null, "the heat source written through the other instance");
        assertThat(heatingRadiusTo(screened, id).get("message_en").asText()).startsWith("Inside the 15 km heating radius");
        assertThat(derivedRadii()).as("the radius computed once, by one of the two").isEqualTo(radiiBefore + 1);
    }

    @Test
    void ruleParametersChangedThroughOneHoldInTheOther() throws Exception {
        // 66.3 km from Chifeng's Xincheng plant: outside its heating radius until that is widened to 70 km
        String site = "/api/screen?lon=119.45&lat=42.72&fuel=coal&boiler_tph=10&boiler_use=heating&new=false";
        assertThat(heatingRadiusTo(JSON.readTree(b.get(site).body()), "chifeng-xincheng-chp").get("severity").asText()).isEqualTo("info");
        HttpResponse<String> changed = a.send("PUT", "/api/rules", "{\"heating-radius\": {\"radius_km\": 70}}",
                "Content-Type", "application/json", "Authorization", RunningService.adminAuth());
        try {
            assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
            awaitOn(b, site, s -> heatingRadiusTo(s, "chifeng-xincheng-chp").get("severity").asText().equals("action_required"),
                    "the widened heating radius");
        } finally {
            a.send("PUT", "/api/rules", "{\"heating-radius\": {\"radius_km\": 15}}", "Content-Type", "application/json",
                    "Authorization", RunningService.adminAuth());
        }
    }

    /** Asks {@code instance} for {@code path} until {@code holds}; prints how long that took. */
    private static JsonNode awaitOn(RunningService instance, String path, Predicate<JsonNode> holds, String what) throws Exception {
        long started = System.nanoTime();
        long deadline = started + FOLLOWS_WITHIN.toNanos();
        while (true) {
            JsonNode answer = JSON.readTree(instance.get(path).body());
            if (holds.test(answer)) {
                System.out.printf("the other instance followed %s after %d ms%n", what, (System.nanoTime() - started) / 1_000_000);
                return answer;
            }
            if (System.nanoTime() > deadline) throw new AssertionError("the other instance never followed " + what + ": " + answer.toString().substring(0, 400));
            Thread.sleep(20);
        }
    }

    private static java.util.List<String> ruleIds(RunningService instance, String path) throws Exception {
        return ruleIds(JSON.readTree(instance.get(path).body()));
    }

    private static java.util.List<String> ruleIds(JsonNode screened) {
        java.util.List<String> ids = new java.util.ArrayList<>();
        screened.get("findings").forEach(f -> ids.add(f.get("rule").asText()));
        return ids;
    }

    private static JsonNode heatingRadiusTo(JsonNode screened, String plant) {
        for (JsonNode f : screened.get("findings")) {
            if (f.get("rule").asText().equals("heating-radius") && plant.equals(f.path("featureId").asText())) return f;
        }
        return null;
    }

    /** Ends every session listening for announcements on the test database, as a network cut would; how many. */
    private int cutListeningSessions() throws Exception {
        TestDatabases.Postgis database = a.postgis();
        try (Connection c = DriverManager.getConnection(database.url(), database.user(), database.password());
             PreparedStatement ps = c.prepareStatement("SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity "
                     + "WHERE application_name = 'airzone-changes-listener' AND datname = current_database()");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private int derivedRadii() throws Exception {
        TestDatabases.Postgis database = a.postgis();
        try (Connection c = DriverManager.getConnection(database.url(), database.user(), database.password());
             PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM features WHERE collection = 'heating-radii' AND derived");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
