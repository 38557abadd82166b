package airzone.changes;

/**
 * Where one subscriber's changes go; the HTTP side writes them as server-sent events. The feed calls
 * one method at a time per sink. A write may block on a slow client, so the feed never calls one
 * from its poller.
 */
public interface Sink {

    void change(Change change);

    /** The start of a stream that replays nothing: {@code seq} is the newest change there is, to resume after. */
    void ready(long seq);

    /** Something to write on a quiet stream, so that no idle timeout on the way closes it. */
    void keepAlive();

    /** False once the client has gone (a write failed) or the sink was closed. */
    boolean isOpen();

    void close();
}
