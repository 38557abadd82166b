package airzone;

import airzone.config.Config;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;

/** The backup command's way in while the service holds the database: {@code POST /api/backup} on this machine. */
final class BackupDownload {

    private BackupDownload() {
    }

    /** Writes the service's backup zip into the existing file {@code target}; refusals of the credentials are {@link Config.Invalid}. */
    static void fetch(int port, String credentials, Path target) throws IOException {
        URI uri = URI.create("http://127.0.0.1:" + port + "/api/backup");
        HttpRequest request = HttpRequest.newBuilder(uri)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpResponse<InputStream> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (ConnectException e) {
            throw new IOException("the embedded store is in use, but nothing answers on " + uri
                    + "; give this command the service's settings (AIRZONE_PORT)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fetching the backup", e);
        }
        try (InputStream body = response.body()) {
            int status = response.statusCode();
            if (status == 401 || status == 403) throw new Config.Invalid("the service refused: " + detail(body));
            if (status != 200) throw new IOException("the service answered " + status + ": " + detail(body));
            // into the file the caller made, keeping its owner-only mode: the zip holds password hashes
            try (OutputStream out = Files.newOutputStream(target)) {
                body.transferTo(out);
            }
        }
    }

    private static String detail(InputStream body) throws IOException {
        String text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
        try {
            JsonNode error = new ObjectMapper().readTree(text);
            if (error != null && error.hasNonNull("detail")) return error.get("detail").asText();
        } catch (IOException notJson) {
            // something other than airzone on that port: show what it said
        }
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}
