package airzone.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A reader of GET /api/changes that parses the stream as the browser's EventSource does (id, event,
 * data lines, a blank line ends an event, lines starting with a colon are comments) and keeps the
 * events in the order they came.
 */
final class EventStream implements AutoCloseable {

    record Event(String id, String name, JsonNode data) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final AtomicInteger comments = new AtomicInteger();
    private final java.util.concurrent.CountDownLatch endedCleanly = new java.util.concurrent.CountDownLatch(1);
    private final HttpResponse<InputStream> response;
    private final Thread reader;

    private EventStream(HttpResponse<InputStream> response) {
        this.response = response;
        reader = new Thread(this::read, "event-stream-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** @param headers name, value pairs besides Accept: text/event-stream */
    static EventStream open(String url, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream");
        if (headers.length > 0) request.headers(headers);
        try {
            HttpResponse<InputStream> r = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            if (r.statusCode() != 200) {
                String body = new String(r.body().readAllBytes(), StandardCharsets.UTF_8);
                throw new IllegalStateException("GET " + url + " answered " + r.statusCode() + ": " + body);
            }
            return new EventStream(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<InputStream> response() {
        return response;
    }

    /** The next event, or null when none comes within {@code timeout}. */
    Event next(Duration timeout) throws InterruptedException {
        return events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The next event, which must come within {@code timeout}. */
    Event expect(Duration timeout) throws InterruptedException {
        Event e = next(timeout);
        if (e == null) throw new AssertionError("no event within " + timeout.toMillis() + " ms");
        return e;
    }

    /** Every event that comes until none has come for {@code quiet}. */
    List<Event> until(Duration quiet) throws InterruptedException {
        List<Event> all = new ArrayList<>();
        for (Event e; (e = next(quiet)) != null; ) all.add(e);
        return all;
    }

    /** True when the server ends the response properly (not a reset or a cut connection) within {@code timeout}. */
    boolean endsCleanly(Duration timeout) throws InterruptedException {
        return endedCleanly.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    int comments() {
        return comments.get();
    }

    private void read() {
        String id = null;
        String name = null;
        StringBuilder data = new StringBuilder();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                if (line.isEmpty()) {
                    if (name != null || data.length() > 0) events.add(new Event(id, name, JSON.readTree(data.toString())));
                    id = null;
                    name = null;
                    data.setLength(0);
                } else if (line.startsWith(":")) {
                    comments.incrementAndGet();
                } else if (line.startsWith("id:")) {
                    id = value(line);
                } else if (line.startsWith("event:")) {
                    name = value(line);
                } else if (line.startsWith("data:")) {
                    if (data.length() > 0) data.append('\n');
                    data.append(value(line));
                }
            }
            endedCleanly.countDown();
        } catch (IOException e) {
            // closed by the test or by the server; the events so far stay
        }
    }

    private static String value(String line) {
        String v = line.substring(line.indexOf(':') + 1);
        return v.startsWith(" ") ? v.substring(1) : v;
    }

    @Override
    public void close() throws IOException {
        response.body().close();
    }
}
