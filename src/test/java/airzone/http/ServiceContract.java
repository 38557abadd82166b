package airzone.http;

import airzone.RunningService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

/** A test class that talks to one running service, started once for the class, on the store its subclass names. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ServiceContract {

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
}
