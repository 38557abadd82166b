package airzone;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The PostGIS store is backed up with PostgreSQL's own tools: the README's pg_dump and pg_restore
 * commands, run here as written (with {@code -n} for the test's schema), bring back exactly the
 * dumped rows; the service and the command point there instead of doing it themselves.
 */
class BackupPostgisTest {

    private static final List<String> STATE = List.of(
            "SELECT * FROM features", "SELECT * FROM feature_history", "SELECT * FROM audit", "SELECT * FROM users",
            "SELECT * FROM settings", "SELECT * FROM sessions", "SELECT * FROM flyway_schema_history",
            "SELECT last_value, is_called FROM feature_version");

    @TempDir
    Path dir;

    @Test
    void pgDumpAndPgRestoreBringBackExactlyTheDumpedState() throws Exception {
        String pgDump = tool("pg_dump");
        String pgRestore = tool("pg_restore");
        try (TestDatabases.Postgis pg = TestDatabases.freshPostgis();
             RunningService service = RunningService.startOn(pg.url(), pg.user(), pg.password(), Map.of())) {
            ZoneEdits edits = new ZoneEdits(service);
            String planner = edits.addUser("lin", "planner");
            ZoneEdits.Zone kept = edits.create(planner, "保留区", "I");
            ZoneEdits.Zone doomed = edits.create(planner, "将删除", "II");
            edits.delete(planner, edits.create(planner, "已删除", "III"));
            edits.setHeatingRadius(12);

            HttpResponse<String> online = service.send("POST", "/api/backup", null, "Authorization", RunningService.adminAuth());
            assertThat(online.statusCode()).isEqualTo(501);
            assertThat(online.body()).contains("pg_dump");
            Map<String, String> env = Map.of("AIRZONE_DB_URL", pg.url(), "AIRZONE_DB_USER", pg.user(), "AIRZONE_DB_PASSWORD", pg.password());
            assertThat(cli(env, "backup", dir.resolve("a.zip").toString())).isEqualTo(
                    "2 airzone backup: AIRZONE_DB_URL names a PostGIS database: back it up with pg_dump (README, Backups)");
            assertThat(cli(env, "restore", dir.resolve("a.zip").toString())).startsWith("2 ").contains("pg_restore");

            // pg_dump reads one consistent snapshot, so it runs beside the service
            Path dump = dir.resolve("airzone.dump");
            run(pg, pgDump, "-Fc", "-n", pg.schema(), "-d", libpqUrl(pg), "-f", dump.toString());
            List<String> dumped = snapshot(pg);

            edits.change(planner, kept, "保留区（扩大）", "II");
            edits.delete(planner, doomed);
            edits.create(planner, "新建区", "III");
            edits.addUser("wu", "viewer");
            edits.disableUser("lin");
            edits.setHeatingRadius(18);
            assertThat(TableSnapshot.differences(dumped, snapshot(pg))).isNotEmpty();

            service.stop();
            run(pg, pgRestore, "--clean", "--if-exists", "--single-transaction", "-d", libpqUrl(pg), dump.toString());
            assertThat(TableSnapshot.differences(dumped, snapshot(pg))).isEmpty();
        }
    }

    /** The tool's path; the test fails, never skips, without it. */
    private static String tool(String name) {
        try {
            Process p = new ProcessBuilder(name, "--version").redirectErrorStream(true).start();
            String version = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() == 0) return name;
            fail(name + " --version failed: " + version);
        } catch (IOException e) {
            fail(name + " is missing: this test runs the README's backup commands; install postgresql-client-15 "
                    + "(scripts/test installs postgresql-15, which brings it)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new IllegalStateException("unreachable");
    }

    /** The test database as libpq names it: postgresql://user@host:port/db, the password from PGPASSWORD. */
    private static String libpqUrl(TestDatabases.Postgis pg) {
        String jdbc = System.getenv("AIRZONE_TEST_PG_URL");
        String hostAndDb = jdbc.substring("jdbc:postgresql://".length()).replaceFirst("\\?.*$", "");
        return "postgresql://" + pg.user() + "@" + hostAndDb;
    }

    private static void run(TestDatabases.Postgis pg, String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", pg.password());
        Process p = builder.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(String.join(" ", command) + "\n" + output).isZero();
    }

    private static List<String> snapshot(TestDatabases.Postgis pg) throws Exception {
        try (Connection c = DriverManager.getConnection(pg.url(), pg.user(), pg.password())) {
            return TableSnapshot.of(c, STATE);
        }
    }

    /** The command's exit code and its one line on stderr. */
    private static String cli(Map<String, String> env, String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = BackupCli.run(new HashMap<>(env), args, new BufferedReader(new StringReader("")),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return code + " " + err.toString(StandardCharsets.UTF_8).strip();
    }
}
