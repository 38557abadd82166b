package airzone.http;

import airzone.config.Config;
import io.javalin.config.JavalinConfig;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;

/**
 * What one slow or hostile client can hold of the service, set on Jetty itself:
 * <ul>
 * <li>a connection that sends nothing for {@code AIRZONE_IDLE_TIMEOUT_S} is closed — headers that stall,
 *     bodies that stall, idle keep-alives. Until its headers are complete a connection holds no thread
 *     (Jetty parses them on its selector), so a thousand of them cost file descriptors, nothing more;</li>
 * <li>a request body that arrives slower than {@code AIRZONE_MIN_UPLOAD_RATE} bytes per second is cut off
 *     with 408 ({@link MinimumUploadRate});</li>
 * <li>one client address has at most {@code AIRZONE_REQUESTS_PER_CLIENT} requests handled at once
 *     ({@link PerClientRequests}); beyond that it is answered 429, so a script with a thousand stalled
 *     uploads holds that many threads and no more.</li>
 * </ul>
 * The client address is the socket's, or behind a proxy named in {@code AIRZONE_TRUSTED_PROXIES} the one
 * it reports ({@link TrustedProxies}); X-Forwarded-For from anyone else is ignored, since anyone can send it.
 */
final class ClientLimits {

    private ClientLimits() {
    }

    static void apply(JavalinConfig javalin, Config config) {
        // a request with a body is handed to a thread only once its first bytes are there
        javalin.jetty.modifyHttpConfiguration(http -> http.setDelayDispatchUntilContent(true));
        if (!config.trustedProxies().isEmpty()) {
            javalin.jetty.modifyHttpConfiguration(http -> http.addCustomizer(new TrustedProxies(config.trustedProxies())));
        }
        javalin.jetty.addConnector((server, http) -> {
            ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
            connector.setPort(config.port());
            connector.setIdleTimeout(config.idleTimeoutSeconds() * 1000L);
            return connector;
        });
        // inside the servlet context, so that a 429 gets the API's JSON error body (JettyErrors)
        javalin.jetty.modifyServletContextHandler(context -> {
            context.insertHandler(new MinimumUploadRate(config.minUploadRate()));
            context.insertHandler(new PerClientRequests(config.requestsPerClient()));
        });
        // Javalin answers a body read that timed out itself, before any exception mapper; make that a 408
        javalin.jetty.timeoutStatus = 408;
    }
}
