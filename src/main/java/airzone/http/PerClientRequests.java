package airzone.http;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.HandlerWrapper;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * At most {@code limit} requests of one client address are handled at once; the next is answered 429
 * with Retry-After before it takes a thread for longer than that. Every handled request holds a thread,
 * and a stalled upload holds it until the idle timeout, so this is what keeps one script's thousand
 * stalled uploads from taking the threads everyone else needs.
 * <p>
 * Written here because Jetty 11's own ThreadLimitHandler cannot run inside a started servlet context
 * (it adds a ServletRequestListener to the context on every request, which the context refuses with
 * IllegalStateException) and outside one it has no context at all.
 */
final class PerClientRequests extends HandlerWrapper {

    private final int limit;
    private final Map<String, Semaphore> running = new ConcurrentHashMap<>();

    PerClientRequests(int limit) {
        this.limit = limit;
    }

    @Override
    public void handle(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        // keyed by the socket's address: X-Forwarded-For is whatever the client says it is
        String address = baseRequest.getRemoteAddr();
        Semaphore permits = running.computeIfAbsent(address, a -> new Semaphore(limit));
        if (!permits.tryAcquire()) {
            response.setHeader("Retry-After", "1");
            response.sendError(429, "this client address already has " + limit
                    + " requests running (AIRZONE_REQUESTS_PER_CLIENT); try again in a moment");
            baseRequest.setHandled(true);
            return;
        }
        boolean goesOn = false;
        try {
            super.handle(target, baseRequest, request, response);
            // a stream (server-sent events) goes on without a thread once handle returns; it keeps its permit
            // until it ends, so one address cannot open streams without limit. Jetty completes an async request
            // only after this returns, so the listener cannot miss the end.
            if (request.isAsyncStarted()) {
                request.getAsyncContext().addListener(new Release(address, permits));
                goesOn = true;
            }
        } finally {
            if (!goesOn) release(address, permits);
        }
    }

    private void release(String address, Semaphore permits) {
        permits.release();
        // a client that has gone quiet leaves nothing behind
        running.computeIfPresent(address, (a, p) -> p.availablePermits() == limit ? null : p);
    }

    /** Gives the permit back when an async request ends; Jetty calls onComplete after an error or timeout too. */
    private final class Release implements AsyncListener {
        private final String address;
        private final Semaphore permits;

        Release(String address, Semaphore permits) {
            this.address = address;
            this.permits = permits;
        }

        @Override
        public void onComplete(AsyncEvent event) {
            release(address, permits);
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            // onComplete follows
        }

        @Override
        public void onError(AsyncEvent event) {
            // onComplete follows
        }

        /** A new async cycle of the same request drops its listeners unless they register again. */
        @Override
        public void onStartAsync(AsyncEvent event) {
            event.getAsyncContext().addListener(this);
        }
    }
}
