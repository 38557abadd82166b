package airzone;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a planner and an admin do through the API, for tests that need a store with real history:
 * ban zones created, changed and deleted, users added and disabled. Each call checks its answer.
 */
public final class ZoneEdits {

    /** A created or changed zone: where it is and the ETag to change it with. */
    public record Zone(String path, String etag) {
    }

    private static final String ZONE = """
            {"type":"Feature","properties":{"name":"%s","class":"%s"},
             "geometry":{"type":"Polygon","coordinates":[[[119.50,39.90],[119.52,39.90],[119.52,39.92],[119.50,39.92],[119.50,39.90]]]}}""";

    private final RunningService service;
    private final String admin;

    public ZoneEdits(RunningService service) {
        this.service = service;
        this.admin = login(RunningService.ADMIN, RunningService.ADMIN_PASSWORD);
    }

    /** Adds a user through the admin API; an Authorization header for them. */
    public String addUser(String name, String role) {
        String password = name + "-password";
        HttpResponse<String> r = service.send("POST", "/api/users",
                "{\"name\":\"" + name + "\",\"password\":\"" + password + "\",\"role\":\"" + role + "\"}",
                "Content-Type", "application/json", "Authorization", admin);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return login(name, password);
    }

    /** A bearer token rather than Basic: one bcrypt check per user instead of one per request keeps the tests quick. */
    private String login(String name, String password) {
        HttpResponse<String> r = service.send("POST", "/api/login", "{\"name\":\"" + name + "\",\"password\":\"" + password + "\"}",
                "Content-Type", "application/json");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("\"token\":\"([^\"]+)\"").matcher(r.body());
        assertThat(token.find()).as(r.body()).isTrue();
        return "Bearer " + token.group(1);
    }

    public void disableUser(String name) {
        HttpResponse<String> r = service.send("PATCH", "/api/users/" + name, "{\"disabled\":true}",
                "Content-Type", "application/json", "Authorization", admin);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    public Zone create(String auth, String name, String zoneClass) {
        HttpResponse<String> r = service.send("POST", "/ogc/collections/ban-zones/items", ZONE.formatted(name, zoneClass),
                "Content-Type", "application/geo+json", "Authorization", auth);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        String location = r.headers().firstValue("Location").orElseThrow();
        return new Zone(location.substring(service.baseUrl().length()), r.headers().firstValue("ETag").orElseThrow());
    }

    public Zone change(String auth, Zone zone, String name, String zoneClass) {
        HttpResponse<String> r = service.send("PUT", zone.path(), ZONE.formatted(name, zoneClass),
                "Content-Type", "application/geo+json", "Authorization", auth, "If-Match", zone.etag());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return new Zone(zone.path(), r.headers().firstValue("ETag").orElseThrow());
    }

    public void delete(String auth, Zone zone) {
        HttpResponse<String> r = service.send("DELETE", zone.path(), null, "Authorization", auth, "If-Match", zone.etag());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(204);
    }

    /** A rule parameter change (admin): a settings row, an audit line, and recomputed derived layers. */
    public void setHeatingRadius(int km) {
        HttpResponse<String> r = service.send("PUT", "/api/rules", "{\"heating-radius\": {\"radius_km\": " + km + "}}",
                "Content-Type", "application/json", "Authorization", admin);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }
}
