package airzone.http;

import airzone.RunningService;
import airzone.StoreFingerprint;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every case of the hostile-input corpus ({@code src/test/resources/hostile/cases.tsv}) against the
 * running service, once per store: each must be answered with one of the 4xx statuses the manifest
 * expects and a JSON {@code {status, error, detail}}, leave every collection and the audit trail
 * exactly as they were, and leave {@code GET /health} answering 200.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class HostileInputContract extends ServiceContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN = "Basic " + Base64.getEncoder().encodeToString("admin:secret-admin".getBytes(StandardCharsets.UTF_8));
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    /** The state every case must leave alone; updated after a case that changed it, so one failure does not blame the rest. */
    private StoreFingerprint before;
    /** The test's own connection to the service's database, for the fingerprints. */
    private Connection database;
    private final List<String> results = new ArrayList<>();

    @Override
    protected Map<String, String> settings() {
        return Map.of("AIRZONE_BOOTSTRAP_ADMIN", "admin:secret-admin");
    }

    @Test
    @Order(0)
    void theManifestHasAtLeastAHundredWellFormedCases() {
        List<HostileCorpus.Case> cases = HostileCorpus.cases();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(100);
        Set<String> names = new HashSet<>();
        SoftAssertions soft = new SoftAssertions();
        for (HostileCorpus.Case c : cases) {
            soft.assertThat(names.add(c.name())).as("%s: name unique", c).isTrue();
            soft.assertThat(c.name()).as("%s: name", c).matches("[a-z0-9][a-z0-9E-]*");
            soft.assertThat(c.method()).as("%s: method", c).isIn("POST", "PUT", "DELETE", "PATCH");
            soft.assertThat(c.expect()).as("%s: expected statuses", c).isNotEmpty().allMatch(s -> s >= 400 && s <= 499);
            soft.assertThat(c.transport()).as("%s: transport", c).matches("client|raw|chunked|declared-length=\\d+");
            soft.assertThat(c.auth()).as("%s: auth", c).matches("admin|none|(Basic|Bearer) .*");
            if (c.generated()) {
                soft.assertThat(HostileCorpus.GENERATORS).as("%s: generator", c).contains(c.body().substring(4));
                soft.assertThat(c.note()).as("%s: a generated body says so in the manifest", c).startsWith("generated");
            } else if (!c.body().equals("-")) {
                soft.assertThat(HostileCorpus.exists(c.body())).as("%s: file %s", c, c.body()).isTrue();
                soft.assertThat(HostileCorpus.file(c.body()).length).as("%s: checked-in files stay small", c).isLessThan(16 * 1024);
            }
            if (c.transport().equals("client")) {
                soft.assertThatCode(() -> URI.create("http://localhost" + c.path())).as("%s: path is a URI", c).doesNotThrowAnyException();
            }
        }
        soft.assertAll();
        Map<String, Long> byClass = HostileCorpus.countByClass(cases);
        assertThat(byClass).as("several cases for every class of input").allSatisfy((k, n) -> assertThat(n).as(k).isGreaterThanOrEqualTo(3));
        assertThat(byClass.keySet()).contains("malformed-json", "wrong-geojson-type", "non-finite-number", "out-of-range",
                "empty-geometry", "bow-tie", "ring-structure", "huge-body", "deep-nesting", "injection", "path-traversal",
                "non-utf8", "duplicate-keys", "content-type", "if-match", "collection", "missing-property", "property-type", "auth");
        assertThat(HostileCorpus.GENERATORS).allSatisfy(g -> assertThat(HostileCorpus.generate(g).length()).isPositive());
        assertThat(HostileCorpus.generate("ten-million-vertices").length()).as("about 250 MB, streamed").isGreaterThan(200_000_000L);
    }

    @TestFactory
    @Order(1)
    Stream<DynamicTest> everyHostileCaseIsRefusedAndChangesNothing() {
        before = fingerprint();
        return HostileCorpus.cases().stream().map(c -> DynamicTest.dynamicTest(c.toString(), () -> run(c)));
    }

    /** The valid requests the cases vary are accepted: the cases fail for what they change, not for what they share. */
    @Test
    @Order(2)
    void theControlRequestsAreAccepted() {
        SoftAssertions soft = new SoftAssertions();
        for (String[] control : HostileCorpus.controls()) {
            String name = control[0], method = control[1], path = control[2];
            List<String> headers = new ArrayList<>(List.of("Content-Type", "application/geo+json", "Authorization", ADMIN));
            if (method.equals("PUT")) headers.addAll(List.of("If-Match", etag(path)));
            HttpResponse<String> r = service.sendBytes(method, path, HostileCorpus.file(control[3]), headers.toArray(String[]::new));
            if (method.equals("POST")) {
                soft.assertThat(r.statusCode()).as("%s: %s", name, r.body()).isEqualTo(201);
                soft.assertThat(r.headers().firstValue("Location")).as("%s: Location", name).isPresent();
            } else {
                soft.assertThat(r.statusCode()).as("%s: %s", name, r.body()).isBetween(200, 204);
            }
            soft.assertThat(r.headers().firstValue("ETag")).as("%s: ETag", name).isPresent();
        }
        soft.assertAll();
    }

    /**
     * What the cases rely on: the fingerprint of the store differs, naming the table, after a change of any one
     * row of any table the cases could touch — a geometry moved by a billionth of a degree included. Runs last:
     * it changes the store behind the service's back.
     */
    @Test
    @Order(3)
    void theFingerprintSeesAChangeOfAnyOneRow() throws SQLException {
        StoreFingerprint start = fingerprint();
        assertThat(start.tables()).as("the tables fingerprinted")
                .contains("features", "feature_history", "audit", "settings", "users", "sessions");
        String oneDistrict = "collection = 'districts' AND id = (SELECT MIN(id) FROM features WHERE collection = 'districts')";
        String newestHistory = "version = (SELECT MAX(version) FROM feature_history)";
        String newestAudit = "seq = (SELECT MAX(seq) FROM audit)";
        List<String[]> changes = List.of(
                new String[] {"features", "UPDATE features SET geom = ST_Translate(geom, 0.000000001, 0) WHERE " + oneDistrict},
                new String[] {"features", "UPDATE features SET version = version + 1 WHERE " + oneDistrict},
                new String[] {"features", "UPDATE features SET deleted = NOT deleted WHERE " + oneDistrict},
                new String[] {"feature_history", "UPDATE feature_history SET username = username || 'x' WHERE " + newestHistory},
                new String[] {"audit", "UPDATE audit SET username = username || 'x' WHERE " + newestAudit},
                new String[] {"users", "UPDATE users SET disabled = NOT disabled WHERE name = 'admin'"},
                new String[] {"settings", "INSERT INTO settings (name, content) VALUES ('fingerprint-test', '{}')"},
                new String[] {"sessions", "INSERT INTO sessions (token_hash, username, csrf, expires_at) VALUES ('t', 'admin', 'c', CURRENT_TIMESTAMP)"},
                new String[] {"sessions", "UPDATE sessions SET expires_at = expires_at + INTERVAL '1' SECOND"},
                new String[] {"sessions", "DELETE FROM sessions WHERE token_hash = 't'"},
                new String[] {"features", "DELETE FROM features WHERE " + oneDistrict});
        StoreFingerprint last = start;
        try (Statement s = database.createStatement()) {
            // PostGIS refuses any rewrite of history and audit by trigger; the test's changes go around it
            if (store() == RunningService.Store.POSTGIS) {
                s.execute("ALTER TABLE feature_history DISABLE TRIGGER feature_history_append_only");
                s.execute("ALTER TABLE audit DISABLE TRIGGER audit_append_only");
            }
            for (String[] change : changes) {
                assertThat(s.executeUpdate(change[1])).as("rows changed by %s", change[1]).isEqualTo(1);
                StoreFingerprint next = fingerprint();
                assertThat(last.differences(next)).as("after %s", change[1])
                        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING).startsWithIgnoringCase(change[0] + ":");
                last = next;
            }
        }
    }

    @AfterAll
    void writeResults() throws IOException, SQLException {
        if (database != null) database.close();
        // one line per case: what the service answered; handy when a case fails
        Path out = Path.of("target", "hostile-results-" + store().name().toLowerCase() + ".tsv");
        Files.createDirectories(out.getParent());
        try (Writer w = Files.newBufferedWriter(out)) {
            w.write("case\tclass\texpected\tstatus\tbody\n");
            for (String line : results) w.write(line + "\n");
        }
    }

    private void run(HostileCorpus.Case c) throws Exception {
        Answer answer = send(c);
        StoreFingerprint after = fingerprint();
        HttpResponse<String> health = service.get("/health");
        results.add(String.join("\t", c.name(), c.inputClass(), c.expect().toString(), String.valueOf(answer.status),
                oneLine(answer.body, 400)));

        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(answer.status).as("status (body: %s)", oneLine(answer.body, 600)).isIn(c.expect());
        JsonNode error = parse(answer.body);
        if (answer.status < 400) {
            // accepted: the status failure above says so; the error shape does not apply
        } else if (error == null || !error.isObject()) {
            soft.fail("the error is not a JSON object (Content-Type " + answer.contentType + "): " + oneLine(answer.body, 600));
        } else {
            soft.assertThat(answer.contentType).as("Content-Type of the error").contains("json");
            soft.assertThat(error.path("status").asInt(-1)).as("error.status").isEqualTo(answer.status);
            soft.assertThat(error.path("error").isTextual() && !error.path("error").asText().isBlank()).as("error.error is text: %s", error).isTrue();
            soft.assertThat(error.path("detail").isTextual() && !error.path("detail").asText().isBlank()).as("error.detail is non-empty text: %s", error).isTrue();
        }
        // a wrong password is counted by the login throttle (in the store, for every instance): counting a
        // guess is how it is refused, so those tables may change; nothing else may
        soft.assertThat(before.differences(after).stream().filter(d -> !d.toLowerCase(java.util.Locale.ROOT).startsWith("login_")))
                .as("the store and the audit trail are unchanged").isEmpty();
        soft.assertThat(health.statusCode()).as("GET /health afterwards: %s", health.body()).isEqualTo(200);
        before = after;
        try {
            soft.assertAll();
        } catch (AssertionError e) {
            throw new AssertionError(c + " " + c.method() + " " + c.path() + " answered " + answer.status + ": " + e.getMessage(), e);
        }
    }

    private record Answer(int status, String contentType, String body) {
    }

    private Answer send(HostileCorpus.Case c) throws Exception {
        List<String> headers = new ArrayList<>();
        if (!c.contentType().equals("-")) headers.addAll(List.of("Content-Type", c.contentType()));
        if (c.auth().equals("admin")) headers.addAll(List.of("Authorization", ADMIN));
        else if (!c.auth().equals("none")) headers.addAll(List.of("Authorization", c.auth()));
        if (!c.ifMatch().equals("-")) {
            String value = c.ifMatch();
            if (value.contains("{etag}") || value.contains("{version}")) {
                String etag = etag(c.path());
                value = value.replace("{etag}", etag).replace("{version}", etag.replaceAll("[^0-9]", ""));
            }
            headers.addAll(List.of("If-Match", value));
        }
        HostileCorpus.Body body = HostileCorpus.body(c);
        if (c.transport().equals("client")) {
            HttpResponse<String> r = service.sendBytes(c.method(), c.path(), body == null ? null : body.bytes(), headers.toArray(String[]::new));
            return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
        }
        RawHttp.Framing framing = RawHttp.Framing.CONTENT_LENGTH;
        long length = body == null ? 0 : body.length();
        if (c.transport().equals("chunked")) {
            framing = RawHttp.Framing.CHUNKED;
        } else if (c.transport().startsWith("declared-length=")) {
            framing = RawHttp.Framing.DECLARED_LENGTH;
            length = Long.parseLong(c.transport().substring("declared-length=".length()));
        }
        RawHttp.Response r = RawHttp.send(service.app().port(), c.method(), c.path(), headers,
                body == null ? null : body.open(), length, framing, TIMEOUT);
        String contentType = r.header("Content-Type");
        return new Answer(r.status(), contentType == null ? "" : contentType, r.body());
    }

    /** The current ETag of a feature, as a client would read it before writing. */
    private String etag(String itemPath) {
        HttpResponse<String> r = service.get(itemPath, "Authorization", ADMIN);
        assertThat(r.statusCode()).as("GET %s to read its ETag (has an earlier case deleted it?): %s", itemPath, r.body()).isEqualTo(200);
        return r.headers().firstValue("ETag").orElseThrow(() -> new AssertionError("GET " + itemPath + " sent no ETag"));
    }

    // ------------------------------------------------------------------------------------ store fingerprint

    private StoreFingerprint fingerprint() {
        try {
            if (database == null) database = service.connect();
            return StoreFingerprint.of(database);
        } catch (SQLException e) {
            throw new IllegalStateException("fingerprinting the store", e);
        }
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String oneLine(String s, int max) {
        String t = Objects.toString(s, "").replace('\n', ' ').replace('\r', ' ').replace('\t', ' ');
        return t.length() <= max ? t : t.substring(0, max) + "…";
    }
}
