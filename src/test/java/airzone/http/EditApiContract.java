package airzone.http;

import airzone.RunningService;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** OGC API Part 4 writes with logins, ETags, history, restore and audit; runs once per store. */
abstract class EditApiContract extends ServiceContract {

    static final String ZONE = """
            {"type":"Feature","properties":{"name":"测试禁燃区","class":"III","note":"%s"},
             "geometry":{"type":"Polygon","coordinates":[[[119.50,39.90],[119.52,39.90],[119.52,39.92],[119.50,39.92],[119.50,39.90]]]}}""";

    private String planner;
    private String viewer;

    @BeforeAll
    void addUsers() {
        planner = addUser("pat", "planner");
        viewer = addUser("vic", "viewer");
    }

    String addUser(String name, String role) {
        String password = name + "-password";
        HttpResponse<String> r = service.send("POST", "/api/users",
                "{\"name\":\"" + name + "\",\"password\":\"" + password + "\",\"role\":\"" + role + "\"}",
                "Content-Type", "application/json", "Authorization", RunningService.adminAuth());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return RunningService.basic(name, password);
    }

    @Test
    void anonymousWritesGet401ViewersGet403PlannersCreate() {
        HttpResponse<String> anonymous = post("ban-zones", ZONE.formatted("a"));
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).isPresent();
        assertThat(post("ban-zones", ZONE.formatted("v"), "Authorization", viewer).statusCode()).isEqualTo(403);

