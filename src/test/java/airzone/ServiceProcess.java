package airzone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The service as an operator runs it: a JVM of its own (so that it can be killed with SIGKILL, which
 * an in-process service cannot), on a fixed port so that a restart is found where it was. Its output
 * goes to {@code service-<n>.log} in the given directory, for reading after a failure.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final Duration READY_WITHIN = Duration.ofSeconds(120);

    private final Process process;
    private final int port;

    private ServiceProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts the service with these AIRZONE_* settings (nothing from this JVM's environment) and waits until it is ready. */
    public static ServiceProcess start(Map<String, String> settings, int port, Path logDir) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), "airzone.App"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("AIRZONE_"));
        env.putAll(new HashMap<>(settings));
        env.put("AIRZONE_PORT", Integer.toString(port));
        try {
            Files.createDirectories(logDir);
            Path log;
            int n = 0;
            do log = logDir.resolve("service-" + n++ + ".log"); while (Files.exists(log));
            builder.redirectOutput(log.toFile());
            ServiceProcess service = new ServiceProcess(builder.start(), port);
            service.awaitReady(log);
            return service;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady(Path log) throws IOException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service exited with " + process.exitValue() + ":\n" + Files.readString(log));
            }
            try {
                HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/health"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("\"ready\":true")) return;
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(100);
        }
        process.destroyForcibly();
        throw new IllegalStateException("the service was not ready within " + READY_WITHIN + ":\n" + Files.readString(log));
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed — what a power cut does to the process. */
    public void kill() {
        process.destroyForcibly();
        waitForExit();
    }

    private void waitForExit() {
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) throw new IllegalStateException("the service did not exit");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** SIGTERM: the shutdown hook closes the service. */
    @Override
    public void close() {
        if (!process.isAlive()) return;
        process.destroy();
        waitForExit();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
