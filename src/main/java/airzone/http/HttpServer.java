package airzone.http;

import airzone.auth.AccountProblem;
import airzone.changes.ChangeFeed;
import airzone.config.Config;
import airzone.disk.DiskFull;
import airzone.edit.InvalidFeature;
import airzone.layer.EditRefused;
import airzone.layer.FeatureStore;
import airzone.layer.StoreException;
import airzone.rules.InvalidParameter;
import airzone.screen.InvalidSite;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.javalin.micrometer.MicrometerPlugin;
import org.eclipse.jetty.http.BadMessageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** The HTTP side: every route in one place, and the one mapping from failures to JSON errors. */
public final class HttpServer {

    private static final Logger LOG = LoggerFactory.getLogger(HttpServer.class);
    /** The request log, a logger of its own so that it can be routed or silenced apart from the rest. */
    private static final Logger REQUESTS = LoggerFactory.getLogger("airzone.requests");

    private static final long STARTUP_WAIT_SECONDS = 60;

    private final Javalin app;
    private final ChangeFeed changeFeed;
    private final long stopGraceMillis;

    /** Maps every route onto {@code services}; nothing is served until {@link #start}. */
    public HttpServer(Config config, Services services) {
        FeatureStore store = services.store();
        Authentication authentication = new Authentication(config.publicRead(), services.users(), services.sessions(), services.throttle());
        AuthController auth = new AuthController(authentication, services.users(), services.sessions(), services.throttle(), config.publicRead());
        OgcController ogc = new OgcController(store, services.views());
        EditController edit = new EditController(services.edits(), config.maxBodyBytes());
        HistoryController history = new HistoryController(store, services.edits());
        ShapesController shapes = new ShapesController(store, services.edits().validator(), config.maxBodyBytes());
        changeFeed = services.changes();
        stopGraceMillis = config.stopGraceSeconds() * 1000L;
        ChangesController changes = new ChangesController(changeFeed);
        ServiceController service = new ServiceController(config, store, services.ready());
        RulesController rules = new RulesController(services.derived(), services.screener());
        ScreenController screen = new ScreenController(services.screener(), services.sites(), store.kind(), config.maxBodyBytes());
        ReportController report = new ReportController(store, services.derived(), services.screener(), services.sites());
        BatchController batch = new BatchController(services.screener(), services.batchInput(), services.jobs(), config.heavyPerClient(), config.workRoot());
        ExportController export = new ExportController(config, store);
        ImportController imports = new ImportController(config, store, services.edits());
        HeavyRequests heavy = new HeavyRequests(config.heavyPerClient());
        BackupController backup = new BackupController(store, config.workRoot());
        CountDownLatch ready = services.ready();
        ServiceMetrics metrics = new ServiceMetrics(services.metrics(), services.screener(), services.derived(), services.jobs());

        app = Javalin.create(javalin -> {
            configure(javalin, config);
            javalin.registerPlugin(new MicrometerPlugin(plugin -> {
                plugin.registry = services.metrics();
                plugin.tagNotFoundMappedPaths = true; // a 404 from /items/{featureId} counts under its route, not as NOT_FOUND
            }));
        });

        SecurityHeaders headers = new SecurityHeaders(config.tileOrigins(), PageImportMap.sha256());
        app.before(headers::apply);
        // the API answers only once the first start's seeding and derived layers are done, and only it asks who
        // is calling; /health and the page neither wait nor look up a session
        app.before(ctx -> {
            if (ctx.path().startsWith("/ogc") || ctx.path().startsWith("/api")) {
                awaitReady(ready);
                authentication.identify(ctx);
            }
        });
        app.post("/api/login", auth::login);
        app.post("/api/logout", auth::logout);
        app.get("/api/session", auth::session);
        app.get("/api/users", auth::list);
        app.post("/api/users", auth::add);
        app.patch("/api/users/{name}", auth::change);
        app.post("/api/users/{name}/unlock", auth::unlock);
        app.post("/api/client-addresses/{address}/unlock", auth::unlockAddress);
        app.get("/ogc", ogc::landing);
        app.get("/ogc/conformance", ogc::conformance);
        app.get("/ogc/api", ogc::api);
        app.get("/ogc/collections", ogc::collections);
        app.get("/ogc/collections/{collectionId}", ogc::collection);
        app.get("/ogc/collections/{collectionId}/schema", ogc::schema);
        app.get("/ogc/collections/{collectionId}/items", ogc::items);
        app.get("/ogc/collections/{collectionId}/items/{featureId}", ogc::item);
        app.post("/ogc/collections/{collectionId}/items", edit::create);
        app.put("/ogc/collections/{collectionId}/items/{featureId}", edit::replace);
        app.delete("/ogc/collections/{collectionId}/items/{featureId}", edit::delete);
        app.get("/api/history/{collectionId}/{featureId}", history::history);
        app.post("/api/history/{collectionId}/{featureId}/restore", history::restore);
        app.get("/api/audit", history::audit);
        app.post("/api/shapes/union", shapes::union);
        app.post("/api/shapes/clip", shapes::clip);
        app.post("/api/shapes/circle", shapes::circle);
        app.get("/api/changes", changes::changes);
        app.get("/health", service::health);
        app.get("/metrics", metrics::scrape);
        app.get("/api/config", service::webConfig);
        app.get("/api/rules", rules::list);
        app.put("/api/rules", rules::change);
        app.post("/api/screen", screen::screenFeature);
        app.get("/api/screen", screen::screenPoint);
        app.get("/api/screen/report", heavy.limit(report::report));
        app.get("/api/industries", screen::industries);
        app.get("/api/coordinates", screen::coordinates);
        app.post("/api/screen/batch", heavy.limit(batch::stream));
        app.post("/api/screen/jobs", heavy.limit(batch::submit));
        app.get("/api/screen/jobs/{id}", batch::status);
        app.get("/api/screen/jobs/{id}/result", batch::result);
        app.post("/api/screen/jobs/{id}/cancel", batch::cancel);
        app.get("/api/export/{collection}", heavy.limit(export::export));
        app.post("/api/import/{collection}", heavy.limit(imports::upload));
        app.post("/api/backup", heavy.limit(backup::backup));

        mapErrors(app);
    }

