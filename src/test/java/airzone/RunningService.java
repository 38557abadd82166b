package airzone;

import airzone.config.Config;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The whole service, started in-process on a free port against a fresh store of either kind and
 * seeded with the real sample data — what tests at the HTTP level talk to.
 */
public final class RunningService implements AutoCloseable {

    public enum Store { H2GIS, POSTGIS }

    /** The administrator every test service starts with (AIRZONE_BOOTSTRAP_ADMIN), unless a test names another. */
    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "secret-admin";

    private final App app;
    private final Path dataDir;
    private final AutoCloseable database;
    private final TestDatabases.Postgis postgis;
    private final HttpClient client = HttpClient.newHttpClient();
    private boolean stopped;

    private RunningService(App app, Path dataDir, AutoCloseable database, TestDatabases.Postgis postgis) {
        this.app = app;
        this.dataDir = dataDir;
        this.database = database;
        this.postgis = postgis;
    }

    public static RunningService start(Store store) {
        return start(store, Map.of());
    }

    /** @param settings extra AIRZONE_* variables, as the environment would give them */
    public static RunningService start(Store store, Map<String, String> settings) {
        if (store == Store.H2GIS) return launch(settings, () -> { }, null);
        TestDatabases.Postgis pg = TestDatabases.freshPostgis();
        return launch(withDatabase(settings, pg.url(), pg.user(), pg.password()), pg, pg);
    }

    /**
     * The service on a PostGIS database the caller provides and cleans up (a test that stops and
     * starts its own cluster, say); only the data directory is removed on close.
     */
    public static RunningService startOn(String dbUrl, String dbUser, String dbPassword, Map<String, String> settings) {
        return launch(withDatabase(settings, dbUrl, dbUser, dbPassword), () -> { }, null);
    }

    /**
     * The service on the embedded store in a data directory the caller provides and removes (a small
     * filesystem mounted for the test, say); the directory is left as it is on close.
     */
    public static RunningService startIn(Path dataDir, Map<String, String> settings) {
        return launchIn(dataDir, settings, () -> { }, null);
    }

    private static Map<String, String> withDatabase(Map<String, String> settings, String url, String user, String password) {
        Map<String, String> env = new java.util.HashMap<>(settings);
        env.put("AIRZONE_DB_URL", url);
        env.put("AIRZONE_DB_USER", user);
        env.put("AIRZONE_DB_PASSWORD", password);
        return env;
    }

    private static RunningService launch(Map<String, String> settings, AutoCloseable database, TestDatabases.Postgis postgis) {
        Path dataDir;
        try {
            dataDir = Files.createTempDirectory("airzone-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return launchIn(dataDir, settings, () -> {
            try {
                database.close();
            } finally {
                deleteTree(dataDir);
            }
        }, postgis);
    }

    /** @param cleanUp run on close after the service stopped */
    private static RunningService launchIn(Path dataDir, Map<String, String> settings, AutoCloseable cleanUp, TestDatabases.Postgis postgis) {
        Map<String, String> env = new java.util.HashMap<>(settings);
        env.putIfAbsent("AIRZONE_BOOTSTRAP_ADMIN", ADMIN + ":" + ADMIN_PASSWORD);
        env.put("AIRZONE_PORT", "0");
        env.put("AIRZONE_DATA_DIR", dataDir.toString());
        return new RunningService(App.start(Config.from(env, new String[0])), dataDir, cleanUp, postgis);
    }

    public String baseUrl() {
        return "http://localhost:" + app.port();
    }

    /** The value of an Authorization header for HTTP Basic. */
    public static String basic(String name, String password) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((name + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public static String adminAuth() {
        return basic(ADMIN, ADMIN_PASSWORD);
    }

    /** The service's AIRZONE_DATA_DIR (embedded store, working files under tmp/). */
    public Path dataDir() {
        return dataDir;
    }

    /**
     * The PostGIS schema {@link #start} made for this service and drops on close, for a test that needs a
     * second instance or a bare connection on the same database.
     */
    public TestDatabases.Postgis postgis() {
        if (postgis == null) throw new IllegalStateException("this service does not run on a PostGIS schema of its own");
        return postgis;
    }

    public App app() {
        return app;
    }

    /**
     * A connection of the test's own to the service's database, for looking at it: the embedded file (in this
     * JVM the URL reaches the service's open database) or the PostGIS schema {@link #start} made.
     */
    public java.sql.Connection connect() throws java.sql.SQLException {
        if (postgis != null) return java.sql.DriverManager.getConnection(postgis.url(), postgis.user(), postgis.password());
        if (!app.store().kind().equals("h2gis")) throw new IllegalStateException("this service's PostGIS database is the caller's");
        return java.sql.DriverManager.getConnection(airzone.store.H2Backups.jdbcUrl(dataDir), "sa", "");
    }

    public HttpResponse<String> get(String pathAndQuery, String... headers) {
        return send("GET", pathAndQuery, null, headers);
    }

    /** Any request; {@code body} null for none, {@code headers} as name, value, name, value… */
    public HttpResponse<String> send(String method, String pathAndQuery, String body, String... headers) {
        return sendBytes(method, pathAndQuery, body == null ? null : body.getBytes(java.nio.charset.StandardCharsets.UTF_8), headers);
    }

    /** Like {@link #send}, with the body sent as exactly these bytes ({@code null} for none) and a 2-minute timeout. */
    public HttpResponse<String> sendBytes(String method, String pathAndQuery, byte[] body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + pathAndQuery))
                .timeout(java.time.Duration.ofMinutes(2))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (headers.length > 0) request.headers(headers);
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stops the service and closes its store but keeps the data and the database, for a test to look at them; {@link #close} still removes both. */
    public void stop() {
        if (stopped) return;
        stopped = true;
        app.close();
    }

    @Override
    public void close() throws Exception {
        stop();
        database.close();
    }

    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) return;
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
