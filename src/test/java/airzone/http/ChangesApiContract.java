package airzone.http;

import airzone.RunningService;
import airzone.ZoneEdits;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GET /api/changes against the writes of the running service: ban zones created, replaced and deleted
 * through the OGC API and a rules change arrive as events within 2 s, a resumed stream replays exactly
 * what it missed, account changes never appear, quiet streams outlive the idle timeout, and streams
 * count against their address's request limit without holding threads. Runs once per store.
 */
abstract class ChangesApiContract extends ServiceContract {

    /** Short, so the keep-alive test need not wait long: comments come every 2 s. */
    static final int IDLE_TIMEOUT_S = 4;
    static final Duration ARRIVAL = Duration.ofSeconds(2);
    private static final Duration QUIET = Duration.ofMillis(1500);

    ZoneEdits edits;
    String planner;

    @Override
    protected Map<String, String> settings() {
        return Map.of("AIRZONE_IDLE_TIMEOUT_S", Integer.toString(IDLE_TIMEOUT_S));
    }

    @BeforeAll
    void addPlanner() {
        edits = new ZoneEdits(service);
        planner = edits.addUser("pat", "planner");
    }

    @Test
    void aBanZoneCreatedReplacedAndDeletedArrivesAsThreeChangesWithinTwoSeconds() throws Exception {
        try (EventStream anonymous = open(); EventStream signedIn = open("Authorization", RunningService.adminAuth())) {
            EventStream.Event ready = anonymous.expect(ARRIVAL);
            assertThat(ready.name()).isEqualTo("ready");
            assertThat(ready.data().get("seq").asText()).isEqualTo(ready.id());
            assertThat(anonymous.response().headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
            assertThat(signedIn.expect(ARRIVAL).name()).isEqualTo("ready");

            long started = System.nanoTime();
            ZoneEdits.Zone created = edits.create(planner, "实时禁燃区", "II");
            EventStream.Event create = anonymous.expect(ARRIVAL);
            assertChange(create, "create", created);
            assertThat(Long.parseLong(create.id())).isGreaterThan(Long.parseLong(ready.id()));
            assertThat(create.data().has("user")).as("who changed what is for signed-in readers").isFalse();
            assertThat(signedIn.expect(ARRIVAL).data().get("user").asText()).isEqualTo("pat");
            System.out.printf("CHANGES [%s]: a created ban zone arrived %d ms after the POST began%n", store(), (System.nanoTime() - started) / 1_000_000);

            ZoneEdits.Zone replaced = edits.change(planner, created, "实时禁燃区（改）", "I");
            assertChange(anonymous.expect(ARRIVAL), "update", replaced);
            edits.delete(planner, replaced);
            EventStream.Event delete = anonymous.expect(ARRIVAL);
            JsonNode history = json(service.get("/api/history/ban-zones/" + id(replaced), "Authorization", planner));
            assertThat(delete.data().get("action").asText()).isEqualTo("delete");
            assertThat(delete.data().get("id").asText()).isEqualTo(id(replaced));
            assertThat(delete.data().get("version").asLong()).isEqualTo(history.at("/versions/0/version").asLong());
            assertThat(anonymous.until(QUIET)).as("nothing else").isEmpty();
        }
    }

    @Test
    void resumingWithLastEventIdOrAfterReplaysExactlyTheChangesMissed() throws Exception {
        try (EventStream watcher = open()) {
            watcher.expect(ARRIVAL);
            List<EventStream.Event> seen = new ArrayList<>();
            for (String name : List.of("续一", "续二", "续三")) {
                ZoneEdits.Zone zone = edits.create(planner, name, "III");
                EventStream.Event e = watcher.expect(ARRIVAL);
                assertChange(e, "create", zone);
                seen.add(e);
            }
            String resumeAfter = seen.get(0).id();
            try (EventStream byHeader = open("Last-Event-ID", resumeAfter);
                 EventStream byQuery = EventStream.open(service.baseUrl() + "/api/changes?after=" + resumeAfter)) {
                for (EventStream resumed : List.of(byHeader, byQuery)) {
                    List<EventStream.Event> replayed = resumed.until(QUIET);
                    assertThat(replayed).as("replayed after %s", resumeAfter).extracting(EventStream.Event::id)
                            .containsExactly(seen.get(1).id(), seen.get(2).id());
                    assertThat(replayed).extracting(e -> e.data().toString()).containsExactly(seen.get(1).data().toString(), seen.get(2).data().toString());
                }
                ZoneEdits.Zone later = edits.create(planner, "续四", "I");
                assertChange(byHeader.expect(ARRIVAL), "create", later);
                assertChange(byQuery.expect(ARRIVAL), "create", later);
            }
        }
    }

    @Test
    void aRulesChangeArrivesButAccountChangesDoNot() throws Exception {
        try (EventStream stream = open()) {
            stream.expect(ARRIVAL);
            edits.addUser("newcomer", "viewer");
            edits.disableUser("newcomer");
            edits.setHeatingRadius(12);
            EventStream.Event rules = stream.expect(ARRIVAL);
            assertThat(rules.name()).isEqualTo("change");
            assertThat(rules.data().get("action").asText()).as("the first event after two user changes and a rules change").isEqualTo("rules");
            assertThat(rules.data().has("collection") || rules.data().has("id") || rules.data().has("version")).isFalse();
            assertThat(rules.data().get("at").asText()).isNotBlank();
            edits.setHeatingRadius(15);
            assertThat(stream.expect(ARRIVAL).data().get("action").asText()).isEqualTo("rules");
            assertThat(stream.until(QUIET)).isEmpty();
        }
    }

    @Test
    void aQuietStreamOutlivesTheIdleTimeoutOnItsKeepAliveComments() throws Exception {
        try (EventStream stream = open()) {
            stream.expect(ARRIVAL);
            assertThat(stream.next(Duration.ofSeconds(2L * IDLE_TIMEOUT_S + 1))).isNull();
            assertThat(stream.comments()).as("keep-alive comments in %d s", 2 * IDLE_TIMEOUT_S + 1).isGreaterThanOrEqualTo(3);
            ZoneEdits.Zone zone = edits.create(planner, "安静之后", "II");
            assertChange(stream.expect(ARRIVAL), "create", zone);
        }
    }

    @Test
    void badResumePointsAndOtherAcceptsAreRefusedWithJson() {
        for (String query : List.of("?after=-1", "?after=abc")) {
            HttpResponse<String> r = service.get("/api/changes" + query, "Accept", "text/event-stream");
            assertThat(r.statusCode()).as(query).isEqualTo(400);
            assertThat(json(r).get("detail").asText()).contains("seq");
        }
        HttpResponse<String> plain = service.get("/api/changes");
        assertThat(plain.statusCode()).isEqualTo(406);
        assertThat(json(plain).get("detail").asText()).contains("Accept: text/event-stream");
    }

    @Test
    void aPageWithAStreamIsServedAndAHundredStreamsFromOneAddressGet429WithoutTakingThreads() throws Exception {
        try (EventStream page = open()) {
            page.expect(ARRIVAL);
            ExecutorService pool = Executors.newFixedThreadPool(16);
            try {
                List<Future<Integer>> reads = new ArrayList<>();
                for (int i = 0; i < 48; i++) {
                    reads.add(pool.submit((Callable<Integer>) () -> service.get("/ogc/collections/ban-zones/items?limit=5").statusCode()));
                }
                for (Future<Integer> r : reads) assertThat(r.get()).isEqualTo(200);
            } finally {
                pool.shutdownNow();
            }
        }

        InetAddress other = InetAddress.getByName("127.0.0.3");
        int threadsBefore = Thread.activeCount();
        List<Socket> streams = new ArrayList<>();
        int open = 0;
        int refused = 0;
        try {
            for (int i = 0; i < 100; i++) {
                Socket s = new Socket(InetAddress.getByName("127.0.0.1"), service.app().port(), other, 0);
                streams.add(s);
                String status = request(s, "GET /api/changes HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n\r\n");
                if (status.contains(" 200 ")) open++;
                else if (status.contains(" 429 ")) refused++;
            }
            int threadsWith = Thread.activeCount();
            System.out.printf("CHANGES [%s]: 100 streams from %s: %d open, %d answered 429; threads %d before, %d with them%n",
                    store(), other.getHostAddress(), open, refused, threadsBefore, threadsWith);
            assertThat(open).as("streams open (AIRZONE_REQUESTS_PER_CLIENT)").isEqualTo(64);
            assertThat(refused).isEqualTo(36);
            assertThat(threadsWith - threadsBefore).as("threads the open streams hold").isLessThan(20);
            assertThat(service.get("/health").statusCode()).as("another address is served").isEqualTo(200);
        } finally {
            for (Socket s : streams) s.close();
        }
        // the server notices a closed stream at its next keep-alive, and the address may ask again
        long deadline = System.nanoTime() + Duration.ofSeconds(6L * IDLE_TIMEOUT_S).toNanos();
        String again;
        do {
            Thread.sleep(500);
            try (Socket s = new Socket(InetAddress.getByName("127.0.0.1"), service.app().port(), other, 0)) {
                again = request(s, "GET /health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            }
        } while (!again.contains(" 200 ") && System.nanoTime() < deadline);
        assertThat(again).as("a request from the address once its streams are closed").contains(" 200 ");
    }

    /** The status line of the answer to {@code head}, leaving the connection open. */
    private static String request(Socket s, String head) throws IOException {
        s.setSoTimeout(10_000);
        OutputStream out = s.getOutputStream();
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = s.getInputStream();
        StringBuilder line = new StringBuilder();
        for (int c; (c = in.read()) != -1 && c != '\n'; ) line.append((char) c);
        return line.toString();
    }

    EventStream open(String... headers) {
        return EventStream.open(service.baseUrl() + "/api/changes", headers);
    }

    static void assertChange(EventStream.Event e, String action, ZoneEdits.Zone zone) {
        assertThat(e.name()).isEqualTo("change");
        assertThat(e.data().get("seq").asText()).isEqualTo(e.id());
        assertThat(e.data().get("collection").asText()).isEqualTo("ban-zones");
        assertThat(e.data().get("id").asText()).isEqualTo(id(zone));
        assertThat(e.data().get("version").asText()).isEqualTo(zone.etag().replace("\"", "").substring(1));
        assertThat(e.data().get("action").asText()).isEqualTo(action);
        assertThat(e.data().get("at").asText()).isNotBlank();
    }

    static String id(ZoneEdits.Zone zone) {
        return zone.path().substring(zone.path().lastIndexOf('/') + 1);
    }

}
