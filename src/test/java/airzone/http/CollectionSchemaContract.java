package airzone.http;

import airzone.ZoneEdits;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GET …/schema held against the writes it describes, not against itself: a feature made from the
 * schema alone is accepted by POST …/items, each property the schema requires is refused when missing,
 * each optional one may be left out, and each value the schema forbids is refused. Runs once per store.
 */
abstract class CollectionSchemaContract extends ServiceContract {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String POLYGON = "{\"type\":\"Polygon\",\"coordinates\":"
            + "[[[119.50,39.90],[119.52,39.90],[119.52,39.92],[119.50,39.92],[119.50,39.90]]]}";
    private static final String POINT = "{\"type\":\"Point\",\"coordinates\":[119.5,39.9]}";

    private String planner;

    @BeforeAll
    void addPlanner() {
        planner = new ZoneEdits(service).addUser("sam", "planner");
    }

    @Test
    void banZonesRequireANameAndAClassOfIToIIIAndOfferThePlanFields() {
        HttpResponse<String> r = service.get("/ogc/collections/ban-zones/schema");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/schema+json");
        JsonNode schema = json(r);
        assertThat(schema.get("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.get("$id").asText()).isEqualTo(service.baseUrl() + "/ogc/collections/ban-zones/schema");
        assertThat(schema.get("title").asText()).isEqualTo(json(service.get("/ogc/collections/ban-zones")).get("title").asText());
        assertThat(schema.get("type").asText()).isEqualTo("object");
        assertThat(names(schema.get("properties")))
                .containsExactly("name", "class", "effective_date", "illustrative", "document", "clause", "notes");
        assertThat(schema.get("required").toString()).isEqualTo("[\"name\",\"class\"]");
        assertThat(schema.at("/properties/class").toString()).isEqualTo("{\"type\":\"string\",\"enum\":[\"I\",\"II\",\"III\"]}");
        assertThat(schema.at("/properties/name/type").asText()).isEqualTo("string");
        assertThat(schema.at("/properties/name/minLength").asInt()).isEqualTo(1);
        assertThat(schema.at("/properties/effective_date").toString()).isEqualTo("{\"type\":\"string\",\"format\":\"date\"}");
        assertThat(schema.at("/properties/illustrative").toString()).isEqualTo("{\"type\":\"boolean\"}");
        assertThat(json(service.get("/ogc/collections/heat-sources/schema")).at("/properties/largest_unit_mw").toString())
                .isEqualTo("{\"type\":\"number\",\"minimum\":0,\"maximum\":5000}");
    }

    @Test
    void everyWritableCollectionAcceptsWhatItsSchemaAllowsAndRefusesWhatItForbids() {
        Map<String, String> schemas = new LinkedHashMap<>();
        for (JsonNode c : json(service.get("/ogc/collections")).get("collections")) {
            for (JsonNode link : c.get("links")) {
                if (link.get("rel").asText().equals("describedby")) {
                    assertThat(link.get("type").asText()).isEqualTo("application/schema+json");
                    schemas.put(c.get("id").asText(), link.get("href").asText());
                }
            }
        }
        assertThat(schemas).containsOnlyKeys("heat-sources", "ban-zones", "built-up-areas", "industrial-parks", "control-zones");

        List<String> wrong = new ArrayList<>();
        schemas.forEach((collection, href) -> {
            JsonNode schema = json(service.get(href.substring(service.baseUrl().length())));
            String geometry = collection.equals("heat-sources") ? POINT : POLYGON;
            ObjectNode valid = NODES.objectNode();
            schema.get("properties").fields().forEachRemaining(p -> valid.set(p.getKey(), example(p.getValue())));
            expect(wrong, collection, "every property as the schema allows it", write(collection, valid, geometry), 201, null);

            List<String> required = new ArrayList<>();
            schema.get("required").forEach(n -> required.add(n.asText()));
            for (Iterator<Map.Entry<String, JsonNode>> it = schema.get("properties").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> p = it.next();
                ObjectNode without = valid.deepCopy();
                without.remove(p.getKey());
                boolean isRequired = required.contains(p.getKey());
                expect(wrong, collection, "without " + p.getKey(), write(collection, without, geometry), isRequired ? 400 : 201,
                        isRequired ? p.getKey() : null);
                for (JsonNode bad : violations(p.getValue())) {
                    ObjectNode with = valid.deepCopy();
                    with.set(p.getKey(), bad);
                    expect(wrong, collection, p.getKey() + " = " + bad, write(collection, with, geometry), 400, p.getKey());
                }
            }
        });
        assertThat(wrong).as("writes that disagree with the schema").isEmpty();
    }

    @Test
    void collectionsNobodyWritesHaveNoSchemaAndUnknownOnesAreNotFound() {
        for (String readOnly : List.of("districts", "provinces", "heating-radii", "border-lines", "border-buffers")) {
            HttpResponse<String> r = service.get("/ogc/collections/" + readOnly + "/schema");
            assertThat(r.statusCode()).as(readOnly).isEqualTo(404);
            JsonNode error = json(r);
            assertThat(error.get("status").asInt()).isEqualTo(404);
            assertThat(error.get("error").asText()).isNotBlank();
            assertThat(error.get("detail").asText()).contains(readOnly).contains("read-only");
            assertThat(json(service.get("/ogc/collections/" + readOnly)).get("links").toString()).doesNotContain("describedby");
        }
        HttpResponse<String> unknown = service.get("/ogc/collections/no-such-layer/schema");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).get("detail").asText()).isEqualTo(json(service.get("/ogc/collections/no-such-layer/items")).get("detail").asText());
    }