        HttpResponse<String> created = post("ban-zones", ZONE.formatted("p"), "Authorization", planner);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String location = created.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(service.baseUrl() + "/ogc/collections/ban-zones/items/ban-zones-");
        HttpResponse<String> read = service.get(location.substring(service.baseUrl().length()));
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.headers().firstValue("ETag")).isEqualTo(created.headers().firstValue("ETag"));
        assertThat(json(read).at("/properties/name").asText()).isEqualTo("测试禁燃区");
    }

    @Test
    void staleOrMissingIfMatchChangesNothing() {
        HttpResponse<String> created = post("ban-zones", ZONE.formatted("first"), "Authorization", planner);
        String path = path(created);
        String etag = created.headers().firstValue("ETag").orElseThrow();

        assertThat(service.send("PUT", path, ZONE.formatted("no-if-match"), "Content-Type", "application/geo+json",
                "Authorization", planner).statusCode()).isEqualTo(428);
        HttpResponse<String> ok = put(path, ZONE.formatted("second"), etag);
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        assertThat(ok.headers().firstValue("ETag")).isPresent().isNotEqualTo(etag);

        HttpResponse<String> stale = put(path, ZONE.formatted("lost update"), etag);
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(json(stale).get("detail").asText()).contains("changed by someone else");
        assertThat(json(service.get(path)).at("/properties/note").asText()).isEqualTo("second");
        assertThat(service.send("DELETE", path, null, "Authorization", planner, "If-Match", etag).statusCode()).isEqualTo(412);
        assertThat(service.get(path).statusCode()).isEqualTo(200);
    }

    @Test
    void ofTwoConcurrentEditorsExactlyOneWins() throws Exception {
        HttpResponse<String> created = post("ban-zones", ZONE.formatted("base"), "Authorization", planner);
        String path = path(created);
        String etag = created.headers().firstValue("ETag").orElseThrow();
        int editors = 6;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(editors);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < editors; i++) {
                String note = "editor " + i;
                results.add(pool.submit((Callable<Integer>) () -> {
                    go.await();
                    return put(path, ZONE.formatted(note), etag).statusCode();
                }));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : results) statuses.add(f.get());
            assertThat(statuses).containsOnly(200, 412);
            assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        JsonNode history = json(service.get("/api/history/" + path.substring("/ogc/collections/".length()).replace("/items/", "/"),
                "Authorization", viewer));
        assertThat(history.get("versions")).hasSize(2);
    }

    @Test
    void deletedAndRestoredZoneComesBackWithItsIdAndGeometryAndTheAuditNamesBoth() {
        HttpResponse<String> created = post("ban-zones", ZONE.formatted("to delete"), "Authorization", planner);
        String path = path(created);
        String id = path.substring(path.lastIndexOf('/') + 1);
        JsonNode original = json(service.get(path));
        String since = java.time.Instant.now().minusSeconds(5).toString();

        assertThat(service.send("DELETE", path, null, "Authorization", planner,
                "If-Match", created.headers().firstValue("ETag").orElseThrow()).statusCode()).isEqualTo(204);
        assertThat(service.get(path).statusCode()).isEqualTo(404);
        assertThat(service.get("/ogc/collections/ban-zones/items?limit=1000").body()).doesNotContain(id);

        JsonNode history = json(service.get("/api/history/ban-zones/" + id, "Authorization", planner));
        JsonNode versions = history.get("versions");
        assertThat(versions).hasSize(2);
        assertThat(versions.get(0).get("action").asText()).isEqualTo("delete");
        assertThat(versions.get(0).get("user").asText()).isEqualTo("pat");
        long before = versions.get(1).get("version").asLong();

        String restoreBody = "{\"version\":" + before + "}";
        assertThat(service.send("POST", "/api/history/ban-zones/" + id + "/restore", restoreBody,
                "Content-Type", "application/json", "Authorization", planner).statusCode()).isEqualTo(403);
        HttpResponse<String> restored = service.send("POST", "/api/history/ban-zones/" + id + "/restore", restoreBody,
                "Content-Type", "application/json", "Authorization", RunningService.adminAuth());
        assertThat(restored.statusCode()).as(restored.body()).isEqualTo(200);

        JsonNode back = json(service.get(path));
        assertThat(back.get("id").asText()).isEqualTo(id);
        assertThat(back.get("geometry")).isEqualTo(original.get("geometry"));
        assertThat(back.get("properties")).isEqualTo(original.get("properties"));

        JsonNode audit = json(service.get("/api/audit?since=" + since, "Authorization", RunningService.adminAuth()));
        List<String> lines = new ArrayList<>();
        for (JsonNode e : audit.get("entries")) {
            if (id.equals(e.path("featureId").asText())) lines.add(e.get("action").asText() + " by " + e.get("user").asText());
        }
        assertThat(lines).containsExactly("create by pat", "delete by pat", "restore by admin");
        assertThat(service.get("/api/audit", "Authorization", planner).statusCode()).isEqualTo(403);
    }

    @Test
    void derivedAndBaseCollectionsAreReadOnly() {
        assertThat(post("heating-radii", ZONE.formatted("x"), "Authorization", planner).statusCode()).isEqualTo(405);
        assertThat(post("districts", ZONE.formatted("x"), "Authorization", planner).statusCode()).isEqualTo(405);
        assertThat(post("no-such-collection", ZONE.formatted("x"), "Authorization", planner).statusCode()).isEqualTo(404);
        // the derived clean-heating ban zone lives among the drawn ones but belongs to the rules
        String derivedId = null;
        for (JsonNode f : json(service.get("/ogc/collections/ban-zones/items?limit=1000")).get("features")) {
            if (f.get("id").asText().startsWith("derived-clean-heating-")) derivedId = f.get("id").asText();
        }
        assertThat(derivedId).isNotNull();
        HttpResponse<String> derived = service.get("/ogc/collections/ban-zones/items/" + derivedId);
        HttpResponse<String> put = put("/ogc/collections/ban-zones/items/" + derivedId, ZONE.formatted("x"),
                derived.headers().firstValue("ETag").orElseThrow());
        assertThat(put.statusCode()).as(put.body()).isEqualTo(405);
    }

    @Test
    void aSmallSelfIntersectionIsRepairedAndReportedALargeOneRefused() {
        // a 1 cm loop at one corner: repaired, area change far below 1 %
        String nearlyValid = """
                {"type":"Feature","properties":{"name":"小瑕疵","class":"II"},
                 "geometry":{"type":"Polygon","coordinates":[[[119.6,39.9],[119.62,39.9],[119.62,39.92],[119.6,39.92],
                 [119.6000001,39.9000001],[119.6000001,39.8999999],[119.6,39.9]]]}}""";
        HttpResponse<String> repaired = post("ban-zones", nearlyValid, "Authorization", planner);
        assertThat(repaired.statusCode()).as(repaired.body()).isEqualTo(201);
        assertThat(json(repaired).get("airzone:repairs").get(0).asText()).contains("GeometryFixer");

        String bowTie = """
                {"type":"Feature","properties":{"name":"蝴蝶结","class":"II"},
                 "geometry":{"type":"Polygon","coordinates":[[[119.6,39.9],[119.62,39.92],[119.62,39.9],[119.6,39.92],[119.6,39.9]]]}}""";
        HttpResponse<String> refused = post("ban-zones", bowTie, "Authorization", planner);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json(refused).get("detail").asText()).contains("1 %");
        HttpResponse<String> noClass = post("ban-zones", ZONE.formatted("x").replace("\"class\":\"III\",", ""), "Authorization", planner);
        assertThat(json(noClass).get("detail").asText()).contains("class");
    }

    @Test
    void aNewHeatSourceDrawsItsHeatingRadiusAndScreeningSeesIt() {
        String plant = """
                {"type":"Feature","id":"test-chp","properties":{"name":"测试热电厂","largest_unit_mw":350,"total_capacity_mw":700,
                 "chp":"yes","status":"operating"},"geometry":{"type":"Point","coordinates":[117.0,41.5]}}""";
        HttpResponse<String> created = post("heat-sources", plant, "Authorization", planner);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(service.get("/ogc/collections/heating-radii/items/radius-test-chp").statusCode()).isEqualTo(200);
        JsonNode screening = json(service.get("/api/screen?lon=117.05&lat=41.5&fuel=coal&boiler_use=heating&boiler_tph=10"));
        assertThat(screening.toString()).contains("测试热电厂");
    }

    @Test
    void webSessionsNeedTheirCsrfTokenToWriteAndBearerTokensWork() throws IOException {
        HttpResponse<String> login = service.send("POST", "/api/login", "{\"name\":\"pat\",\"password\":\"pat-password\"}",
                "Content-Type", "application/json");
        assertThat(login.statusCode()).isEqualTo(200);
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Strict");
        String session = cookie.substring(0, cookie.indexOf(';'));
        JsonNode body = json(login);

        assertThat(post("ban-zones", ZONE.formatted("cookie only"), "Cookie", session).statusCode()).isEqualTo(403);
        assertThat(post("ban-zones", ZONE.formatted("cookie+csrf"), "Cookie", session,
                "X-CSRF-Token", body.get("csrf").asText()).statusCode()).isEqualTo(201);
        assertThat(post("ban-zones", ZONE.formatted("bearer"), "Authorization", "Bearer " + body.get("token").asText()).statusCode())
                .isEqualTo(201);
        assertThat(json(service.get("/api/session", "Cookie", session)).get("role").asText()).isEqualTo("planner");
        assertThat(post("ban-zones", ZONE.formatted("bad bearer"), "Authorization", "Bearer nonsense").statusCode()).isEqualTo(401);
    }

    @Test
    void repeatedFailedLoginsAreThrottledAndDisabledUsersCannotSignIn() {
        String mallory = addUser("mallory", "planner");
        for (int i = 0; i < 5; i++) {
            assertThat(post("ban-zones", ZONE.formatted("guess"), "Authorization", RunningService.basic("mallory", "guess-" + i))
                    .statusCode()).isEqualTo(401);
        }
        HttpResponse<String> throttled = post("ban-zones", ZONE.formatted("right"), "Authorization", mallory);
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).isPresent();

        addUser("dora", "planner");
        assertThat(service.send("PATCH", "/api/users/dora", "{\"disabled\":true}", "Content-Type", "application/json",
                "Authorization", RunningService.adminAuth()).statusCode()).isEqualTo(200);
        assertThat(post("ban-zones", ZONE.formatted("x"), "Authorization", RunningService.basic("dora", "dora-password")).statusCode())
                .isEqualTo(401);
    }

    private HttpResponse<String> post(String collection, String body, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "Content-Type";
        all[1] = "application/geo+json";
        System.arraycopy(headers, 0, all, 2, headers.length);
        return service.send("POST", "/ogc/collections/" + collection + "/items", body, all);
    }

    private HttpResponse<String> put(String path, String body, String etag) {
        return service.send("PUT", path, body, "Content-Type", "application/geo+json", "Authorization", planner, "If-Match", etag);
    }

    private String path(HttpResponse<String> created) {
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return created.headers().firstValue("Location").orElseThrow().substring(service.baseUrl().length());
    }

}
