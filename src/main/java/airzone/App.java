package airzone;

import airzone.auth.LoginThrottle;
import airzone.auth.Sessions;
import airzone.auth.Users;
import airzone.changes.ChangeFeed;
import airzone.config.Config;
import airzone.disk.WorkDir;
import airzone.edit.Edits;
import airzone.edit.FeatureValidator;
import airzone.http.HttpServer;
import airzone.http.ServiceMetrics;
import airzone.http.Services;
import airzone.layer.FeatureStore;
import airzone.layer.SimplifiedViews;
import airzone.layer.StoreException;
import airzone.rules.DerivedLayers;
import airzone.rules.RuleBook;
import airzone.screen.BatchInput;
import airzone.screen.BatchJobs;
import airzone.screen.Catalogues;
import airzone.screen.Screener;
import airzone.screen.SiteReader;
import airzone.seed.SampleData;
import airzone.store.H2gisStore;
import airzone.store.JdbcFeatureStore;
import airzone.store.PostgisStore;
import io.javalin.util.JavalinBindException;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/** Wiring: configuration → store → HTTP → sample data → derived layers → ready. No DI framework; everything is built here. */
public final class App implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(App.class);

    private static final long KEEP_ALIVE_MILLIS = 15_000;

    private final FeatureStore store;
    private final Screener screener;
    private final BatchJobs jobs;
    private final HttpServer server;

    private App(FeatureStore store, Screener screener, BatchJobs jobs, HttpServer server) {
        this.store = store;
        this.screener = screener;
        this.jobs = jobs;
        this.server = server;
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("users")) {
            System.exit(UsersCli.run(System.getenv(), java.util.Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args.length > 0 && (args[0].equals("backup") || args[0].equals("restore"))) {
            System.exit(BackupCli.run(System.getenv(), args));
        }
        try {
            App app = start(Config.from(System.getenv(), args));
            Runtime.getRuntime().addShutdownHook(new Thread(app::close, "airzone-shutdown"));
        } catch (Config.Invalid e) {
            System.err.println("airzone: " + e.getMessage());
            System.exit(2);
        }
    }

    /**
     * Starts the whole service; a setting it cannot run with comes back as {@link Config.Invalid}.
     * HTTP comes up first, answering /health at once; the API waits on {@code ready} while the
     * first start seeds the store and computes the derived layers, so no request sees them half-made.
     * Returns when the service is ready.
     */
    public static App start(Config config) {
        long started = System.nanoTime();
        JdbcFeatureStore store = openStore(config);
        int leftovers = WorkDir.removeLeftovers(config.workRoot());
        if (leftovers > 0) LOG.info("removed {} working directories an earlier run left in {}", leftovers, config.workRoot());
        CountDownLatch ready = new CountDownLatch(1);
        Clock clock = Clock.systemUTC();
        DerivedLayers derived = new DerivedLayers(store, RuleBook.load());
        Screener screener = new Screener(store, derived, Catalogues.load());
        SiteReader sites = new SiteReader(screener.catalogues(), config.maxSiteAreaKm2());
        BatchJobs jobs = new BatchJobs(screener, store.jobs(), config.dataDir());
        Edits edits = new Edits(store, new FeatureValidator(config.maxVertices()), derived, screener);
        Users users = new Users(store.users(), clock);
        ChangeFeed changes = new ChangeFeed(store, changeKeepAlive(config), Duration.ofMillis(config.changesPollMillis()));
        PrometheusMeterRegistry metrics = ServiceMetrics.newRegistry();
        store.meterPool(metrics);
        Services services = new Services(store, new SimplifiedViews(store), derived, screener, sites,
                new BatchInput(sites, config.workRoot(), config.maxBatchBytes()), jobs, edits, users, new Sessions(store.users(), clock),
                new LoginThrottle(store.loginFailures(), clock), changes, metrics, ready);
        HttpServer server;
        try {
            server = new HttpServer(config, services).start(config.port());
        } catch (JavalinBindException e) {
            store.close();
            throw new Config.Invalid("port " + config.port() + " is already in use (AIRZONE_PORT)");
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        App app = new App(store, screener, jobs, server);
        try {
            if (store.exclusively("seeding", () -> SampleData.seedIfEmpty(store))) LOG.info("seeded the empty {} store with the sample data", store.kind());
            if (config.bootstrapAdmin() != null && users.bootstrapAdmin(config.bootstrapAdmin())) {
                LOG.info("created the administrator named in AIRZONE_BOOTSTRAP_ADMIN");
            }
            // from here the index follows the trail, which tells of other instances' writes too; a seed before
            // this needs no follow-up, and whatever committed before is in the index built next
            changes.follow(change -> edits.heardChange(change.collection()));
            derived.recompute();
            screener.refresh();
            ready.countDown();
        } catch (RuntimeException e) {
            app.close();
            throw e;
        }
        LOG.info("airzone on http://localhost:{} ({} store) ready after {} ms", server.port(), store.kind(),
                (System.nanoTime() - started) / 1_000_000);
        return app;
    }

    /** A quiet change stream gets a comment this often at most, and always within half the idle timeout. */
    private static Duration changeKeepAlive(Config config) {
        return Duration.ofMillis(Math.min(KEEP_ALIVE_MILLIS, config.idleTimeoutSeconds() * 1000L / 2));
    }

    static JdbcFeatureStore openStore(Config config) {
        try {
            if (config.usesPostgis()) {
                return PostgisStore.open(config.dbUrl(), config.dbUser(), config.dbPassword());
            }
            Files.createDirectories(config.dataDir());
            return H2gisStore.open(config.dataDir(), config.minFreeDiskBytes());
        } catch (IOException e) {
            throw new Config.Invalid("AIRZONE_DATA_DIR " + config.dataDir() + " cannot be created: " + e.getMessage());
        } catch (StoreException e) {
            throw new Config.Invalid(config.usesPostgis()
                    ? "cannot open the PostGIS database (AIRZONE_DB_URL): " + rootMessage(e)
                    : "cannot open the embedded store in " + config.dataDir() + ": " + rootMessage(e)
                    + " — if another airzone runs on it, stop that one; if the file is damaged, restore the newest backup"
                    + " (java -jar airzone.jar restore FILE, see README)");
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) root = root.getCause();
        return root.getMessage();
    }

    public int port() {
        return server.port();
    }

    public FeatureStore store() {
        return store;
    }

    public Screener screener() {
        return screener;
    }

    @Override
    /**
     * SIGTERM's path (the shutdown hook): batch jobs are failed first, saying why; then the server stops
     * accepting and lets the answers under way finish (HttpServer), and the store closes last.
     */
    public void close() {
        jobs.close();
        server.stop();
        store.close();
    }
}
