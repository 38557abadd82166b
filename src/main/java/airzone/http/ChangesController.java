package airzone.http;

import airzone.changes.Change;
import airzone.changes.ChangeFeed;
import airzone.changes.Sink;
import airzone.geo.GeoJson;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import io.javalin.http.sse.SseHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GET /api/changes: the live changes as server-sent events — {@code event: change} per committed change
 * to features or rules, {@code id} its audit seq. Last-Event-ID (or {@code ?after=}) replays what came
 * after it; without one the stream opens with {@code event: ready} naming the newest seq. A stream holds
 * no thread while it waits (Javalin's SseClient on an async request) and counts as one of its client's
 * requests for as long as it is open (PerClientRequests), but not as a heavy one.
 */
final class ChangesController {

    private static final Logger LOG = LoggerFactory.getLogger(ChangesController.class);
    private static final String EVENT_STREAM = "text/event-stream";
    private static final String AFTER = "airzone.changes.after";

    private final ChangeFeed feed;
    private final SseHandler streams = new SseHandler(this::stream);

    ChangesController(ChangeFeed feed) {
        this.feed = feed;
    }

    void changes(Context ctx) throws Exception {
        // Javalin's SseHandler answers only this exact Accept; anything else would get an empty 200
        if (!EVENT_STREAM.equals(ctx.header("Accept"))) {
            throw ApiError.notAcceptable("this is a stream of server-sent events: ask with Accept: " + EVENT_STREAM
                    + " (EventSource does; with curl add -H 'Accept: " + EVENT_STREAM + "')");
        }
        ctx.attribute(AFTER, after(ctx));
        streams.handle(ctx);
    }

    private void stream(SseClient client) {
        client.keepAlive();
        // who changed what is for signed-in readers, as the history is; with public read others get the rest
        boolean withUser = Access.user(client.ctx()).isPresent();
        try {
            feed.subscribe(new EventSink(client, withUser), client.ctx().attribute(AFTER));
        } catch (RuntimeException e) {
            LOG.warn("live changes: a stream could not start, closing it (its EventSource tries again): {}", e.getMessage());
            client.close();
        }
    }

    /** The seq to resume after: Last-Event-ID, which a reconnecting EventSource sends, wins over {@code after}. */
    private static Long after(Context ctx) {
        String header = ctx.header("Last-Event-ID");
        String raw = header != null && !header.isBlank() ? header.trim() : ctx.queryParam("after");
        if (raw == null || raw.isBlank()) return null;
        try {
            long seq = Long.parseLong(raw);
            if (seq >= 0) return seq;
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw ApiError.badRequest("Last-Event-ID and after must be the seq of a change (a whole number, 0 or more), got '"
                + (raw.length() > 40 ? raw.substring(0, 40) + "…" : raw) + "'");
    }

    /** A change as {@code data}: {seq, collection, id, version, action, user, at}, each only when the change has it. */
    private static String json(Change c, boolean withUser) {
        ObjectNode data = GeoJson.MAPPER.createObjectNode().put("seq", c.seq());
        if (c.collection() != null) data.put("collection", c.collection());
        if (c.id() != null) data.put("id", c.id());
        if (c.version() != null) data.put("version", c.version());
        data.put("action", c.action());
        if (withUser) data.put("user", c.user());
        data.put("at", c.at().toString());
        return data.toString();
    }

    private record EventSink(SseClient client, boolean withUser) implements Sink {

        @Override
        public void change(Change change) {
            client.sendEvent("change", json(change, withUser), Long.toString(change.seq()));
        }

        @Override
        public void ready(long seq) {
            client.sendEvent("ready", "{\"seq\":" + seq + "}", Long.toString(seq));
        }

        @Override
        public void keepAlive() {
            client.sendComment("keep-alive");
        }

        @Override
        public boolean isOpen() {
            return !client.terminated();
        }

        @Override
        public void close() {
            client.close();
        }
    }
}