    /** A value the schema allows: its first choice, its minimum, a date, a word. */
    private static JsonNode example(JsonNode property) {
        if (property.has("enum")) return property.get("enum").get(0);
        return switch (property.get("type").asText()) {
            case "number" -> property.get("minimum");
            case "boolean" -> NODES.booleanNode(true);
            default -> NODES.textNode(property.path("format").asText().equals("date") ? "2025-01-01" : "测试");
        };
    }

    /** Values the schema forbids, each chosen to break one of its keywords. */
    private static List<JsonNode> violations(JsonNode property) {
        List<JsonNode> bad = new ArrayList<>();
        String type = property.get("type").asText();
        if (!type.equals("string")) bad.add(NODES.textNode("12"));
        if (type.equals("string")) bad.add(NODES.numberNode(12));
        if (property.has("enum")) bad.add(NODES.textNode("none of them"));
        if (property.has("minLength")) bad.add(NODES.textNode(""));
        if (property.has("pattern")) bad.add(NODES.textNode("   "));
        if (property.has("maxLength")) bad.add(NODES.textNode("x".repeat(property.get("maxLength").asInt() + 1)));
        if (property.path("format").asText().equals("date")) bad.add(NODES.textNode("2025-02-30"));
        if (property.has("minimum")) bad.add(NODES.numberNode(property.get("minimum").asDouble() - 1));
        if (property.has("maximum")) bad.add(NODES.numberNode(property.get("maximum").asDouble() + 1));
        return bad;
    }

    private HttpResponse<String> write(String collection, ObjectNode properties, String geometry) {
        String feature = "{\"type\":\"Feature\",\"properties\":" + properties + ",\"geometry\":" + geometry + "}";
        return service.send("POST", "/ogc/collections/" + collection + "/items", feature,
                "Content-Type", "application/geo+json", "Authorization", planner);
    }

    private static void expect(List<String> wrong, String collection, String what, HttpResponse<String> r, int status, String named) {
        boolean ok = r.statusCode() == status && (named == null || json(r).path("detail").asText().contains("'" + named + "'"));
        if (!ok) wrong.add(collection + ", " + abbreviate(what) + ": expected " + status + ", got " + r.statusCode() + " " + abbreviate(r.body()));
    }

    private static String abbreviate(String s) {
        return s.length() <= 120 ? s : s.substring(0, 120) + "…";
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

}
