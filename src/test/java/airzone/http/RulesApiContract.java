package airzone.http;

import airzone.RunningService;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** The rule book over HTTP and the derived layers that follow its parameters; runs once per store. */
abstract class RulesApiContract extends ServiceContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    @Test
    void everyRuleCitesItsSeedDocumentAndClause() {
        JsonNode book = json(service.get("/api/rules"), 200);
        List<String> ids = new ArrayList<>();
        for (JsonNode rule : book.get("rules")) {
            ids.add(rule.get("id").asText());
            assertThat(rule.get("title_zh").asText()).isNotBlank();
            assertThat(rule.get("description_en").asText()).isNotBlank();
            assertThat(rule.get("citations")).isNotEmpty().allSatisfy(c -> {
                assertThat(c.get("document").asText()).matches("00[0-4]_[0-9a-f]{16}\\.txt");
                assertThat(c.get("clause").asText()).isNotBlank();
                assertThat(c.get("title").asText()).isNotBlank();
            });
        }
        assertThat(ids).containsExactly("heating-radius", "border-consultation", "ban-zone-class", "clean-heating-ban-zone", "boiler-size");
        JsonNode heating = book.get("rules").get(0);
        assertThat(heating.get("values").get("radius_km").asDouble()).isEqualTo(15);
        assertThat(heating.get("values").get("min_unit_mw").asDouble()).isEqualTo(300);
        assertThat(heating.get("citations").get(0).get("clause").asText()).isEqualTo("（七）");
        assertThat(book.get("rules").get(1).get("values").get("buffer_km").asDouble()).isEqualTo(20);
    }

    @Test
    void oneHeatingRadiusPerQualifyingHeatSource() {
        assertThat(radiusSourceIds()).isEqualTo(qualifyingHeatSources(300));
        JsonNode radius = items("heating-radii").get(0);
        JsonNode p = radius.get("properties");
        assertThat(p.get("rule").asText()).isEqualTo("heating-radius");
        assertThat(p.get("parameters").get("radius_km").asDouble()).isEqualTo(15);
        assertThat(p.get("source_ids").get(0).asText()).isEqualTo(p.get("heat_source_id").asText());
        assertThat(p.get("computed_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(p.get("citation").get("document").asText()).isEqualTo("001_ef308584dc4f70ff.txt");
    }

    @Test
    void raisingTheUnitThresholdDropsSmallerPlantsAndLoweringItBack_restoresThem() {
        List<String> before = radiusSourceIds();
        Map<String, Long> bordersBefore = versions("border-buffers");

        json(put("{\"heating-radius\": {\"min_unit_mw\": 600}}"), 200);
        assertThat(radiusSourceIds()).isEqualTo(qualifyingHeatSources(600)).isNotEmpty().hasSizeLessThan(before.size());
        assertThat(versions("border-buffers")).as("borders do not depend on heat sources").isEqualTo(bordersBefore);

        json(put("{\"heating-radius\": {\"min_unit_mw\": 300}}"), 200);
        assertThat(radiusSourceIds()).isEqualTo(before);
    }

    @Test
    void changingTheBorderDistanceRedrawsTheBands() {
        json(put("{\"border-consultation\": {\"buffer_km\": 10}}"), 200);
        assertThat(items("border-buffers")).allSatisfy(f -> assertThat(f.get("properties").get("buffer_km").asDouble()).isEqualTo(10));
        json(put("{\"border-consultation\": {\"buffer_km\": 20}}"), 200);
        assertThat(items("border-buffers")).allSatisfy(f -> assertThat(f.get("properties").get("buffer_km").asDouble()).isEqualTo(20));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"heating-radius\": {\"radius_km\": 0}}|heating-radius.radius_km",
            "{\"heating-radius\": {\"radius_km\": -1}}|heating-radius.radius_km",
            "{\"heating-radius\": {\"radius_km\": 200.5}}|heating-radius.radius_km",
            "{\"heating-radius\": {\"radius_km\": \"15\"}}|heating-radius.radius_km",
            "{\"heating-radius\": {\"min_unit_mw\": -300}}|heating-radius.min_unit_mw",
            "{\"heating-radius\": {\"include_planned\": \"yes\"}}|heating-radius.include_planned",
            "{\"heating-radius\": {\"radius_km\": 10, \"nonsense\": 1}}|heating-radius.nonsense",
            "{\"clean-heating-ban-zone\": {\"ban_class\": \"IV\"}}|clean-heating-ban-zone.ban_class",
            "{\"no-such-rule\": {}}|no-such-rule",
            "{\"heating-radius\": 15}|heating-radius",
            "[1, 2]|body",
            "{not json|JSON"})
    void badChangesAre400NamingTheFieldAndChangeNothing(String body, String field) {
        String rulesBefore = service.get("/api/rules").body();
        Map<String, Long> radiiBefore = versions("heating-radii");

        JsonNode error = json(put(body), 400);

        assertThat(error.get("detail").asText()).contains(field);
        assertThat(service.get("/api/rules").body()).isEqualTo(rulesBefore);
        assertThat(versions("heating-radii")).isEqualTo(radiiBefore);
    }

    @Test
    void cleanHeatingDistrictsBecomeADerivedBanZone() {
        List<JsonNode> derived = new ArrayList<>();
        items("ban-zones").forEach(f -> {
            if ("derived".equals(f.get("properties").path("source").asText())) derived.add(f);
        });
        assertThat(derived).hasSize(1);
        JsonNode p = derived.get(0).get("properties");
        assertThat(p.get("rule").asText()).isEqualTo("clean-heating-ban-zone");
        assertThat(p.get("class").asText()).isEqualTo("III");
        assertThat(p.get("districts").toString()).contains("松山区");
        assertThat(p.get("citation").get("clause").asText()).isEqualTo("（九）");
    }

    @Test
    void derivedCollectionsCannotBeWrittenBySideDoors() {
        assertThat(service.get("/api/rules").statusCode()).isEqualTo(200);
        HttpResponse<String> post = send("POST", "/ogc/collections/heating-radii/items", "{}");
        assertThat(post.statusCode()).isIn(404, 405);
    }

    private List<String> radiusSourceIds() {
        List<String> ids = new ArrayList<>();
        items("heating-radii").forEach(f -> ids.add(f.get("properties").get("heat_source_id").asText()));
        return ids.stream().sorted().toList();
    }

    /** Independently of the service: CHP plants in operation whose largest unit reaches the threshold. */
    private List<String> qualifyingHeatSources(double minUnitMw) {
        List<String> ids = new ArrayList<>();
        items("heat-sources").forEach(f -> {
            JsonNode p = f.get("properties");
            if (p.get("largest_unit_mw").asDouble() >= minUnitMw && p.get("chp").asText().equals("yes")
                    && p.get("status").asText().equals("operating")) {
                ids.add(f.get("id").asText());
            }
        });
        return ids.stream().sorted().toList();
    }

    private Map<String, Long> versions(String collection) {
        Map<String, Long> versions = new TreeMap<>();
        service.app().store().all(collection).forEach(f -> versions.put(f.id(), f.version()));
        return versions;
    }

    private List<JsonNode> items(String collection) {
        List<JsonNode> features = new ArrayList<>();
        json(service.get("/ogc/collections/" + collection + "/items?limit=10000"), 200).get("features").forEach(features::add);
        return features;
    }

    private HttpResponse<String> put(String body) {
        return service.send("PUT", "/api/rules", body, "Content-Type", "application/json", "Authorization", RunningService.adminAuth());
    }

    private HttpResponse<String> send(String method, String path, String body) {
        return service.send(method, path, body, "Content-Type", "application/json");
    }

    private static JsonNode json(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }
}
