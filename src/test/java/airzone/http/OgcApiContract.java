package airzone.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.geojson.GeoJsonReader;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The OGC API - Features read side over the real sample data; runs once per store. */
abstract class OgcApiContract extends ServiceContract {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void landingPageLinksApiConformanceAndDataAbsolutely() {
        JsonNode landing = json("/ogc", 200);
        List<String> rels = new ArrayList<>();
        for (JsonNode link : landing.get("links")) {
            rels.add(link.get("rel").asText());
            assertThat(link.get("href").asText()).startsWith(service.baseUrl() + "/ogc");
        }
        assertThat(rels).contains("self", "service-desc", "conformance", "data");
        assertThat(json("/ogc/conformance", 200).get("conformsTo").toString())
                .contains("ogcapi-features-1/1.0/conf/core", "conf/geojson", "conf/oas30");
    }

    @Test
    void openApiDocumentIsSelfContained() {
        HttpResponse<String> api = service.get("/ogc/api");
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.headers().firstValue("Content-Type").orElse("")).startsWith("application/vnd.oai.openapi+json");
        JsonNode doc = parse(api.body());
        assertThat(doc.get("openapi").asText()).startsWith("3.0");
        assertThat(doc.get("servers").get(0).get("url").asText()).isEqualTo(service.baseUrl() + "/ogc");
        // every $ref points inside the document: the page must work in an intranet without internet
        assertThat(doc.findValuesAsText("$ref")).isNotEmpty().allSatisfy(ref -> assertThat(ref).startsWith("#/"));
        assertThat(doc.get("paths").has("/collections/{collectionId}/items")).isTrue();
    }

    @Test
    void collectionsListEveryContractIdWithExtentForFilledOnes() {
        JsonNode collections = json("/ogc/collections", 200).get("collections");
        List<String> ids = new ArrayList<>();
        collections.forEach(c -> ids.add(c.get("id").asText()));
        assertThat(ids).containsExactly("districts", "provinces", "heat-sources", "ban-zones", "built-up-areas",
                "industrial-parks", "control-zones", "heating-radii", "border-lines", "border-buffers");
        JsonNode districts = json("/ogc/collections/districts", 200);
        JsonNode bbox = districts.get("extent").get("spatial").get("bbox").get(0);
        assertThat(bbox.get(0).asDouble()).isBetween(105.0, 115.0);
        assertThat(bbox.get(3).asDouble()).isBetween(42.0, 47.0);
        assertThat(districts.get("links").toString()).contains("\"rel\":\"items\"");
    }

    @Test
    void districtsAreValidPolygonsOfTheSeedCities() throws Exception {
        JsonNode page = json("/ogc/collections/districts/items?limit=1000", 200);
        assertThat(page.get("type").asText()).isEqualTo("FeatureCollection");
        assertThat(page.get("numberReturned").asInt()).isGreaterThanOrEqualTo(60)
                .isEqualTo(page.get("features").size()).isEqualTo(page.get("numberMatched").asInt());
        List<String> names = new ArrayList<>();
        GeoJsonReader reader = new GeoJsonReader();
        for (JsonNode f : page.get("features")) {
            names.add(f.get("properties").get("name").asText());
            Geometry g = reader.read(f.get("geometry").toString());
            assertThat(g.getGeometryType()).isIn("Polygon", "MultiPolygon");
            assertThat(g.isValid()).as(f.get("id").asText()).isTrue();
        }
        assertThat(names).contains("海港区", "北戴河区", "山海关区", "元宝山区", "宁城县", "红山区", "太和区", "钦南区", "邯山区");
    }

    @Test
    void keyAreasAreFlagged() {
        JsonNode page = json("/ogc/collections/districts/items?limit=1000", 200);
        List<String> keyAreas = new ArrayList<>();
        page.get("features").forEach(f -> {
            if (f.get("properties").get("is_key_area").asBoolean()) keyAreas.add(f.get("properties").get("name").asText());
        });
        assertThat(keyAreas).containsExactlyInAnyOrder("元宝山区", "宁城县");
    }

    @Test
    void pagingFollowsNextAndPrevLinks() {
        JsonNode first = json("/ogc/collections/districts/items?limit=25", 200);
        long matched = first.get("numberMatched").asLong();
        List<String> ids = new ArrayList<>();
        JsonNode page = first;
        while (true) {
            page.get("features").forEach(f -> ids.add(f.get("id").asText()));
            String next = linkHref(page, "next");
            if (next == null) break;
            assertThat(next).startsWith(service.baseUrl());
            page = json(next.substring(service.baseUrl().length()), 200);
            assertThat(linkHref(page, "prev")).isNotNull();
        }
        assertThat(ids).hasSize((int) matched).doesNotHaveDuplicates();
        assertThat(linkHref(first, "prev")).isNull();
    }

    @Test
    void bboxFiltersToQinhuangdao() {
        JsonNode page = json("/ogc/collections/districts/items?limit=100&bbox=119.5,39.85,119.65,39.95", 200);
        List<String> names = new ArrayList<>();
        page.get("features").forEach(f -> names.add(f.get("properties").get("name").asText()));
        assertThat(names).contains("海港区").doesNotContain("元宝山区", "钦南区");
        assertThat(linkHref(page, "self")).contains("bbox=119.5,39.85,119.65,39.95");
    }

    @Test
    void heatSourcesArePointsWithTheirSources() {
        JsonNode f = json("/ogc/collections/heat-sources/items/chifeng-yuanbaoshan", 200);
        assertThat(f.get("geometry").get("type").asText()).isEqualTo("Point");
        assertThat(f.get("properties").get("largest_unit_mw").asDouble()).isEqualTo(600);
        assertThat(f.get("properties").get("source").asText()).contains("GEM");
        assertThat(json("/ogc/collections/heat-sources/items?limit=1", 200).get("numberMatched").asInt()).isEqualTo(46);
    }

    @Test
    void singleItemHasAStrongEtagAndAnswers304() {
        HttpResponse<String> item = service.get("/ogc/collections/districts/items/130302");
        assertThat(item.statusCode()).isEqualTo(200);
        assertThat(item.headers().firstValue("Content-Type").orElse("")).startsWith("application/geo+json");
        String etag = item.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).startsWith("\"");
        assertThat(parse(item.body()).get("properties").get("name").asText()).isEqualTo("海港区");
        HttpResponse<String> again = service.get("/ogc/collections/districts/items/130302", "If-None-Match", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
    }

    @Test
    void itemPagesHaveEtagsToo() {
        HttpResponse<String> page = service.get("/ogc/collections/provinces/items");
        String etag = page.headers().firstValue("ETag").orElseThrow();
        assertThat(page.headers().firstValue("Cache-Control")).as("a browser keeps it and asks before each use").contains("no-cache");
        assertThat(service.get("/ogc/collections/provinces/items", "If-None-Match", etag).statusCode()).isEqualTo(304);
        assertThat(service.get("/ogc/collections/provinces/items?limit=2", "If-None-Match", etag).statusCode()).isEqualTo(200);
    }

    @Test
    void geoJsonIsGzippedWhenTheClientAcceptsIt() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(service.baseUrl() + "/ogc/collections/districts/items?limit=50"))
                .header("Accept-Encoding", "gzip").build();
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.headers().firstValue("Content-Encoding")).contains("gzip");
        byte[] plain = new GZIPInputStream(new ByteArrayInputStream(response.body())).readAllBytes();
        assertThat(JSON.readTree(plain).get("numberReturned").asInt()).isEqualTo(50);
        assertThat(response.body().length).isLessThan(plain.length / 2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"limit=0", "limit=-1", "limit=abc", "limit=10001", "offset=-1", "offset=x",
            "bbox=1,2,3", "bbox=1,2,3,4,5", "bbox=a,2,3,4", "bbox=-181,0,1,1", "bbox=0,-91,1,1", "bbox=0,0,181,1",
            "bbox=10,0,5,1", "bbox=0,10,1,5", "bbox=NaN,0,1,1", "bbox-crs=EPSG:3857&bbox=0,0,1,1"})
    void badParametersAre400NamingTheParameter(String query) {
        HttpResponse<String> response = service.get("/ogc/collections/districts/items?" + query);
        assertThat(response.statusCode()).as(query).isEqualTo(400);
        JsonNode error = parse(response.body());
        assertThat(error.get("status").asInt()).isEqualTo(400);
        assertThat(error.get("error").asText()).isNotBlank();
        String parameter = query.substring(0, query.indexOf('='));
        assertThat(error.get("detail").asText()).as(query).contains(parameter.startsWith("bbox") ? "bbox" : parameter);
    }

    @Test
    void unknownCollectionsFeaturesAndPathsAre404Json() {
        assertThat(json("/ogc/collections/nope", 404).get("detail").asText()).contains("nope");
        assertThat(json("/ogc/collections/nope/items", 404).get("detail").asText()).contains("nope");
        assertThat(json("/ogc/collections/districts/items/999999", 404).get("detail").asText()).contains("999999");
        assertThat(json("/no/such/path", 404).get("status").asInt()).isEqualTo(404);
    }

    @Test
    void ruleChangesNeedAnAdministrator() throws Exception {
        HttpRequest put = HttpRequest.newBuilder(URI.create(service.baseUrl() + "/api/rules"))
                .PUT(HttpRequest.BodyPublishers.ofString("{\"heating-radius\": {\"radius_km\": 10}}")).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(put, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
        assertThat(json("/api/rules", 200).get("rules").get(0).get("values").get("radius_km").asDouble()).isEqualTo(15);
    }

    @Test
    void healthNamesTheStore() {
        JsonNode health = json("/health", 200);
        assertThat(health.get("status").asText()).isEqualTo("ok");
        assertThat(health.get("store").asText()).isEqualTo(store().name().toLowerCase());
        assertThat(health.get("ready").asBoolean()).isTrue();
        assertThat(health.get("collections").get("districts").asInt()).isGreaterThanOrEqualTo(60);
    }

    private JsonNode json(String path, int expectedStatus) {
        HttpResponse<String> response = service.get(path);
        assertThat(response.statusCode()).as(path + " → " + response.body()).isEqualTo(expectedStatus);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("json");
        return parse(response.body());
    }

    private static String linkHref(JsonNode page, String rel) {
        for (JsonNode link : page.get("links")) {
            if (link.get("rel").asText().equals(rel)) return link.get("href").asText();
        }
        return null;
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }
}
