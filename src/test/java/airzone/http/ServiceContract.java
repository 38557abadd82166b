package airzone.http;

import airzone.RunningService;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.Map;

/** A test class that talks to one running service, started once for the class, on the store its subclass names. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ServiceContract {

    private static final ObjectMapper JSON = new ObjectMapper();

    protected RunningService service;

    protected abstract RunningService.Store store();

    /** Extra AIRZONE_* settings for the service under test. */
    protected Map<String, String> settings() {
        return Map.of();
    }

    @BeforeAll
    void start() {
        service = RunningService.start(store(), settings());
    }

    @AfterAll
    void stop() throws Exception {
        service.close();
    }

    /** A response body as JSON. */
    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
