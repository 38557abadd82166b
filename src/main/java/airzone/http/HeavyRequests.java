package airzone.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * Batches, jobs, exports, imports and reports cost seconds of CPU and megabytes of disk each: one client
 * address may have at most {@code AIRZONE_HEAVY_PER_CLIENT} of them running at once, and the next one is
 * answered 429 with Retry-After at once instead of queueing behind the others.
 */
final class HeavyRequests {

    private static final int RETRY_AFTER_SECONDS = 5;

    private final int perClient;
    private final Map<String, Semaphore> running = new ConcurrentHashMap<>();

    HeavyRequests(int perClient) {
        this.perClient = perClient;
    }

    /** {@code handler}, run only while this client is under its limit. */
    Handler limit(Handler handler) {
        return ctx -> {
            Semaphore permits = running.computeIfAbsent(ctx.ip(), ip -> new Semaphore(perClient));
            if (!permits.tryAcquire()) throw tooMany(ctx);
            try {
                handler.handle(ctx);
            } finally {
                permits.release();
            }
        };
    }

    static ApiError tooMany(Context ctx) {
        ctx.header("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
        return ApiError.tooManyRequests("this client already has as many batch, export, import or report requests running as it may "
                + "(AIRZONE_HEAVY_PER_CLIENT); wait for one to finish and try again");
    }
}
