package airzone.store;

import airzone.RunningService;
import airzone.ServiceProcess;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Acknowledged writes survive SIGKILL. Writers in parallel — ban zones, heat sources (which recompute
 * the heating radii), imports, rule changes, new users — while the service process is killed at a
 * random moment; after each restart every write that was answered 2xx is there whole (feature, its
 * history version, its audit line), whatever was in flight is there whole or not at all, and the
 * derived layers match their inputs. Runs once per store; the seed is printed so a failure repeats.
 */
abstract class CrashDurabilityContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Crash rounds per store; -Dairzone.crash.rounds=N for a longer hunt. */
    private static final int ROUNDS = Integer.getInteger("airzone.crash.rounds", 4);
    /** Acknowledged writes a round waits for before it picks its moment to kill. */
    private static final int WRITES_BEFORE_KILL = 8;
    private static final String ADMIN = RunningService.adminAuth();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** The service's settings, the database included; {@code dataDir} is the embedded store's or working directory. */
    abstract Map<String, String> settings(Path dataDir);

    /** What the writers were told, by what was answered. */
    private static final class Ledger {
        final Map<String, String> ackedFeatures = new ConcurrentHashMap<>();   // "collection/id" → note
        final Set<String> ackedUsers = ConcurrentHashMap.newKeySet();
        final List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
        volatile double radius = 15;            // the last acknowledged radius_km
        volatile Double radiusInFlight;         // sent, not answered when the service died
        final AtomicInteger rulesAcked = new AtomicInteger();          // in all rounds
        final AtomicInteger rulesAckedUnsettled = new AtomicInteger(); // since the last restart's check
        final AtomicInteger rulesInFlight = new AtomicInteger();
        int ruleLinesSettled;                                          // rule audit lines found at that check
    }

    @Test
    void acknowledgedWritesSurviveKill9() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        Path dataDir = java.nio.file.Files.createTempDirectory("airzone-crash");
        System.out.println(getClass().getSimpleName() + " seed " + seed + ", data and logs in " + dataDir);
        Map<String, String> settings = new HashMap<>(settings(dataDir));
        settings.put("AIRZONE_DATA_DIR", dataDir.toString());
        settings.put("AIRZONE_BOOTSTRAP_ADMIN", RunningService.ADMIN + ":" + RunningService.ADMIN_PASSWORD);
        int port = ServiceProcess.freePort();
        Instant since = Instant.now().minusSeconds(1);
        Ledger ledger = new Ledger();
        List<String> lost = new ArrayList<>();

        for (int round = 0; round < ROUNDS; round++) {
            ServiceProcess service = ServiceProcess.start(settings, port, dataDir.resolve("logs"));
            try {
                if (round > 0) lost.addAll(verify(service.baseUrl(), ledger, since));
                write(service, ledger, round, random.nextInt(2000));
            } finally {
                service.kill();
            }
        }
        try (ServiceProcess service = ServiceProcess.start(settings, port, dataDir.resolve("logs"))) {
            lost.addAll(verify(service.baseUrl(), ledger, since));
        }
        // kept when anything failed above, for a look at the store and the service logs
        RunningService.deleteTree(dataDir);
        int acknowledged = ledger.ackedFeatures.size() + ledger.ackedUsers.size() + ledger.rulesAcked.get();
        System.out.printf("%s: %d crash rounds, %d acknowledged writes (%d features, %d users, %d rule changes), %d lost%n",
                getClass().getSimpleName(), ROUNDS, acknowledged, ledger.ackedFeatures.size(), ledger.ackedUsers.size(),
                ledger.rulesAcked.get(), lost.size());
        assertThat(ledger.unexpected).as("answers other than 2xx while the service ran").isEmpty();
        // the kill waits for WRITES_BEFORE_KILL acknowledged writes a round: a test that wrote nothing proves nothing
        assertThat(acknowledged).as("acknowledged writes in all rounds").isGreaterThanOrEqualTo(ROUNDS * WRITES_BEFORE_KILL);
        assertThat(ledger.ackedFeatures).as("the writers got features through").hasSizeGreaterThanOrEqualTo(ROUNDS * 2);
        assertThat(lost).as("acknowledged writes missing or half there after a restart (seed " + seed + ")").isEmpty();
    }

    /**
     * Four writers and a rule changer until the process is killed: {@code killAfter} ms after the round's
     * first {@value #WRITES_BEFORE_KILL} acknowledged writes (counting, not a fixed time, so that a slow
     * machine still kills the service in the middle of real work).
     */
    private void write(ServiceProcess service, Ledger ledger, int round, long killAfter) throws Exception {
        int ackedBefore = ledger.ackedFeatures.size() + ledger.ackedUsers.size() + ledger.rulesAcked.get();
        String base = service.baseUrl();
        AtomicBoolean dead = new AtomicBoolean();
        ExecutorService writers = Executors.newFixedThreadPool(5);
        writers.submit(() -> loop(dead, ledger, n -> {
            String note = "crash-r" + round + "-zone-" + n;
            HttpResponse<String> r = send(base, "POST", "/ogc/collections/ban-zones/items", zone(note, n), "application/geo+json");
            if (acked(ledger, r, 201)) ledger.ackedFeatures.put(path(r), note);
        }));
        writers.submit(() -> loop(dead, ledger, n -> {
            String note = "crash-r" + round + "-heat-" + n;
            HttpResponse<String> r = send(base, "POST", "/ogc/collections/heat-sources/items", heatSource(note, n), "application/geo+json");
            if (acked(ledger, r, 201)) ledger.ackedFeatures.put(path(r), note);
        }));
        writers.submit(() -> loop(dead, ledger, n -> {
            String a = "crash-r" + round + "-import-" + n + "-a";
            String b = "crash-r" + round + "-import-" + n + "-b";
            String body = "{\"type\":\"FeatureCollection\",\"features\":[" + importedZone(a, n) + "," + importedZone(b, n + 500) + "]}";
            HttpResponse<String> r = send(base, "POST", "/api/import/ban-zones", body, "application/geo+json");
            if (acked(ledger, r, 200)) {
                ledger.ackedFeatures.put("ban-zones/" + a, a);
                ledger.ackedFeatures.put("ban-zones/" + b, b);
            }
        }));
        writers.submit(() -> loop(dead, ledger, n -> {
            String name = "crash" + round + "u" + n;
            HttpResponse<String> r = send(base, "POST", "/api/users",
                    "{\"name\":\"" + name + "\",\"password\":\"crash-password\",\"role\":\"viewer\"}", "application/json");
            if (acked(ledger, r, 201)) ledger.ackedUsers.add(name);
        }));
        writers.submit(() -> loop(dead, ledger, n -> {
            double radius = 10 + ((round * 7 + n) % 20) * 0.5;
            ledger.radiusInFlight = radius;
            ledger.rulesInFlight.incrementAndGet();
            HttpResponse<String> r = send(base, "PUT", "/api/rules", "{\"heating-radius\":{\"radius_km\":" + radius + "}}", "application/json");
            if (acked(ledger, r, 200)) {
                ledger.radius = radius;
                ledger.rulesAcked.incrementAndGet();
                ledger.rulesAckedUnsettled.incrementAndGet();
                ledger.rulesInFlight.decrementAndGet();
                ledger.radiusInFlight = null;
            }
        }));
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (ledger.ackedFeatures.size() + ledger.ackedUsers.size() + ledger.rulesAcked.get() < ackedBefore + WRITES_BEFORE_KILL
                && ledger.unexpected.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        Thread.sleep(killAfter);
        dead.set(true);
        service.kill();
        writers.shutdown();
        assertThat(writers.awaitTermination(60, TimeUnit.SECONDS)).as("writers end once the service is gone").isTrue();
    }

    private interface Write {
        void run(int n) throws IOException, InterruptedException;
    }

    /** Writes until the service is killed; a failed connection before that is a finding. */
    private static Void loop(AtomicBoolean dead, Ledger ledger, Write write) {
        for (int n = 0; !dead.get(); n++) {
            try {
                write.run(n);
            } catch (IOException | InterruptedException e) {
                if (!dead.get()) ledger.unexpected.add("write " + n + " failed while the service ran: " + e);
                return null;
            }
        }
        return null;
    }

    private static boolean acked(Ledger ledger, HttpResponse<String> r, int expected) {
        if (r.statusCode() == expected) return true;
        ledger.unexpected.add(r.request().method() + " " + r.uri().getPath() + " → " + r.statusCode() + " " + r.body());
        return false;
    }

    /** What is missing or half there, as readable lines; empty when everything holds. */
    private List<String> verify(String base, Ledger ledger, Instant since) throws IOException, InterruptedException {
        List<String> problems = new ArrayList<>();
        Map<String, JsonNode> present = new HashMap<>();
        for (String collection : List.of("ban-zones", "heat-sources")) {
            for (JsonNode f : json(get(base, "/ogc/collections/" + collection + "/items?limit=10000")).get("features")) {
                if (f.at("/properties/note").asText().startsWith("crash-")) present.put(collection + "/" + f.get("id").asText(), f);
            }
        }
        ledger.ackedFeatures.forEach((key, note) -> {
            JsonNode f = present.get(key);
            if (f == null) problems.add("acknowledged feature " + key + " (" + note + ") is missing");
            else if (!note.equals(f.at("/properties/note").asText())) problems.add(key + " has note " + f.at("/properties/note"));
        });

        for (String key : present.keySet()) {
            // an import is one transaction: both of its features or neither
            if (key.endsWith("-a") && !present.containsKey(key.substring(0, key.length() - 1) + "b")) {
                problems.add(key + " was imported without the other feature of its file");
            }
        }

        Set<String> audited = new HashSet<>();
        Set<String> auditedUsers = new HashSet<>();
        int ruleChanges = 0;
        for (JsonNode e : json(get(base, "/api/audit?limit=10000&since=" + since)).get("entries")) {
            String action = e.get("action").asText();
            if (e.has("featureId")) audited.add(e.get("collection").asText() + "/" + e.get("featureId").asText());
            if (action.equals("user-add")) auditedUsers.add(e.at("/detail/user").asText());
            if (action.equals("rules")) ruleChanges++;
        }
        for (String key : present.keySet()) {
            if (!audited.contains(key)) problems.add(key + " is stored without its audit line");
            HttpResponse<String> item = get(base, "/ogc/collections/" + key.replace("/", "/items/"));
            HttpResponse<String> history = get(base, "/api/history/" + key);
            if (history.statusCode() != 200) {
                problems.add(key + " is stored without history: " + history.statusCode());
                continue;
            }
            JsonNode newest = json(history).get("versions").get(0);
            if (!newest.get("etag").asText().equals(item.headers().firstValue("ETag").orElse(""))) {
                problems.add(key + " is at " + item.headers().firstValue("ETag") + " but its newest history version is " + newest.get("etag"));
            }
        }
        for (String key : audited) {
            if (key.startsWith("ban-zones/") || key.startsWith("heat-sources/")) {
                if (!present.containsKey(key)) problems.add("an audit line names " + key + ", which is not stored");
            }
        }

        Set<String> users = new HashSet<>();
        for (JsonNode u : json(get(base, "/api/users")).get("users")) users.add(u.get("name").asText());
        for (String name : ledger.ackedUsers) if (!users.contains(name)) problems.add("acknowledged user " + name + " is missing");
        for (String name : users) {
            if (name.startsWith("crash") && !auditedUsers.contains(name)) problems.add("user " + name + " has no audit line");
        }
        for (String name : auditedUsers) if (!users.contains(name)) problems.add("an audit line adds user " + name + ", who is not stored");

        double radius = radiusKm(json(get(base, "/api/rules")));
        Double inFlight = ledger.radiusInFlight;
        if (radius != ledger.radius && (inFlight == null || radius != inFlight)) {
            problems.add("radius_km is " + radius + "; acknowledged " + ledger.radius + ", in flight " + inFlight);
        }
        int minimum = ledger.ruleLinesSettled + ledger.rulesAckedUnsettled.get();
        if (ruleChanges < minimum || ruleChanges > minimum + ledger.rulesInFlight.get()) {
            problems.add(ruleChanges + " rule-change audit lines where at least " + minimum + " were acknowledged and "
                    + ledger.rulesInFlight.get() + " more were in flight");
        }
        // a rule change that was in flight has now landed or not: from here on it is settled
        ledger.radius = radius;
        ledger.radiusInFlight = null;
        ledger.ruleLinesSettled = ruleChanges;
        ledger.rulesAckedUnsettled.set(0);
        ledger.rulesInFlight.set(0);

        problems.addAll(derivedMismatch(base, radius));
        return problems;
    }

    /** The heating radii against their inputs: one per qualifying heat source, each of the current radius. */
    private List<String> derivedMismatch(String base, double radius) throws IOException, InterruptedException {
        Set<String> qualifying = new HashSet<>();
        for (JsonNode f : json(get(base, "/ogc/collections/heat-sources/items?limit=10000")).get("features")) {
            JsonNode p = f.get("properties");
            if (p.path("largest_unit_mw").asDouble() >= 300 && p.path("chp").asText().equals("yes")
                    && p.path("status").asText().equals("operating")) {
                qualifying.add(f.get("id").asText());
            }
        }
        Set<String> drawn = new HashSet<>();
        List<String> problems = new ArrayList<>();
        for (JsonNode r : json(get(base, "/ogc/collections/heating-radii/items?limit=10000")).get("features")) {
            drawn.add(r.at("/properties/heat_source_id").asText());
            if (r.at("/properties/radius_km").asDouble() != radius) {
                problems.add("heating radius " + r.get("id").asText() + " is " + r.at("/properties/radius_km") + " km, the rule says " + radius);
            }
        }
        if (!drawn.equals(qualifying)) problems.add("heating radii drawn for " + drawn.size() + " sources, " + qualifying.size() + " qualify");
        return problems;
    }

    private static double radiusKm(JsonNode rules) {
        for (JsonNode rule : rules.get("rules")) {
            if (rule.get("id").asText().equals("heating-radius")) return rule.at("/values/radius_km").asDouble();
        }
        throw new AssertionError("no heating-radius rule in " + rules);
    }

    private static String zone(String note, int n) {
        double x = 119.0 + (n % 40) * 0.01;
        double y = 39.5 + (n / 40 % 40) * 0.01;
        return """
                {"type":"Feature","properties":{"name":"崩溃测试禁燃区","class":"II","note":"%s"},
                 "geometry":{"type":"Polygon","coordinates":[[[%s,%s],[%s,%s],[%s,%s],[%s,%s],[%s,%s]]]}}"""
                .formatted(note, x, y, x + 0.005, y, x + 0.005, y + 0.005, x, y + 0.005, x, y);
    }

    private static String importedZone(String id, int n) {
        return zone(id, n).replaceFirst("\\{\"type\":\"Feature\",", "{\"type\":\"Feature\",\"id\":\"" + id + "\",");
    }

    private static String heatSource(String note, int n) {
        return """
                {"type":"Feature","properties":{"name":"崩溃测试热电厂","note":"%s","largest_unit_mw":350,"chp":"yes","status":"operating"},
                 "geometry":{"type":"Point","coordinates":[%s,%s]}}""".formatted(note, 118.5 + (n % 50) * 0.02, 42.0 + (n / 50 % 20) * 0.02);
    }

    private static String path(HttpResponse<String> created) {
        String location = created.headers().firstValue("Location").orElseThrow();
        String[] parts = URI.create(location).getPath().split("/");
        return parts[3] + "/" + parts[5];
    }

    private HttpResponse<String> get(String base, String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", ADMIN)
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String base, String method, String path, String body, String type)
            throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", ADMIN)
                .header("Content-Type", type).timeout(Duration.ofSeconds(60))
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> r) throws IOException {
        if (r.statusCode() != 200) throw new IOException(r.uri() + " → " + r.statusCode() + " " + r.body());
        return JSON.readTree(r.body());
    }
}