    private static void configure(JavalinConfig javalin, Config config) {
        javalin.showJavalinBanner = false;
        javalin.http.gzipOnlyCompression();
        javalin.staticFiles.enableWebjars();
        javalin.staticFiles.add(files -> {
            files.hostedPath = "/";
            files.directory = "/web";
            files.location = Location.CLASSPATH;
        });
        javalin.router.ignoreTrailingSlashes = true;
        javalin.jetty.modifyServer(server -> server.setErrorHandler(new JettyErrors()));
        javalin.jetty.modifyServletContextHandler(handler -> handler.setErrorHandler(new JettyErrors()));
        ClientLimits.apply(javalin, config);
        javalin.requestLogger.http(HttpServer::logRequest);
    }

    /**
     * One line per request once it is answered: method, path, status, time, and the route template and
     * client as key-value pairs, which the JSON log carries as fields (AIRZONE_LOG_FORMAT=json). The
     * query is left out: it may hold a site's coordinates, which are the planners' business.
     */
    private static void logRequest(Context ctx, float millis) {
        String route;
        try {
            route = ctx.endpointHandlerPath();
        } catch (IllegalStateException answeredBeforeAnyRoute) {
            route = "-"; // a static file, or a refusal by a before-handler
        }
        REQUESTS.atInfo()
                .addKeyValue("method", ctx.method().name())
                .addKeyValue("path", ctx.path())
                .addKeyValue("route", route)
                .addKeyValue("status", ctx.statusCode())
                .addKeyValue("ms", millis)
                .addKeyValue("client", ctx.ip())
                .log("{} {} {} {} ms (route {}, client {})", ctx.method().name(), ctx.path(), ctx.statusCode(),
                        Math.round(millis * 10) / 10.0, route, ctx.ip());
    }

