package airzone.changes;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * One live subscriber: what the poller hands it is queued and written to its sink on a sender thread,
 * one write at a time, so a client that reads slowly holds up nobody else. A client so far behind that
 * {@value #MAX_QUEUED} changes wait for it is closed instead: its EventSource comes back with
 * Last-Event-ID and catches up by replay.
 */
final class Subscription {

    static final int MAX_QUEUED = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(Subscription.class);

    private final Sink sink;
    private final Executor senders;
    private final Consumer<Subscription> gone;
    /** Guarded by this, as are the two flags. */
    private final Queue<Consumer<Sink>> queue = new ArrayDeque<>();
    private boolean draining;
    private boolean closing;

    /** @param gone run once when the sink has closed, to stop handing it changes */
    Subscription(Sink sink, Executor senders, Consumer<Subscription> gone) {
        this.sink = sink;
        this.senders = senders;
        this.gone = gone;
    }

    Sink sink() {
        return sink;
    }

    /** Never blocks. */
    void offer(Consumer<Sink> write) {
        synchronized (this) {
            if (closing) return;
            if (queue.size() >= MAX_QUEUED) {
                closing = true;
                queue.clear();
            } else {
                queue.add(write);
            }
            if (draining) return;
            draining = true;
        }
        senders.execute(this::drain);
    }

    /** Ends the stream after what is being written now; never blocks. */
    void close() {
        synchronized (this) {
            closing = true;
            queue.clear();
            if (draining) return;
            draining = true;
        }
        senders.execute(this::drain);
    }

    private void drain() {
        while (true) {
            Consumer<Sink> next;
            synchronized (this) {
                next = queue.poll();
                if (next == null && !closing) {
                    draining = false;
                    return;
                }
            }
            if (next == null || !sink.isOpen()) break;
            try {
                next.accept(sink);
            } catch (RuntimeException e) {
                LOG.warn("live changes: writing to a stream failed; closing it (the client resumes with Last-Event-ID)", e);
                break;
            }
        }
        // closing, or the client went away: nothing more is written, and nothing is handed to it again
        synchronized (this) {
            closing = true;
            queue.clear();
        }
        sink.close();
        gone.accept(this);
    }
}
