package airzone.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed logins are counted per user name and per client address; after {@link #MAX_FAILURES} for a
 * name (or {@link #MAX_FAILURES_PER_ADDRESS} from an address, which a whole office behind one proxy
 * may share) within {@link #WINDOW}, further attempts are refused until the window has passed —
 * even with the right password, so guessing gains nothing by continuing.
 */
public final class LoginThrottle {

    static final int MAX_FAILURES = 5;
    static final int MAX_FAILURES_PER_ADDRESS = 30;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** Seconds until {@code name} from {@code address} may try again; 0 when it may now. */
    public long retryAfterSeconds(String name, String address) {
        return Math.max(wait("user:" + name, MAX_FAILURES), wait("addr:" + address, MAX_FAILURES_PER_ADDRESS));
    }

    public void failed(String name, String address) {
        record("user:" + name);
        record("addr:" + address);
    }

    public void succeeded(String name) {
        failures.remove("user:" + name);
    }

    private long wait(String key, int allowed) {
        Deque<Instant> times = failures.get(key);
        if (times == null) return 0;
        synchronized (times) {
            prune(times);
            if (times.size() < allowed) return 0;
            return Math.max(1, Duration.between(clock.instant(), times.peekFirst().plus(WINDOW)).toSeconds());
        }
    }

    private void record(String key) {
        Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            prune(times);
            times.addLast(clock.instant());
        }
    }

    private void prune(Deque<Instant> times) {
        Instant cutoff = clock.instant().minus(WINDOW);
        while (!times.isEmpty() && times.peekFirst().isBefore(cutoff)) times.pollFirst();
    }
}