    /** The one mapping from what a route throws to {@code {status, error, detail}} (JettyErrors answers what fails before a route). */
    private static void mapErrors(Javalin app) {
        app.exception(ApiError.class, (e, ctx) -> ErrorBody.send(ctx, e.status(), e.getMessage()));
        app.exception(InvalidParameter.class, (e, ctx) -> ErrorBody.send(ctx, 400, e.getMessage()));
        app.exception(InvalidSite.class, (e, ctx) -> ErrorBody.send(ctx, 400, e.getMessage()));
        app.exception(InvalidFeature.class, (e, ctx) -> ErrorBody.send(ctx, 400, e.getMessage()));
        app.exception(EditRefused.class, (e, ctx) -> ErrorBody.send(ctx, switch (e.reason()) {
            case NOT_FOUND -> 404;
            case STALE -> 412;
            case EXISTS -> 409;
            case DERIVED -> 405;
        }, e.getMessage()));
        app.exception(AccountProblem.class, (e, ctx) -> ErrorBody.send(ctx, switch (e.kind()) {
            case INVALID -> 400;
            case EXISTS, LAST_ADMIN -> 409;
            case NOT_FOUND -> 404;
        }, e.getMessage()));
        // 507: the request was fine and may be sent again unchanged once someone frees space; the message says where
        app.exception(DiskFull.class, (e, ctx) -> {
            LOG.warn("disk full: {}", e.getMessage());
            ErrorBody.send(ctx, 507, e.getMessage());
        });
        app.exception(StoreException.class, (e, ctx) -> {
            LOG.warn("store unavailable: {}", e.getMessage());
            ErrorBody.send(ctx, 503, "the database is not available; try again shortly");
        });
        app.exception(HttpResponseException.class, (e, ctx) -> ErrorBody.send(ctx, e.getStatus(), e.getMessage()));
        app.exception(BadMessageException.class, (e, ctx) -> ErrorBody.send(ctx, e.getCode(), slowOrBad(e)));
        app.exception(Exception.class, (e, ctx) -> {
            int abandoned = abandonedBody(e);
            if (abandoned != 0) {
                LOG.info("{} {} from {}: the body {}", ctx.method(), ctx.path(), ctx.ip(), abandoned == 408 ? "stalled" : "ended early");
                ErrorBody.send(ctx, abandoned, abandoned == 408 ? "the request body stopped arriving or came too slowly; nothing was written"
                        : "the request body ended before its declared length; nothing was written");
                return;
            }
            LOG.error("unexpected failure on {} {}", ctx.method(), ctx.path(), e);
            ErrorBody.send(ctx, 500, "internal error; the server log has the details");
        });
        app.error(404, ctx -> {
            if (ctx.result() == null) ErrorBody.send(ctx, 404, "nothing at " + ctx.path());
        });
        app.error(405, ctx -> {
            if (ctx.result() == null) ErrorBody.send(ctx, 405, ctx.method() + " is not allowed on " + ctx.path());
        });
    }

    /**
     * A body that stopped coming, however deep our code wrapped the failure: 408 when Jetty's idle timeout
     * ended the read, 400 when the client hung up; 0 for anything else. Nothing was written either way.
     */
    static int abandonedBody(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.util.concurrent.TimeoutException) return 408;
            if (t instanceof org.eclipse.jetty.io.EofException) return 400;
            if (t instanceof BadMessageException bad && bad.getCode() == 408) return 408;
        }
        return 0;
    }

    private static String slowOrBad(BadMessageException e) {
        return e.getCode() == 408 ? e.getReason() : "bad request: " + e.getReason();
    }

    private static void awaitReady(CountDownLatch ready) {
        try {
            if (!ready.await(STARTUP_WAIT_SECONDS, TimeUnit.SECONDS)) throw ApiError.unavailable("the service is still starting; try again shortly");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiError.unavailable("the service is shutting down");
        }
    }

    public HttpServer start(int port) {
        changeFeed.start();
        try {
            app.start(port);
        } catch (RuntimeException e) {
            changeFeed.close();
            throw e;
        }
        // with a stop timeout, Jetty's stop (SIGTERM) is graceful: it stops accepting, lets the requests under way
        // finish (a streamed batch runs for seconds) and cuts only what is left after it; without one it cut a
        // batch mid-stream (AppProcessTest). Set once started: a graceful stop of a server that failed to bind
        // throws "STOPPED" in place of the bind error.
        app.jettyServer().server().setStopTimeout(stopGraceMillis);
        return this;
    }

    /** The port actually bound (useful when started on port 0). */
    public int port() {
        return app.port();
    }

    /** Ends the change streams first, so each closes cleanly rather than with its connection. */
    public void stop() {
        changeFeed.close();
        app.stop();
    }
}
