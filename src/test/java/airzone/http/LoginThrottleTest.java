package airzone.http;

import airzone.RunningService;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failed logins slow the guesser down, never the account's owner: the real service, with requests
 * from two (and more) client addresses — 127.0.0.1 for the owner, 127.0.0.2 and others for guessers.
 */
// runs alone, after the others (pom.xml, execution "serial"): it measures lock-out windows to the tenth of a second
@Tag("serial")
class LoginThrottleTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static RunningService service;
    private static int port;

    @BeforeAll
    static void start() {
        service = RunningService.start(RunningService.Store.H2GIS);
        port = URI.create(service.baseUrl()).getPort();
    }

    @AfterAll
    static void stop() throws Exception {
        if (service != null) service.close();
    }

    @Test
    void aGuesserHammeringTheAdminWaitsLongerAndLongerWhileTheAdminSignsInFromItsOwnAddress() throws Exception {
        String guesser = "127.0.0.2";
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(login(guesser, RunningService.ADMIN, "guess-" + attempt).status()).as("attempt " + attempt).isEqualTo(401);
        }
        List<Long> waits = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            RawHttp.Response refused = login(guesser, RunningService.ADMIN, "guess-again");
            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.header("Content-Type")).startsWith("application/json");
            JsonNode error = JSON.readTree(refused.body());
            assertThat(error.get("status").asInt()).isEqualTo(429);
            assertThat(error.get("detail").asText()).contains("too many failed logins");
            long wait = Long.parseLong(refused.header("Retry-After"));
            waits.add(wait);

            // the right password is refused too while the guesser has to wait: hammering teaches nothing
            assertThat(login(guesser, RunningService.ADMIN, RunningService.ADMIN_PASSWORD).status()).isEqualTo(429);
            // and the admin, from an address of its own, is let in at once
            RawHttp.Response admin = login("127.0.0.1", RunningService.ADMIN, RunningService.ADMIN_PASSWORD);
            assertThat(admin.status()).as(admin.body()).isEqualTo(200);
            assertThat(JSON.readTree(admin.body()).get("role").asText()).isEqualTo("admin");

            Thread.sleep(wait * 1000 + 100);
            assertThat(login(guesser, RunningService.ADMIN, "guess-after-waiting").status())
                    .as("a guess after waiting as told is checked (and wrong)").isEqualTo(401);
        }
        assertThat(waits).as("Retry-After of each refusal").containsExactly(1L, 2L, 4L);
        // Basic on an API request counts the same way
        assertThat(basicGet(guesser, RunningService.ADMIN, RunningService.ADMIN_PASSWORD).status()).isEqualTo(429);
        assertThat(basicGet("127.0.0.1", RunningService.ADMIN, RunningService.ADMIN_PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void anAdminLiftsTheWaitOfAUserAndTheLiftIsAudited() throws Exception {
        addUser("lena", "viewer");
        for (int attempt = 1; attempt <= 5; attempt++) login("127.0.0.2", "lena", "wrong-" + attempt);
        assertThat(login("127.0.0.2", "lena", "lena-password").status()).isEqualTo(429);
        assertThat(listed("lena").get("locked").asBoolean()).as("the users list says lena is held back").isTrue();

        assertThat(unlock("/api/users/lena/unlock", RunningService.basic("lena", "lena-password")).statusCode())
                .as("a viewer may not lift waits").isEqualTo(403);
        assertThat(unlock("/api/users/nobody/unlock", RunningService.adminAuth()).statusCode()).isEqualTo(404);
        var lifted = unlock("/api/users/lena/unlock", RunningService.adminAuth());
        assertThat(lifted.statusCode()).as(lifted.body()).isEqualTo(200);
        assertThat(JSON.readTree(lifted.body()).get("lifted").asBoolean()).isTrue();
        assertThat(JSON.readTree(unlock("/api/users/lena/unlock", RunningService.adminAuth()).body()).get("lifted").asBoolean())
                .as("nothing left to lift").isFalse();

        assertThat(login("127.0.0.2", "lena", "lena-password").status()).as("right password after the lift").isEqualTo(200);
        assertThat(listed("lena").get("locked").asBoolean()).isFalse();

        JsonNode audit = JSON.readTree(service.get("/api/audit", "Authorization", RunningService.adminAuth()).body());
        List<JsonNode> unlocks = new ArrayList<>();
        audit.get("entries").forEach(e -> {
            if (e.get("action").asText().equals("user-unlock")) unlocks.add(e);
        });
        assertThat(unlocks).hasSize(2);
        assertThat(unlocks.get(0).get("user").asText()).isEqualTo(RunningService.ADMIN);
        assertThat(unlocks.get(0).get("detail").get("user").asText()).isEqualTo("lena");
        assertThat(unlocks.get(0).get("detail").get("lifted").asBoolean()).isTrue();
    }

    @Test
    void oneAddressTryingManyNamesIsRefusedAfterThirtyFailuresUntilAnAdminLiftsIt() throws Exception {
        String guesser = "127.0.0.3";
        addUser("mira", "viewer");
        // thirty names, one failure each: no name's own count ever makes this address wait
        for (int i = 1; i <= 30; i++) {
            assertThat(login(guesser, "name-" + i, "guess").status()).as("failure " + i).isEqualTo(401);
        }
        RawHttp.Response refused = login(guesser, "mira", "mira-password");
        assertThat(refused.status()).as("a 31st attempt, for a name never tried").isEqualTo(429);
        assertThat(Long.parseLong(refused.header("Retry-After"))).as("until the first failure leaves the 15-minute window")
                .isBetween(800L, 900L);
        assertThat(login("127.0.0.1", "mira", "mira-password").status()).as("other addresses are unaffected").isEqualTo(200);

        assertThat(unlock("/api/client-addresses/not-an-address/unlock", RunningService.adminAuth()).statusCode()).isEqualTo(400);
        var lifted = unlock("/api/client-addresses/" + guesser + "/unlock", RunningService.adminAuth());
        assertThat(lifted.statusCode()).as(lifted.body()).isEqualTo(200);
        assertThat(login(guesser, "mira", "mira-password").status()).isEqualTo(200);
        JsonNode audit = JSON.readTree(service.get("/api/audit", "Authorization", RunningService.adminAuth()).body());
        assertThat(audit.get("entries").findValuesAsText("action")).contains("address-unlock");
    }

    @Test
    void aNameGuessedFromManyAddressesMakesEachOfThemWaitButNotItsOwner() throws Exception {
        addUser("tao", "planner");
        // before the attack an address may fail twice in a row without waiting
        assertThat(login("127.0.1.1", "tao", "typo-1").status()).isEqualTo(401);
        assertThat(login("127.0.1.1", "tao", "typo-2").status()).isEqualTo(401);
        // twenty addresses, one guess each
        for (int i = 2; i <= 20; i++) login("127.0.1." + i, "tao", "guess");
        RawHttp.Response second = login("127.0.1.21", "tao", "guess");
        assertThat(second.status()).isEqualTo(401);
        RawHttp.Response refused = login("127.0.1.21", "tao", "guess-2");
        assertThat(refused.status()).as("a second guess right after the first, with the name under attack").isEqualTo(429);
        assertThat(refused.header("Retry-After")).isEqualTo("1");
        // the owner, from an address that has not failed, signs in at once
        assertThat(login("127.0.0.1", "tao", "tao-password").status()).isEqualTo(200);
    }

    private static RawHttp.Response login(String from, String name, String password) throws IOException {
        String body = JSON.createObjectNode().put("name", name).put("password", password).toString();
        return RawHttp.sendFrom(InetAddress.getByName(from), port, "POST", "/api/login",
                List.of("Content-Type", "application/json"), body);
    }

    private static RawHttp.Response basicGet(String from, String name, String password) throws IOException {
        return RawHttp.sendFrom(InetAddress.getByName(from), port, "GET", "/api/session",
                List.of("Authorization", RunningService.basic(name, password)), null);
    }

    private static java.net.http.HttpResponse<String> unlock(String path, String authorization) {
        return service.send("POST", path, null, "Authorization", authorization);
    }

    @Test
    void theLastEnabledAdminCannotBeDemotedOrDisabled() throws Exception {
        for (String change : List.of("{\"role\":\"planner\"}", "{\"disabled\":true}")) {
            HttpResponse<String> refused = patchUser(RunningService.ADMIN, change);
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
            assertThat(JSON.readTree(refused.body()).get("detail").asText()).contains("last enabled admin");
        }
        assertThat(listed(RunningService.ADMIN).get("role").asText()).isEqualTo("admin");
        assertThat(listed(RunningService.ADMIN).get("disabled").asBoolean()).isFalse();
        // with a second admin, either may step down
        addUser("ada", "admin");
        assertThat(patchUser("ada", "{\"role\":\"planner\"}").statusCode()).isEqualTo(200);
        assertThat(patchUser("ada", "{\"role\":\"admin\"}").statusCode()).isEqualTo(200);
        assertThat(patchUser("ada", "{\"disabled\":true}").statusCode()).isEqualTo(200);
        assertThat(patchUser(RunningService.ADMIN, "{\"role\":\"planner\"}").statusCode()).as("ada is disabled").isEqualTo(409);
    }

    private static HttpResponse<String> patchUser(String name, String body) {
        return service.send("PATCH", "/api/users/" + name, body, "Content-Type", "application/json", "Authorization", RunningService.adminAuth());
    }

    /** The user as GET /api/users lists them. */
    private static JsonNode listed(String name) throws Exception {
        for (JsonNode u : JSON.readTree(service.get("/api/users", "Authorization", RunningService.adminAuth()).body()).get("users")) {
            if (u.get("name").asText().equals(name)) return u;
        }
        throw new AssertionError("no user " + name);
    }

    private static void addUser(String name, String role) {
        String body = JSON.createObjectNode().put("name", name).put("password", name + "-password").put("role", role).toString();
        assertThat(service.send("POST", "/api/users", body, "Content-Type", "application/json",
                "Authorization", RunningService.adminAuth()).statusCode()).isEqualTo(201);
    }
}
