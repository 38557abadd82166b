package airzone.changes;

import airzone.layer.AuditEntry;
import airzone.layer.FeatureStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * The committed changes to features and rules, for the page's live view. One poller per service reads
 * the store's audit trail by seq, from its own cursor: at once after each commit the store reports
 * ({@link FeatureStore#onCommit}: this instance's, and on PostGIS those other instances announce), and
 * every poll interval in any case, so a lost announcement delays a change by one interval at most. Each
 * change goes to every subscriber, and to the {@link #follow follower} that keeps this instance's
 * screening index current. Account changes are audited too but never pass here: the feed is open to
 * every reader.
 * <p>
 * Delivery is at least once, in seq order, with one exception: a line whose transaction commits after
 * a later seq was passed on (see {@link SeqGaps}) comes when it commits, after that one.
 */
public final class ChangeFeed implements AutoCloseable {

    private static final int PAGE = 500;
    private static final Logger LOG = LoggerFactory.getLogger(ChangeFeed.class);

    private final FeatureStore store;
    private final long keepAliveNanos;
    private final long pollNanos;
    private final Set<Subscription> live = ConcurrentHashMap.newKeySet();
    /** Sender threads write to sinks; each is busy only while a write is under way. */
    private final ExecutorService senders = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "airzone-changes-send");
        t.setDaemon(true);
        return t;
    });
    /** Taken to pass changes on and to join the live subscribers, so a joiner misses nothing and sees nothing twice. */
    private final Object handOver = new Object();
    private final SeqGaps gaps = new SeqGaps();
    private final Thread poller = new Thread(this::run, "airzone-changes-poll");
    /** The newest seq passed on; written by the poller under {@link #handOver}. */
    private volatile long cursor;
    private volatile boolean running = true;
    private volatile Consumer<Change> follower = change -> { };
    private boolean closed;
    private boolean failing;

    /**
     * @param keepAlive how often a quiet stream gets a comment, well inside the connector's idle timeout
     * @param poll      how often the trail is read when no commit was reported
     */
    public ChangeFeed(FeatureStore store, Duration keepAlive, Duration poll) {
        this.store = store;
        this.keepAliveNanos = keepAlive.toNanos();
        this.pollNanos = poll.toNanos();
        poller.setDaemon(true);
    }

    /**
     * {@code follower} hears every change the poller reads, this instance's and other instances' alike, on
     * the poller's thread: it must return at once. One follower; a second replaces the first.
     */
    public void follow(Consumer<Change> follower) {
        this.follower = follower;
    }

    /** Starts following the trail from its newest line. */
    public void start() {
        cursor = store.newestAuditSeq();
        store.onCommit(() -> LockSupport.unpark(poller));
        poller.start();
    }

    /**
     * Joins {@code sink} to the feed. With {@code after} (a seq from Last-Event-ID), every change after it is
     * replayed first, on the calling thread, which then returns; without it — or with one this store never
     * reached, such as a seq from before a restore — the sink gets {@link Sink#ready} with the newest seq.
     * @throws airzone.layer.StoreException when the trail cannot be read for the replay
     */
    public void subscribe(Sink sink, Long after) {
        Subscription subscription = new Subscription(sink, senders, live::remove);
        if (after == null || after > cursor) {
            synchronized (handOver) {
                long newest = cursor;
                if (join(subscription)) subscription.offer(s -> s.ready(newest));
            }
            return;
        }
        long from = after;
        while (sink.isOpen()) {
            long upTo = cursor;
            from = replay(sink, from, upTo);
            synchronized (handOver) {
                if (cursor == upTo) {
                    join(subscription);
                    return;
                }
            }
        }
    }

    private boolean join(Subscription subscription) {
        if (closed) {
            subscription.sink().close();
            return false;
        }
        live.add(subscription);
        return true;
    }

    /** Sends the changes after {@code from} up to {@code upTo} straight to the sink; returns {@code upTo}. */
    private long replay(Sink sink, long from, long upTo) {
        long at = from;
        while (at < upTo && sink.isOpen()) {
            List<AuditEntry> page = store.auditAfter(at, PAGE);
            if (page.isEmpty()) break;
            for (AuditEntry line : page) {
                if (line.seq() > upTo) return upTo;
                Change.of(line).ifPresent(sink::change);
                at = line.seq();
            }
        }
        return upTo;
    }

    private void run() {
        long nextKeepAlive = System.nanoTime() + keepAliveNanos;
        while (running) {
            try {
                poll();
                if (failing) LOG.info("live changes: reading the audit trail again");
                failing = false;
            } catch (RuntimeException e) {
                if (!failing) LOG.warn("live changes: cannot read the audit trail, retrying: {}", e.getMessage());
                failing = true;
            }
            if (System.nanoTime() - nextKeepAlive >= 0) {
                live.forEach(s -> s.offer(Sink::keepAlive));
                nextKeepAlive = System.nanoTime() + keepAliveNanos;
            }
            // a reported commit unparks at once; one reported during the poll leaves the permit for this park
            LockSupport.parkNanos(Math.min(pollNanos, Math.max(0, nextKeepAlive - System.nanoTime())));
        }
    }

    /** Lines of earlier gaps that have committed since, then everything after the cursor, a page at a time. */
    private void poll() {
        Instant now = Instant.now();
        List<Change> late = new ArrayList<>();
        for (long[] gap : gaps.open(now)) {
            for (AuditEntry line : store.auditAfter(gap[0] - 1, (int) Math.min(PAGE, gap[1] - gap[0] + 1))) {
                if (line.seq() > gap[1]) break;
                if (gaps.fill(line.seq())) Change.of(line).ifPresent(late::add);
            }
        }
        hand(late, cursor);
        List<AuditEntry> page;
        do {
            long seen = cursor;
            page = store.auditAfter(seen, PAGE);
            List<Change> changes = new ArrayList<>();
            for (AuditEntry line : page) {
                if (line.seq() > seen + 1) gaps.passed(seen + 1, line.seq() - 1, now);
                seen = line.seq();
                Change.of(line).ifPresent(changes::add);
            }
            hand(changes, seen);
        } while (page.size() == PAGE && running);
    }

    private void hand(List<Change> changes, long upTo) {
        synchronized (handOver) {
            for (Change c : changes) {
                follower.accept(c);
                live.forEach(s -> s.offer(sink -> sink.change(c)));
            }
            cursor = upTo;
        }
    }

    /** Stops the poller and ends every stream (each after the write it is in, if any). */
    @Override
    public void close() {
        running = false;
        LockSupport.unpark(poller);
        try {
            poller.join(TimeUnit.SECONDS.toMillis(2));
            synchronized (handOver) {
                closed = true;
                live.forEach(Subscription::close);
                live.clear();
            }
            senders.shutdown();
            senders.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
