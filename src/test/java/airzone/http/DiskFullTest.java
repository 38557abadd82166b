package airzone.http;

import airzone.RunningService;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The embedded store's data directory on a small tmpfs that a filler file fills up: writes, imports
 * and exports answer 507 and leave nothing behind, reads, screening and /health go on, and once the
 * filler is deleted the next write succeeds without a restart. Once with the reserve
 * (AIRZONE_MIN_FREE_DISK_MB) refusing writes up front, once with it off so that H2 itself hits ENOSPC
 * and closes its database. Mounting needs root; the test fails, never skips, without it. Both tests use
 * one filesystem, so the sample data is seeded once (the slow part); each starts a service of its own on it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DiskFullTest {

    /** The seeded database takes about 35 MB and grows with every write until H2 compacts it; the rest is room. */
    private static final int TMPFS_MB = 96;
    private static final ObjectMapper JSON = new ObjectMapper();

    private Path mount;
    private RunningService service;

    @BeforeAll
    void mountSmallFilesystem() throws Exception {
        mount = Files.createTempDirectory("airzone-diskfull");
        Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=" + TMPFS_MB + "m", "tmpfs", mount.toString())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            fail("DiskFullTest mounts a " + TMPFS_MB + " MB tmpfs for the data directory and so must run as root "
                    + "(user is " + System.getProperty("user.name") + "): mount said: " + output.trim());
        }
    }

    @AfterEach
    void stop() throws Exception {
        // a failed test must not leave the next one a full disk
        Files.deleteIfExists(mount.resolve("filler"));
        if (service != null) service.close();
        service = null;
    }

    @AfterAll
    void unmount() throws Exception {
        Process p = new ProcessBuilder("umount", mount.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            new ProcessBuilder("umount", "-l", mount.toString()).start().waitFor();
            fail("could not unmount " + mount + ": " + output.trim());
        }
        Files.delete(mount);
    }

    @Test
    @Order(1)
    void withTheReserveWritesAreRefusedUpFrontAndWorkAgainOnceSpaceIsFreed() throws Exception {
        service = RunningService.startIn(mount, Map.of("AIRZONE_MIN_FREE_DISK_MB", "2"));
        String acked = created(post("acked"));
        State before = state(acked);
        Path filler = fill();

        HttpResponse<String> write = post("refused");
        assertInsufficientStorage(write, "AIRZONE_MIN_FREE_DISK_MB");
        assertThat(write.body()).contains("nothing was written");
        assertInsufficientStorage(service.send("POST", "/api/users",
                "{\"name\":\"newcomer\",\"password\":\"newcomer-password\",\"role\":\"viewer\"}", "Authorization",
                RunningService.adminAuth(), "Content-Type", "application/json"), "AIRZONE_MIN_FREE_DISK_MB");
        assertInsufficientStorage(service.send("PUT", "/api/rules", "{\"heating-radius\": {\"radius_km\": 12}}",
                "Authorization", RunningService.adminAuth(), "Content-Type", "application/json"), "AIRZONE_MIN_FREE_DISK_MB");
        assertInsufficientStorage(importZone("refused import"), "AIRZONE_MIN_FREE_DISK_MB");
        assertInsufficientStorage(exportDistricts(), "AIRZONE_MIN_FREE_DISK_MB");
        assertThat(workFiles()).isEmpty();

        readsAnswer(acked);
        JsonNode health = JSON.readTree(service.get("/health").body());
        assertThat(health.path("status").asText()).isEqualTo("ok");
        assertThat(health.path("disk").path("writable").asBoolean()).isFalse();
        assertThat(state(acked)).isEqualTo(before);
        assertThat(service.get("/api/users", "Authorization", RunningService.adminAuth()).body()).doesNotContain("newcomer");

        long freed = System.nanoTime();
        Files.delete(filler);
        String after = created(untilCreated("after freeing", freed, "reserve"));
        assertThat(service.get("/ogc/collections/ban-zones/items/" + after).statusCode()).isEqualTo(200);
        assertThat(importZone("import after freeing").statusCode()).isEqualTo(200);
        assertThat(exportDistricts().statusCode()).isEqualTo(200);
        assertThat(workFiles()).isEmpty();
    }

    @Test
    @Order(2)
    void withoutTheReserveH2HitsTheFullDiskAndTheServiceRecoversWithExactlyTheAcknowledgedWrites() throws Exception {
        service = RunningService.startIn(mount, Map.of("AIRZONE_MIN_FREE_DISK_MB", "0"));
        long createsBefore = creates();
        List<String> acked = new ArrayList<>();
        for (int i = 0; i < 3; i++) acked.add(created(post("acked-" + i)));
        Path filler = fill();

        // the working directory fills up part-way: 507, and its files are gone
        assertInsufficientStorage(exportDistricts(), "ran out of space");
        assertInsufficientStorage(importZone("failed import"), "ran out of space");
        assertThat(workFiles()).isEmpty();

        // H2 reuses the free room inside its file first, so the first big writes may still fit and are stored;
        // the ones that need the file to grow fail
        int failed = 0;
        for (int i = 0; i < 60 && failed < 3; i++) {
            HttpResponse<String> write = postLarge("attempt-" + i);
            if (write.statusCode() == 201) {
                acked.add(created(write));
            } else {
                assertThat(write.statusCode()).as(write.body()).isIn(507, 503);
                failed++;
            }
        }
        assertThat(failed).as("writes that did not fit").isEqualTo(3);
        // H2 has closed its database; reopening it may need to write, so reads may fail until space returns,
        // but the service answers: screening from its index, /health saying whether the database is up
        HttpResponse<String> screen = service.get("/api/screen?lon=119.6&lat=39.94");
        assertThat(screen.statusCode()).as(screen.body()).isEqualTo(200);
        // (a read that reopens it meets the full disk itself: 507, as the full suite's load showed once)
        assertThat(service.get("/ogc/collections/ban-zones/items/" + acked.get(0)).statusCode()).isIn(200, 503, 507);
        long asked = System.nanoTime();
        assertThat(service.get("/health").statusCode()).isIn(200, 503);
        assertThat((System.nanoTime() - asked) / 1_000_000).as("ms /health took").isLessThan(10_000);

        long freed = System.nanoTime();
        Files.delete(filler);
        acked.add(created(untilCreated("acked-after", freed, "no reserve, H2 hit ENOSPC")));
        assertThat(exportDistricts().statusCode()).isEqualTo(200);
        assertThat(workFiles()).isEmpty();

        // what the database file holds, read back by a fresh start: every answered write, none of the failed ones
        service.close();
        service = RunningService.startIn(mount, Map.of("AIRZONE_MIN_FREE_DISK_MB", "0"));
        for (String id : acked) assertThat(service.get("/ogc/collections/ban-zones/items/" + id).statusCode()).as(id).isEqualTo(200);
        // a failed write that had reached the file would show as one more create than was answered
        assertThat(creates() - createsBefore).isEqualTo(acked.size());
    }

    private long creates() throws IOException {
        JsonNode audit = JSON.readTree(service.get("/api/audit?since=2000-01-01&limit=10000", "Authorization",
                RunningService.adminAuth()).body());
        long creates = 0;
        for (JsonNode e : audit.get("entries")) if (e.path("action").asText().equals("create")) creates++;
        return creates;
    }

    private HttpResponse<String> post(String note) {
        return service.send("POST", "/ogc/collections/ban-zones/items", EditApiContract.ZONE.formatted(note),
                "Authorization", RunningService.adminAuth(), "Content-Type", "application/geo+json");
    }

    /** A zone of 40,000 vertices (about 1.3 MB stored with its history), to outgrow the room inside H2's file. */
    private HttpResponse<String> postLarge(String note) {
        int n = 40_000;
        StringBuilder ring = new StringBuilder();
        for (int i = 0; i <= n; i++) {
            double a = 2 * Math.PI * (i % n) / n;
            ring.append(i == 0 ? "" : ",").append(String.format(java.util.Locale.ROOT, "[%.7f,%.7f]",
                    119.51 + 0.01 * Math.cos(a), 39.91 + 0.01 * Math.sin(a)));
        }
        String zone = "{\"type\":\"Feature\",\"properties\":{\"name\":\"大禁燃区\",\"class\":\"III\",\"note\":\"" + note
                + "\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[" + ring + "]]}}";
        return service.send("POST", "/ogc/collections/ban-zones/items", zone,
                "Authorization", RunningService.adminAuth(), "Content-Type", "application/geo+json");
    }

    /**
     * Writes until one is accepted, as a client retrying after a 507 would, and prints how long that took
     * from the moment space was freed; gives up after 30 s.
     */
    private HttpResponse<String> untilCreated(String note, long freed, String scenario) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        List<Integer> refusals = new ArrayList<>();
        while (true) {
            long sent = System.nanoTime();
            HttpResponse<String> r = post(note);
            long done = System.nanoTime();
            if (r.statusCode() == 201 || done > deadline) {
                System.out.printf("DiskFullTest (%s): first write succeeded %d ms after the space was freed "
                        + "(that write took %d ms; answers before it: %s)%n", scenario, (done - freed) / 1_000_000,
                        (done - sent) / 1_000_000, refusals);
                return r;
            }
            refusals.add(r.statusCode());
            Thread.sleep(10);
        }
    }

    private static String created(HttpResponse<String> r) throws IOException {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return JSON.readTree(r.body()).path("id").asText();
    }

    private HttpResponse<String> importZone(String note) {
        String collection = "{\"type\":\"FeatureCollection\",\"features\":[" + EditApiContract.ZONE.formatted(note) + "]}";
        return service.send("POST", "/api/import/ban-zones", collection, "Authorization", RunningService.adminAuth(),
                "Content-Type", "application/geo+json");
    }

    private HttpResponse<String> exportDistricts() {
        return service.get("/api/export/districts?format=shapefile");
    }

    private static void assertInsufficientStorage(HttpResponse<String> r, String detail) throws IOException {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(507);
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.path("status").asInt()).isEqualTo(507);
        assertThat(body.path("error").asText()).isEqualTo("Insufficient Storage");
        assertThat(body.path("detail").asText()).contains("disk").contains("Free space").contains(detail);
    }

    private void readsAnswer(String id) throws IOException {
        HttpResponse<String> items = service.get("/ogc/collections/ban-zones/items?limit=3");
        assertThat(items.statusCode()).as(items.body()).isEqualTo(200);
        assertThat(service.get("/ogc/collections/ban-zones/items/" + id).statusCode()).isEqualTo(200);
        HttpResponse<String> screen = service.get("/api/screen?lon=119.6&lat=39.94");
        assertThat(screen.statusCode()).as(screen.body()).isEqualTo(200);
        assertThat(JSON.readTree(screen.body()).has("verdict")).isTrue();
    }

    /** What a full disk must not change: the live zones, the audit trail, one zone's history. */
    private record State(String items, int auditEntries, String history) {
    }

    private State state(String id) throws IOException {
        String admin = RunningService.adminAuth();
        return new State(service.get("/ogc/collections/ban-zones/items?limit=10000").body(),
                JSON.readTree(service.get("/api/audit?since=2000-01-01&limit=10000", "Authorization", admin).body()).get("entries").size(),
                service.get("/api/history/ban-zones/" + id, "Authorization", admin).body());
    }

    /** Fills the filesystem to the last page, as another program writing there would. */
    private Path fill() throws IOException {
        System.out.printf("DiskFullTest: database %d kB, %d kB free before filling%n", Files.size(mount.resolve("airzone.mv.db")) / 1024,
                Files.getFileStore(mount).getUsableSpace() / 1024);
        Path filler = mount.resolve("filler");
        for (int chunk : new int[] {1 << 20, 4096}) {
            try (OutputStream out = Files.newOutputStream(filler, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
                byte[] bytes = new byte[chunk];
                while (true) out.write(bytes);
            } catch (IOException full) {
                assertThat(full.getMessage()).contains("No space left on device");
            }
        }
        assertThat(Files.getFileStore(mount).getUsableSpace()).isZero();
        return filler;
    }

    private List<Path> workFiles() throws IOException {
        Path tmp = mount.resolve("tmp");
        if (!Files.exists(tmp)) return List.of();
        try (Stream<Path> files = Files.list(tmp)) {
            return files.toList();
        }
    }
}
