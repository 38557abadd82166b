package airzone.store;

import airzone.RunningService;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Database faults on PostGIS, against a real PostgreSQL cluster of the test's own (see
 * {@link FaultsCluster}): under a load of concurrent reads, writes and screenings the cluster is
 * killed ({@code pg_ctlcluster … stop -m immediate}) and later started again — or frozen (SIGSTOP,
 * a hung host or a cut network as a client sees it) and later thawed — the service running all along.
 * <ul>
 *   <li>while it is away every store-backed request (OGC reads, Part 4 writes) answers 503 within a
 *   bound — none hangs, none is a 500 — and {@code /health} answers 503 with {@code database: down};
 *   <li>screening, served from the in-memory index, answers 200 throughout with the same result;
 *   <li>once it is back everything works again without a restart; the time from the database taking
 *   connections again to the first successful store read through the service is printed ("RECOVERY");
 *   <li>no partial write: each write attempted is, afterwards, either there in full (the feature, one
 *   history version and one audit line, all of the same version) or not at all — and every one
 *   answered 201 is there.
 * </ul>
 */
// runs alone, after the others (pom.xml, execution "serial"): it bounds how long requests take while the database is down or frozen
@Tag("serial")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class DatabaseOutageTest {

    /** No response may take longer than this, whatever the database does. */
    private static final Duration BOUND = Duration.ofSeconds(10);
    /** Screening does not touch the database; it must stay fast while the database is away. */
    private static final Duration SCREENING_BOUND = Duration.ofSeconds(2);
    /** A request with no answer after this counts as hung. */
    private static final Duration HANG = Duration.ofSeconds(20);
    /** Long enough for several rounds of the pool's 5 s connection timeout. */
    private static final Duration OUTAGE = Duration.ofSeconds(14);
    private static final Duration WARM_UP = Duration.ofSeconds(3);
    private static final Duration AFTER_RECOVERY = Duration.ofSeconds(5);
    /** Requests in flight when the database came back may still fail; later ones may not. */
    private static final Duration RECOVERY_GRACE = Duration.ofSeconds(1);
    private static final Duration RECOVERY_LIMIT = Duration.ofSeconds(60);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN = "Basic " + Base64.getEncoder().encodeToString("admin:secret-admin".getBytes(StandardCharsets.UTF_8));
    private static final String SCREEN_POINT = "/api/screen?lon=119.6&lat=39.94";
    private static final String SCREEN_FEATURE = "{\"type\":\"Feature\",\"properties\":{\"name\":\"outage site\"},"
            + "\"geometry\":{\"type\":\"Point\",\"coordinates\":[119.6,39.94]}}";
    /** Inside the zone every write draws. */
    private static final String SCREEN_WRITTEN_ZONE = "/api/screen?lon=119.51&lat=39.91";

    private enum Kind {
        ITEMS(true, 200), ITEM(true, 200),
        /** a ban zone created with HTTP Basic (whose successful checks the service remembers for a while) */
        WRITE_BASIC(true, 201),
        /** a ban zone created with a bearer token (looked up in the store on every request) */
        WRITE_BEARER(true, 201),
        SCREEN_GET(false, 200), SCREEN_POST(false, 200), HEALTH(false, 200);

        final boolean storeBacked;
        final int ok;

        Kind(boolean storeBacked, int ok) {
            this.storeBacked = storeBacked;
            this.ok = ok;
        }

        boolean screening() {
            return this == SCREEN_GET || this == SCREEN_POST;
        }

        boolean write() {
            return this == WRITE_BASIC || this == WRITE_BEARER;
        }
    }

    /** A request the load sends, and for a write the id of the feature it creates. */
    private record Request(HttpRequest http, String featureId) {
    }

    /** One request of the load: what, when (System.nanoTime), and how it ended; status -1 for no answer. */
    private record Sample(Kind kind, String featureId, long start, long end, int status, String body, String etag) {
        Duration latency() {
            return Duration.ofNanos(end - start);
        }

        boolean within(long from, long to) {
            return start >= from && end <= to;
        }

        @Override
        public String toString() {
            String shown = body == null ? "" : body.length() > 160 ? body.substring(0, 160) + "…" : body;
            return kind + (featureId == null ? "" : " " + featureId) + " at +" + (start - origin) / 1_000_000 + " ms → "
                    + status + " in " + latency().toMillis() + " ms " + shown;
        }
    }

    /** How the database goes away, and how it comes back. */
    private enum Fault {
        /** The server is killed: connections are cut and new ones refused at once. */
        STOP("stopped (pg_ctlcluster stop -m immediate)") {
            void begin(FaultsCluster cluster) {
                cluster.stopImmediately();
            }

            void end(FaultsCluster cluster) {
                cluster.start();
            }
        },
        /** The server hangs: nothing is refused, nothing answers; only timeouts end a wait. */
        FREEZE("frozen (SIGSTOP to every server process)") {
            void begin(FaultsCluster cluster) {
                cluster.freeze();
            }

            void end(FaultsCluster cluster) {
                cluster.thaw();
            }
        };

        final String description;

        Fault(String description) {
            this.description = description;
        }

        abstract void begin(FaultsCluster cluster);

        abstract void end(FaultsCluster cluster);
    }

    /** System.nanoTime() when the load began; samples show their times relative to it. */
    private static volatile long origin;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void whileTheDatabaseIsStoppedStoreRequestsAnswer503ScreeningGoesOnAndAllRecoversWithoutARestart() throws Exception {
        underLoad(Fault.STOP);
    }

    @Test
    void whileTheDatabaseIsFrozenNoRequestHangsScreeningGoesOnAndAllRecoversWithoutARestart() throws Exception {
        underLoad(Fault.FREEZE);
    }

    private void underLoad(Fault fault) throws Exception {
        FaultsCluster cluster = FaultsCluster.fromEnvironment();
        cluster.ensureRunning();
        try (FaultsCluster.Schema schema = cluster.freshSchema();
             RunningService service = RunningService.startOn(schema.url, cluster.user, cluster.password,
                     Map.of("AIRZONE_BOOTSTRAP_ADMIN", "admin:secret-admin"))) {
            try {
                outageUnderLoad(fault, cluster, service);
            } finally {
                cluster.ensureRunning();
            }
        }
    }

    private void outageUnderLoad(Fault fault, FaultsCluster cluster, RunningService service) throws Exception {
        String base = service.baseUrl();
        Instant testStart = Instant.now().minusSeconds(1);
        HttpResponse<String> health = send(get(base + "/health"));
        assertThat(health.statusCode()).as("/health before the outage: %s", health.body()).isEqualTo(200);
        assertThat(json(health.body()).path("ready").asBoolean()).as("ready: %s", health.body()).isTrue();

        HttpResponse<String> zones = send(get(base + "/ogc/collections/ban-zones/items?limit=1"));
        assertThat(zones.statusCode()).as(zones.body()).isEqualTo(200);
        String zoneId = json(zones.body()).path("features").path(0).path("id").asText();
        assertThat(zoneId).as("a ban zone to read: %s", zones.body()).isNotEmpty();

        // what screening says with the database up; it must say the same with the database down
        String screenedPoint = send(get(base + SCREEN_POINT)).body();
        String screenedFeature = send(postJson(base + "/api/screen", SCREEN_FEATURE)).body();

        HttpResponse<String> login = send(postJson(base + "/api/login", "{\"name\":\"admin\",\"password\":\"secret-admin\"}"));
        assertThat(login.statusCode()).as("login: %s", login.body()).isEqualTo(200);
        String bearer = "Bearer " + json(login.body()).path("token").asText();

        AtomicInteger written = new AtomicInteger();
        String idPrefix = "outage-" + fault.name().toLowerCase() + "-";
        Map<Kind, Supplier<Request>> requests = Map.of(
                Kind.ITEMS, () -> new Request(get(base + "/ogc/collections/districts/items?limit=5"), null),
                Kind.ITEM, () -> new Request(get(base + "/ogc/collections/ban-zones/items/" + zoneId), null),
                Kind.WRITE_BASIC, () -> write(base, idPrefix + written.incrementAndGet(), ADMIN),
                Kind.WRITE_BEARER, () -> write(base, idPrefix + written.incrementAndGet(), bearer),
                Kind.SCREEN_GET, () -> new Request(get(base + SCREEN_POINT), null),
                Kind.SCREEN_POST, () -> new Request(postJson(base + "/api/screen", SCREEN_FEATURE), null),
                Kind.HEALTH, () -> new Request(get(base + "/health"), null));
        Map<Kind, Integer> threads = Map.of(Kind.ITEMS, 3, Kind.ITEM, 2, Kind.WRITE_BASIC, 1, Kind.WRITE_BEARER, 1,
                Kind.SCREEN_GET, 2, Kind.SCREEN_POST, 2, Kind.HEALTH, 1);
        Map<Kind, Long> pauseMillis = Map.of(Kind.ITEMS, 20L, Kind.ITEM, 20L, Kind.WRITE_BASIC, 150L, Kind.WRITE_BEARER, 150L,
                Kind.SCREEN_GET, 20L, Kind.SCREEN_POST, 20L, Kind.HEALTH, 250L);

        ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
        int total = threads.values().stream().mapToInt(Integer::intValue).sum();
        ExecutorService load = Executors.newFixedThreadPool(total);
        origin = System.nanoTime();
        Load running = new Load();
        for (Map.Entry<Kind, Integer> e : threads.entrySet()) {
            for (int i = 0; i < e.getValue(); i++) {
                Kind kind = e.getKey();
                load.submit(() -> running.loop(kind, requests.get(kind), pauseMillis.get(kind), samples));
            }
        }

        long recovered;
        long stopIssued;
        long stopped;
        long startIssued;
        long started;
        long accepted;
        try {
            Thread.sleep(WARM_UP.toMillis());

            stopIssued = System.nanoTime();
            fault.begin(cluster);
            stopped = System.nanoTime();
            System.out.printf("database-outage [%s]: database %s at +%d ms, in %d ms%n", fault, fault.description,
                    millis(stopIssued - origin), millis(stopped - stopIssued));

            Thread.sleep(OUTAGE.toMillis());

            startIssued = System.nanoTime();
            // when the database takes connections again, seen directly (pg_ctlcluster returns a little later)
            CompletableFuture<Long> accepting = CompletableFuture.supplyAsync(() -> firstAccepted(cluster, startIssued));
            fault.end(cluster);
            started = System.nanoTime();
            accepted = accepting.get(RECOVERY_LIMIT.toSeconds(), TimeUnit.SECONDS);
            System.out.printf("database-outage [%s]: database back at +%d ms (returned after %d ms); it took connections "
                    + "%d ms after it was brought back%n", fault, millis(startIssued - origin), millis(started - startIssued),
                    millis(accepted - startIssued));

            recovered = awaitFirstStoreRead(samples, startIssued);
            Thread.sleep(RECOVERY_GRACE.plus(AFTER_RECOVERY).toMillis());
        } finally {
            running.stop();
            load.shutdown();
            if (!load.awaitTermination(HANG.toSeconds() + 10, TimeUnit.SECONDS)) {
                load.shutdownNow();
                fail("load threads still waiting for answers " + HANG.toSeconds() + " s after the load stopped");
            }
        }

        System.out.printf("database-outage [%s]: RECOVERY first successful store read through the service %d ms after "
                        + "the database took connections again (%d ms after it was brought back; the outage lasted %d ms)%n",
                fault, millis(recovered - accepted), millis(recovered - startIssued), millis(startIssued - stopIssued));
        List<Sample> all = new ArrayList<>(samples);
        summary(fault, all, stopIssued, stopped, startIssued, recovered);

        // never a 500, never a hang, never slower than the bound — before, during and after the outage
        expect(all, s -> s.status != -1, "requests got no answer within " + HANG.toSeconds() + " s");
        expect(all, s -> s.status != 500, "requests answered 500");
        expect(all, s -> s.latency().compareTo(BOUND) <= 0, "requests took longer than " + BOUND.toSeconds() + " s");
        expect(all, s -> s.status == s.kind.ok || s.status == 503, "requests answered neither success nor 503");

        // screening answers from the in-memory index throughout, the same as with the database up, and fast
        List<Sample> screening = all.stream().filter(s -> s.kind.screening()).toList();
        expect(screening, s -> s.status == 200, "screenings were not 200");
        // (but for data_versions, which the load's writes before the outage move on, as they should)
        expect(screening, s -> findings(s.body).equals(findings(s.kind == Kind.SCREEN_GET ? screenedPoint : screenedFeature)),
                "screenings gave another result than with the database up");
        expect(screening, s -> s.body.contains("\"data_versions\""), "screenings said no data versions");
        expect(screening, s -> s.latency().compareTo(SCREENING_BOUND) <= 0,
                "screenings took longer than " + SCREENING_BOUND.toMillis() + " ms");

        // before the outage everything succeeds
        List<Sample> before = all.stream().filter(s -> s.end < stopIssued).toList();
        for (Kind kind : Kind.values()) {
            assertThat(before).as("%s requests before the outage", kind).anyMatch(s -> s.kind == kind);
        }
        expect(before, s -> s.status == s.kind.ok, "requests before the outage failed");

        // while the database is down: store-backed requests 503 with the JSON error, /health 503 saying so
        List<Sample> outage = all.stream().filter(s -> s.within(stopped, startIssued)).toList();
        for (Kind kind : Kind.values()) {
            assertThat(outage).as("%s requests during the outage", kind).anyMatch(s -> s.kind == kind);
        }
        List<Sample> storeDuringOutage = outage.stream().filter(s -> s.kind.storeBacked).toList();
        expect(storeDuringOutage, s -> s.status == 503, "store-backed requests during the outage were not 503");
        expect(storeDuringOutage, s -> json(s.body).path("status").asInt() == 503 && json(s.body).has("detail"),
                "503s during the outage lacked the JSON error body");
        List<Sample> healthDuringOutage = outage.stream().filter(s -> s.kind == Kind.HEALTH).toList();
        // documented (README): /health is 503 while the database is away, saying database: down
        expect(healthDuringOutage, s -> s.status == 503 && json(s.body).path("database").asText().equals("down")
                        && json(s.body).path("status").asText().equals("degraded"),
                "/health answers during the outage were not 503 with database: down");
        // at any moment, also while the database goes or comes: /health answers in its own shape, never the error one
        expect(all.stream().filter(s -> s.kind == Kind.HEALTH).toList(),
                s -> s.status == 200 && json(s.body).path("database").asText().equals("up")
                        || s.status == 503 && json(s.body).path("database").asText().equals("down"),
                "/health answers were neither 200 with database: up nor 503 with database: down");
        double screeningsPerSecond = outage.stream().filter(s -> s.kind.screening()).count() / ((startIssued - stopped) / 1e9);
        System.out.printf("database-outage [%s]: %.0f screenings/s while the database was down%n", fault, screeningsPerSecond);

        // once back: every request that started after recovery (and a short grace) succeeds, with no restart
        long settled = recovered + RECOVERY_GRACE.toNanos();
        List<Sample> after = all.stream().filter(s -> s.start >= settled).toList();
        for (Kind kind : Kind.values()) {
            assertThat(after).as("%s requests after recovery", kind).anyMatch(s -> s.kind == kind);
        }
        expect(after, s -> s.status == s.kind.ok, "requests after recovery failed");
        expect(after.stream().filter(s -> s.kind == Kind.HEALTH).toList(),
                s -> json(s.body).path("database").asText().equals("up"), "/health answers after recovery said the database is not up");

        noPartialWrites(fault, base, all, testStart);
    }

    /**
     * Each write attempted is either there in full — the feature, exactly one history version and one
     * audit line, all of the version its ETag names — or not at all; every write answered 201 is there,
     * and the screening index has caught up with all that are.
     */
    private void noPartialWrites(Fault fault, String base, List<Sample> all, Instant since) throws Exception {
        List<Sample> writes = all.stream().filter(s -> s.kind.write()).toList();
        HttpResponse<String> auditAnswer = send(get(base + "/api/audit?limit=10000&since="
                + URLEncoder.encode(since.toString(), StandardCharsets.UTF_8), "Authorization", ADMIN));
        assertThat(auditAnswer.statusCode()).as("audit: %s", auditAnswer.body()).isEqualTo(200);
        Map<String, List<JsonNode>> auditById = new HashMap<>();
        for (JsonNode e : json(auditAnswer.body()).path("entries")) {
            if (e.path("featureId").asText().startsWith("outage-")) {
                auditById.computeIfAbsent(e.path("featureId").asText(), k -> new ArrayList<>()).add(e);
            }
        }
        Set<String> attempted = new HashSet<>();
        Set<String> present = new HashSet<>();
        int refusedButPresent = 0;
        List<String> problems = new ArrayList<>();
        for (Sample w : writes) {
            attempted.add(w.featureId);
            HttpResponse<String> item = send(get(base + "/ogc/collections/ban-zones/items/" + w.featureId));
            HttpResponse<String> history = send(get(base + "/api/history/ban-zones/" + w.featureId, "Authorization", ADMIN));
            List<JsonNode> audit = auditById.getOrDefault(w.featureId, List.of());
            String state = w + " — item " + item.statusCode() + ", history " + history.statusCode() + ", audit lines " + audit.size();
            if (item.statusCode() == 404) {
                if (w.status == 201) problems.add("answered 201 but missing: " + state);
                else if (history.statusCode() != 404 || !audit.isEmpty()) problems.add("partial (history or audit without the feature): " + state);
                continue;
            }
            present.add(w.featureId);
            if (w.status != 201) refusedButPresent++;
            String etag = item.headers().firstValue("ETag").orElse("");
            JsonNode feature = json(item.body());
            JsonNode versions = history.statusCode() == 200 ? json(history.body()).path("versions") : JSON.createArrayNode();
            boolean whole = item.statusCode() == 200
                    && feature.path("properties").path("name").asText().equals("测试禁燃区")
                    && feature.path("properties").path("class").asText().equals("III")
                    // the collection stores MultiPolygons: the written Polygon comes back as one with a single part
                    && feature.path("geometry").path("coordinates").toString().contains("[[[119.5,39.9],[119.52,39.9],[119.52,39.92],[119.5,39.92],[119.5,39.9]]]")
                    && (w.status != 201 || etag.equals(w.etag))
                    && versions.size() == 1
                    && versions.path(0).path("action").asText().equals("create")
                    && versions.path(0).path("user").asText().equals("admin")
                    && versions.path(0).path("etag").asText().equals(etag)
                    && audit.size() == 1
                    && audit.get(0).path("action").asText().equals("create")
                    && ("\"v" + audit.get(0).path("version").asLong() + '"').equals(etag);
            if (!whole) problems.add("incomplete: " + state + "; item ETag " + etag + ", versions " + versions);
        }
        Set<String> strays = new HashSet<>(auditById.keySet());
        strays.removeAll(attempted);
        if (!strays.isEmpty()) problems.add("audit lines for features nobody wrote: " + strays);

        // the index screening reads caught up with the writes once the database was back
        HttpResponse<String> screened = send(get(base + SCREEN_WRITTEN_ZONE));
        assertThat(screened.statusCode()).as(screened.body()).isEqualTo(200);
        Set<String> screenedIds = new HashSet<>();
        for (JsonNode f : json(screened.body()).path("findings")) screenedIds.add(f.path("featureId").asText());
        Set<String> unscreened = new HashSet<>(present);
        unscreened.removeAll(screenedIds);
        if (!unscreened.isEmpty()) problems.add("written zones screening does not know of: " + unscreened);

        long accepted = writes.stream().filter(w -> w.status == 201).count();
        System.out.printf("database-outage [%s]: writes: %d attempted, %d answered 201, %d answered 503 (%d of which "
                        + "had committed nevertheless, in full), %d present afterwards%n", fault, writes.size(), accepted,
                writes.size() - accepted, refusedButPresent, present.size());
        if (!problems.isEmpty()) {
            throw new AssertionError(problems.size() + " writes left the store inconsistent:\n  "
                    + String.join("\n  ", problems.subList(0, Math.min(10, problems.size()))));
        }
    }

    /** Polls the database directly from {@code since} until it takes a connection; returns when it did. */
    private static long firstAccepted(FaultsCluster cluster, long since) {
        long deadline = since + RECOVERY_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (cluster.accepts()) return System.nanoTime();
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("the database took no connection within " + RECOVERY_LIMIT.toSeconds() + " s of its start");
    }

    /** Waits for the first 200 of a store-backed read that ended after {@code since}; returns when it ended. */
    private static long awaitFirstStoreRead(ConcurrentLinkedQueue<Sample> samples, long since) throws InterruptedException {
        long deadline = System.nanoTime() + RECOVERY_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<Sample> first = samples.stream()
                    .filter(s -> (s.kind == Kind.ITEMS || s.kind == Kind.ITEM) && s.status == 200 && s.end > since)
                    .min((a, b) -> Long.compare(a.end, b.end));
            if (first.isPresent()) return first.get().end;
            Thread.sleep(20);
        }
        List<Sample> latest = samples.stream().filter(s -> s.kind.storeBacked && s.end > since).toList();
        throw new AssertionError("no store-backed read succeeded within " + RECOVERY_LIMIT.toSeconds()
                + " s of the database start; the last answers: "
                + latest.subList(Math.max(0, latest.size() - 5), latest.size()));
    }

    private final class Load {
        private volatile boolean running = true;

        void stop() {
            running = false;
        }

        void loop(Kind kind, Supplier<Request> requests, long pause, ConcurrentLinkedQueue<Sample> samples) {
            while (running) {
                Request request = requests.get();
                long start = System.nanoTime();
                int status;
                String body;
                String etag = null;
                try {
                    HttpResponse<String> response = client.send(request.http, HttpResponse.BodyHandlers.ofString());
                    status = response.statusCode();
                    body = response.body();
                    etag = response.headers().firstValue("ETag").orElse(null);
                } catch (HttpTimeoutException e) {
                    status = -1;
                    body = "no answer within " + HANG.toSeconds() + " s";
                } catch (IOException e) {
                    status = -1;
                    body = "request failed: " + e;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                samples.add(new Sample(kind, request.featureId, start, System.nanoTime(), status, body, etag));
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static Request write(String base, String id, String authorization) {
        String feature = "{\"type\":\"Feature\",\"id\":\"" + id + "\",\"properties\":{\"name\":\"测试禁燃区\",\"class\":\"III\"},"
                + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[119.5,39.9],[119.52,39.9],[119.52,39.92],[119.5,39.92],[119.5,39.9]]]}}";
        HttpRequest http = HttpRequest.newBuilder(URI.create(base + "/ogc/collections/ban-zones/items")).timeout(HANG)
                .header("Content-Type", "application/geo+json")
                .header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString(feature, StandardCharsets.UTF_8)).build();
        return new Request(http, id);
    }

    private static void summary(Fault fault, List<Sample> all, long stopIssued, long stopped, long startIssued, long recovered) {
        Map<String, Predicate<Sample>> phases = new LinkedHashMap<>();
        phases.put("before", s -> s.end < stopIssued);
        phases.put("outage", s -> s.within(stopped, startIssued));
        phases.put("recovering", s -> s.start < recovered && s.end >= startIssued);
        phases.put("after", s -> s.start >= recovered);
        for (Map.Entry<String, Predicate<Sample>> phase : phases.entrySet()) {
            Map<Kind, List<Sample>> byKind = all.stream().filter(phase.getValue())
                    .collect(Collectors.groupingBy(s -> s.kind, TreeMap::new, Collectors.toList()));
            StringBuilder line = new StringBuilder("database-outage [" + fault + "]: " + phase.getKey() + ":");
            byKind.forEach((kind, list) -> {
                Map<Integer, Long> statuses = list.stream().collect(Collectors.groupingBy(s -> s.status, TreeMap::new, Collectors.counting()));
                long max = list.stream().mapToLong(s -> s.latency().toMillis()).max().orElse(0);
                line.append(' ').append(kind).append(' ').append(statuses).append(" max ").append(max).append(" ms;");
            });
            System.out.println(line);
        }
    }

    /** Fails naming how many samples broke the expectation and the first few of them. */
    private static void expect(List<Sample> samples, Predicate<Sample> ok, String failure) {
        List<Sample> bad = samples.stream().filter(ok.negate()).toList();
        if (!bad.isEmpty()) {
            throw new AssertionError(bad.size() + " of " + samples.size() + " " + failure + ", e.g.:\n  "
                    + bad.subList(0, Math.min(8, bad.size())).stream().map(Sample::toString).collect(Collectors.joining("\n  ")));
        }
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    private static HttpRequest get(String url, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(HANG).GET();
        if (headers.length > 0) b.headers(headers);
        return b.build();
    }

    private static HttpRequest postJson(String url, String body) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(HANG)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** A screening's answer without its data versions: what it found. */
    private static JsonNode findings(String body) {
        try {
            JsonNode answer = JSON.readTree(body);
            if (answer instanceof com.fasterxml.jackson.databind.node.ObjectNode object) object.remove("data_versions");
            return answer;
        } catch (java.io.IOException e) {
            return JSON.getNodeFactory().textNode(body);
        }
    }
}
