package airzone.http;

import airzone.RunningService;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** With AIRZONE_PUBLIC_READ=false nothing is read without a login (shapes and live changes included), but the page, /health and signing in stay open. */
class PrivateReadTest extends ServiceContract {

    @Override
    protected RunningService.Store store() {
        return RunningService.Store.H2GIS;
    }

    @Override
    protected Map<String, String> settings() {
        return Map.of("AIRZONE_PUBLIC_READ", "false");
    }

    @Test
    void readsNeedALogin() {
        for (String path : new String[]{"/ogc/collections", "/ogc/collections/districts/items", "/api/rules",
                "/api/screen?lon=119.6&lat=39.9", "/api/export/districts?format=geojson"}) {
            assertThat(service.get(path).statusCode()).as(path).isEqualTo(401);
            assertThat(service.get(path, "Authorization", RunningService.adminAuth()).statusCode()).as(path).isEqualTo(200);
        }
        assertThat(service.get("/health").statusCode()).isEqualTo(200);
        assertThat(service.get("/").statusCode()).isEqualTo(200);
        assertThat(service.get("/api/session").body()).contains("\"publicRead\":false");
    }

    @Test
    void theDrawingHelpersAndTheLiveChangesNeedALoginToo() throws Exception {
        String circle = "{\"center\":[119.6,39.9],\"radius_m\":1000}";
        assertThat(service.send("POST", "/api/shapes/circle", circle, "Content-Type", "application/json").statusCode()).isEqualTo(401);
        assertThat(service.send("POST", "/api/shapes/circle", circle, "Content-Type", "application/json",
                "Authorization", RunningService.adminAuth()).statusCode()).isEqualTo(200);
        assertThat(service.get("/api/changes", "Accept", "text/event-stream").statusCode()).isEqualTo(401);
        try (EventStream stream = EventStream.open(service.baseUrl() + "/api/changes", "Authorization", RunningService.adminAuth())) {
            assertThat(stream.expect(java.time.Duration.ofSeconds(2)).name()).isEqualTo("ready");
        }
    }
}
