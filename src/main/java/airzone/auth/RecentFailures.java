package airzone.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The times of the latest failures for one key, at most {@code limit} of them: enough to tell
 * whether {@code limit} fell within a window and when the oldest of them leaves it, and no more, so
 * a flood of failures costs no memory.
 */
final class RecentFailures {

    private final int limit;
    private final Deque<Instant> times = new ArrayDeque<>();

    RecentFailures(int limit) {
        this.limit = limit;
    }

    synchronized void add(Instant now, Duration window) {
        prune(now, window);
        times.addLast(now);
        if (times.size() > limit) times.pollFirst();
    }

    synchronized boolean reached(int count, Duration window, Instant now) {
        prune(now, window);
        return times.size() >= count;
    }

    /** How long until fewer than {@code count} failures are left in the window; zero when they already are. */
    synchronized Duration waitUntilBelow(int count, Duration window, Instant now) {
        prune(now, window);
        if (times.size() < count) return Duration.ZERO;
        return Duration.between(now, times.peekFirst().plus(window));
    }

    synchronized boolean isEmpty(Duration window, Instant now) {
        prune(now, window);
        return times.isEmpty();
    }

    private void prune(Instant now, Duration window) {
        Instant cutoff = now.minus(window);
        while (!times.isEmpty() && times.peekFirst().isBefore(cutoff)) times.pollFirst();
    }
}
