package airzone.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The PostgreSQL cluster the database-fault tests stop and start: never the one the other tests
 * use. Named by AIRZONE_TEST_PG_FAULTS_URL / _USER / _PASSWORD and AIRZONE_TEST_PG_FAULTS_CLUSTER
 * ("15 faults", the version and name pg_ctlcluster takes); scripts/test creates it (15/faults on
 * port 5433). Without them the fault tests fail and say why; they are never skipped.
 */
final class FaultsCluster {

    private static final long COMMAND_TIMEOUT_SECONDS = 60;

    final String url;
    final String user;
    final String password;
    private final String version;
    private final String name;

    private FaultsCluster(String url, String user, String password, String version, String name) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.version = version;
        this.name = name;
    }

    static FaultsCluster fromEnvironment() {
        List<String> missing = new ArrayList<>();
        String url = variable("AIRZONE_TEST_PG_FAULTS_URL", missing);
        String user = variable("AIRZONE_TEST_PG_FAULTS_USER", missing);
        String password = variable("AIRZONE_TEST_PG_FAULTS_PASSWORD", missing);
        String cluster = variable("AIRZONE_TEST_PG_FAULTS_CLUSTER", missing);
        if (!missing.isEmpty()) {
            throw new IllegalStateException(String.join(", ", missing) + " not set: the database-fault tests stop and "
                    + "start a PostgreSQL cluster of their own with pg_ctlcluster (never the one the other tests use), "
                    + "with a database that has the postgis extension. Run ./scripts/test, which creates one "
                    + "(cluster 15/faults on port 5433; see README).");
        }
        String[] parts = cluster.trim().split("\\s+");
        if (parts.length != 2) {
            throw new IllegalStateException("AIRZONE_TEST_PG_FAULTS_CLUSTER must be '<version> <name>' as pg_ctlcluster "
                    + "takes them, e.g. '15 faults'; it is '" + cluster + "'");
        }
        return new FaultsCluster(url, user, password, parts[0], parts[1]);
    }

    private static String variable(String name, List<String> missing) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) missing.add(name);
        return value;
    }

    /** Kills the server at once (no checkpoint, connections cut), as a crash or a pulled plug would. */
    void stopImmediately() {
        pgCtlCluster("stop", "-m", "immediate");
    }

    /** Starts the server; returns once it accepts connections (pg_ctlcluster waits for that). */
    void start() {
        pgCtlCluster("start");
    }

    /**
     * Freezes every process of the server (SIGSTOP): connections stay open and new ones are accepted
     * by the kernel, but nothing answers — what a hung database host or a cut network looks like to a
     * client, the case where only timeouts stop a request from waiting for ever.
     */
    void freeze() {
        signalServer("STOP");
    }

    void thaw() {
        signalServer("CONT");
    }

    private void signalServer(String signal) {
        Result cluster = run(List.of("pg_lsclusters", "-h", version, name));
        String[] columns = cluster.output.strip().split("\\s+");
        if (cluster.exitCode != 0 || columns.length < 6) {
            throw new IllegalStateException("pg_lsclusters does not know cluster " + version + "/" + name + ": " + cluster.output);
        }
        // the postmaster's pid is the first line of postmaster.pid; its children are the backends and workers
        List<String> command = asOwner(List.of("sh", "-c",
                "pm=$(head -n 1 \"$1/postmaster.pid\") && kill -" + signal + " $pm $(ps -o pid= --ppid $pm)",
                "sh", columns[5]));
        Result result = run(command);
        if (result.exitCode != 0) {
            throw new IllegalStateException("sending SIG" + signal + " to cluster " + version + "/" + name + " failed: " + result.output);
        }
    }

    boolean running() {
        // pg_ctlcluster status: 0 running, 3 not running
        return run(command("status")).exitCode == 0;
    }

    /** Starts the cluster unless it is up, and thaws it (a run that died mid-outage may have left it down or frozen). */
    void ensureRunning() {
        if (running()) thaw();
        else start();
    }

    /** A schema of its own in the faults database, dropped on close; its URL puts it first on the search path. */
    Schema freshSchema() {
        String schema = "o_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("CREATE SCHEMA " + schema);
        String separator = url.contains("?") ? "&" : "?";
        // public stays on the path: the postgis extension (and its geometry type) lives there
        return new Schema(url + separator + "currentSchema=" + schema + ",public", schema);
    }

    final class Schema implements AutoCloseable {
        final String url;
        final String name;

        private Schema(String url, String name) {
            this.url = url;
            this.name = name;
        }

        @Override
        public void close() {
            ensureRunning();
            execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
        }
    }

    /** Whether the database takes a new connection right now. */
    boolean accepts() {
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    void execute(String sql) {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + url + " refused '" + sql + "': " + e.getMessage(), e);
        }
    }

    private void pgCtlCluster(String... arguments) {
        List<String> command = command(arguments);
        Result result = run(command);
        if (result.exitCode != 0) {
            throw new IllegalStateException("'" + String.join(" ", command) + "' failed with exit code " + result.exitCode
                    + ": " + result.output.strip());
        }
    }

    private List<String> command(String... arguments) {
        List<String> command = new ArrayList<>(List.of("pg_ctlcluster", version, name));
        command.addAll(List.of(arguments));
        return asOwner(command);
    }

    /** Root and the cluster's owner may control the server; anyone else needs sudo (without a prompt). */
    private static List<String> asOwner(List<String> command) {
        String me = System.getProperty("user.name");
        if ("root".equals(me) || "postgres".equals(me)) return command;
        List<String> sudo = new ArrayList<>(List.of("sudo", "-n"));
        sudo.addAll(command);
        return sudo;
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(List<String> command) {
        Path output = null;
        try {
            // output to a file, not a pipe: the server pg_ctlcluster starts may hold on to inherited descriptors
            output = Files.createTempFile("pg_ctlcluster", ".log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            if (!process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("'" + String.join(" ", command) + "' did not finish within "
                        + COMMAND_TIMEOUT_SECONDS + " s");
            }
            return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run '" + String.join(" ", command) + "'", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running '" + String.join(" ", command) + "'", e);
        } finally {
            if (output != null) {
                try {
                    Files.deleteIfExists(output);
                } catch (IOException ignored) {
                    // a leftover temp file is harmless
                }
            }
        }
    }
}
