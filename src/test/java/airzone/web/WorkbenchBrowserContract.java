package airzone.web;

import airzone.RunningService;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.openqa.selenium.By;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The workbench's draw–save–412 path in real headless Chromium, on each store: a planner draws a ban
 * zone snapped to a district vertex, fills the form and saves it, and the OGC API has it; two planners
 * edit one zone, the second save meets the 412 and walks it; each sees the other's changes without a
 * reload. Screenshots of each step go to target/screenshots/.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class WorkbenchBrowserContract {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String PLANNER_A = "planner-a";
    static final String PLANNER_B = "planner-b";
    static final String PASSWORD = "planner-password";
    /** A district of a planning city, and a point well inside it (海港区, Qinhuangdao). */
    static final String DISTRICT = "海港区";

    RunningService service;

    abstract RunningService startService();

    /** The store's name in screenshot file names. */
    abstract String store();

    RunningService service() {
        if (service == null) {
            service = startService();
            for (String planner : List.of(PLANNER_A, PLANNER_B)) {
                HttpResponse<String> added = service.send("POST", "/api/users",
                        "{\"name\":\"" + planner + "\",\"password\":\"" + PASSWORD + "\",\"role\":\"planner\"}",
                        "Authorization", RunningService.adminAuth(), "Content-Type", "application/json");
                assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
            }
        }
        return service;
    }

    @AfterAll
    void stopService() throws Exception {
        if (service != null) service.close();
    }

    @Test
    void aBanZoneDrawnWithSnappingToADistrictVertexIsSavedAndServedByTheOgcApi() throws Exception {
        try (WorkbenchPage page = WorkbenchPage.signedIn(service().baseUrl(), PLANNER_A, PASSWORD)) {
            double[] vertex = districtVertex(page, DISTRICT);
            page.view(vertex[0], vertex[1], 13);
            page.chooseLayer("ban-zones");
            page.press("tool-polygon");
            double[] v = page.pixel(vertex[0], vertex[1]);
            // near the vertex, not on it: the tool snaps and shows where
            page.hover(v[0] + 4, v[1] + 3);
            page.waitFor("the snap indicator", d -> !page.all(".az-snap-indicator").isEmpty());
            assertThat(page.js("return airzoneMap.getContainer().dataset.snapped")).isEqualTo("true");
            page.screenshot("workbench-" + store() + "-1-snapping.png");
            page.clickAt(v[0] + 4, v[1] + 3);
            page.clickAt(v[0] + 140, v[1] + 10);
            page.clickAt(v[0] + 150, v[1] + 110);
            page.clickAt(v[0] + 20, v[1] + 120);
            page.clickAt(v[0], v[1]); // the first vertex: closes the ring
            page.waitFor("the editor of the new zone", d -> "new".equals(page.body("editor")));
            page.fill("name", "测试禁燃区 " + store());
            page.fill("class", "III");
            page.fill("effective_date", "2027-01-01");
            page.fill("document", "秦皇岛市人民政府关于划定高污染燃料禁燃区的通告");
            page.fill("clause", "第二条");
            page.screenshot("workbench-" + store() + "-2-form.png");
            String saved = page.saveAndWait();
            page.screenshot("workbench-" + store() + "-3-saved.png");

            String[] parts = saved.split("/");
            assertThat(parts[0]).isEqualTo("ban-zones");
            JsonNode item = item("ban-zones", parts[1]);
            assertThat(item.at("/properties/name").asText()).isEqualTo("测试禁燃区 " + store());
            assertThat(item.at("/properties/class").asText()).isEqualTo("III");
            assertThat(item.at("/properties/clause").asText()).isEqualTo("第二条");
            assertThat(item.at("/properties/effective_date").asText()).isEqualTo("2027-01-01");
            JsonNode ring = exteriorRing(item.get("geometry"));
            assertThat(ring.size()).as("four corners and the closing position").isEqualTo(5);
            boolean snapped = false;
            for (JsonNode position : ring) {
                snapped |= Math.abs(position.get(0).asDouble() - vertex[0]) < 1e-9 && Math.abs(position.get(1).asDouble() - vertex[1]) < 1e-9;
            }
            assertThat(snapped).as("a corner of the saved zone is the district's vertex exactly " + ring).isTrue();
            assertThat(page.onMap("ban-zones", parts[1])).as("the saved zone is on the map").isNotNull();
            assertThat(page.consoleErrors()).isEmpty();
        }
    }

    @Test
    void twoPlannersEditOneZoneTheSecondSaveWalksThe412AndEachSeesTheOthersChangesLive() throws Exception {
        try (WorkbenchPage a = WorkbenchPage.signedIn(service().baseUrl(), PLANNER_A, PASSWORD);
             WorkbenchPage b = WorkbenchPage.signedIn(service().baseUrl(), PLANNER_B, PASSWORD)) {
            double[] inside = interiorPoint(DISTRICT);
            // a zone saved by someone else (through the API) appears on both pages without a reload
            String id = createZone("两人编辑的禁燃区", "III", inside);
            for (WorkbenchPage page : List.of(a, b)) {
                page.waitFor("the new zone, live", d -> page.onMap("ban-zones", id) != null);
                page.view(inside[0], inside[1], 14);
                page.openEditor("ban-zones", id, inside[0], inside[1]);
            }

            // B renames it and saves; A, still editing, is told at once
            String first = etag("ban-zones", id);
            b.fill("name", "乙改过的名称");
            assertThat(b.saveAndWait()).startsWith("ban-zones/" + id + "/").isNotEqualTo("ban-zones/" + id + "/" + first);
            String bs = etag("ban-zones", id);
            a.waitFor("A hears of B's save", d -> a.message().contains(PLANNER_B));

            // A changes the class and saves on the old version: 412, both versions side by side
            a.fill("class", "I");
            a.press("editor-save");
            a.waitFor("the conflict view", d -> "conflict".equals(a.body("editor")) && !a.all("[data-testid=conflict-diff]").isEmpty());
            List<String> differing = a.all("[data-testid=conflict-diff] tr[data-property]").stream().map(tr -> tr.getAttribute("data-property")).toList();
            assertThat(differing).containsExactlyInAnyOrder("name", "class");
            assertThat(a.driver().findElement(By.cssSelector("[data-testid=conflict-diff] tr[data-property=name]")).getText())
                    .contains("两人编辑的禁燃区").contains("乙改过的名称");
            assertThat(a.field("class")).as("what A chose is still in the form").isEqualTo("I");
            a.screenshot("workbench-" + store() + "-4-conflict.png");
            assertThat(item("ban-zones", id).at("/properties/class").asText()).as("nothing half-saved").isEqualTo("III");

            // A knowingly puts their edit over B's
            a.press("conflict-reapply");
            a.waitFor("A's save", d -> a.body("saved").startsWith("ban-zones/" + id + "/"));
            assertThat(a.body("saved")).isEqualTo("ban-zones/" + id + "/" + etag("ban-zones", id)).doesNotEndWith("/" + bs);
            JsonNode now = item("ban-zones", id);
            assertThat(now.at("/properties/class").asText()).isEqualTo("I");
            assertThat(now.at("/properties/name").asText()).as("A's form held the old name, and A chose to keep it").isEqualTo("两人编辑的禁燃区");

            // B closed its editor after saving; A's version reaches B's map without a reload
            b.waitFor("A's version on B's map", d -> "I".equals(String.valueOf(b.onMap("ban-zones", id) == null ? "" : b.onMap("ban-zones", id).get("class"))));
            b.screenshot("workbench-" + store() + "-5-live.png");

            // B deletes it; it leaves A's map
            b.openEditor("ban-zones", id, inside[0], inside[1]);
            b.press("editor-delete");
            b.press("editor-delete");
            b.waitFor("the delete", d -> "editor-deleted".equals(b.testid("workbench-message").getAttribute("data-event")));
            a.waitFor("the zone gone from A's map", d -> a.onMap("ban-zones", id) == null);
            assertThat(service().get("/ogc/collections/ban-zones/items/" + id).statusCode()).isEqualTo(404);
            assertThat(a.consoleErrors()).isEmpty();
            assertThat(b.consoleErrors()).isEmpty();
        }
    }

    // ---- helpers shared with WorkbenchBrowserTest ----

    JsonNode item(String collection, String id) throws Exception {
        HttpResponse<String> r = service().get("/ogc/collections/" + collection + "/items/" + id);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    /** The feature's ETag without its quotes ("v1351" → v1351), as data-saved has it. */
    String etag(String collection, String id) {
        return service().get("/ogc/collections/" + collection + "/items/" + id).headers().firstValue("ETag").orElseThrow().replace("\"", "");
    }

    /** A point inside the district, from the OGC API's full geometry (JTS's interior point). */
    double[] interiorPoint(String district) throws Exception {
        var point = districtGeometry(district).getInteriorPoint();
        return new double[] {point.getX(), point.getY()};
    }

    Geometry districtGeometry(String district) throws Exception {
        return geometry(districtFeature(district).get("geometry"));
    }

    /** The outer ring of a Polygon, or of a MultiPolygon's first polygon (the drawn collections store MultiPolygons). */
    static JsonNode exteriorRing(JsonNode geometry) {
        JsonNode polygon = "MultiPolygon".equals(geometry.get("type").asText()) ? geometry.at("/coordinates/0") : geometry.get("coordinates");
        return polygon.get(0);
    }

    static Geometry geometry(JsonNode geoJson) throws Exception {
        return new GeoJsonReader().read(geoJson.toString());
    }

    JsonNode districtFeature(String district) throws Exception {
        JsonNode all = JSON.readTree(service().get("/ogc/collections/districts/items?limit=10000").body());
        for (JsonNode f : all.get("features")) if (district.equals(f.at("/properties/name").asText())) return f;
        return fail("no district " + district);
    }

    /**
     * A vertex of the district as the page's layer draws it once zoomed in to it, when the page holds
     * the stored outlines (data-district-simplify 0): what a planner snaps to there.
     */
    double[] districtVertex(WorkbenchPage page, String district) throws Exception {
        double[] inside = interiorPoint(district);
        page.view(inside[0], inside[1], 13);
        page.waitFor("the stored outlines", d -> "0".equals(page.body("districtSimplify")));
        List<?> v = (List<?>) page.js("""
                let found = null;
                airzoneMap.eachLayer((l) => {
                  if (!found && l.feature?.properties?.name === arguments[0] && l.options.className?.includes('az-district')) {
                    const points = l.getLatLngs().flat(Infinity);
                    const p = points[Math.floor(points.length / 3)];
                    found = [p.lng, p.lat];
                  }
                });
                return found;""", district);
        if (v == null) fail("no district " + district + " on the map");
        return new double[] {((Number) v.get(0)).doubleValue(), ((Number) v.get(1)).doubleValue()};
    }

    /** A small square ban zone around a point, created through the OGC API by the admin; returns its id. */
    String createZone(String name, String banClass, double[] at) throws Exception {
        double d = 0.004;
        String body = JSON.writeValueAsString(Map.of("type", "Feature",
                "properties", Map.of("name", name, "class", banClass),
                "geometry", Map.of("type", "Polygon", "coordinates", List.of(List.of(
                        List.of(at[0] - d, at[1] - d), List.of(at[0] + d, at[1] - d), List.of(at[0] + d, at[1] + d),
                        List.of(at[0] - d, at[1] + d), List.of(at[0] - d, at[1] - d))))));
        HttpResponse<String> r = service().send("POST", "/ogc/collections/ban-zones/items", body,
                "Authorization", RunningService.adminAuth(), "Content-Type", "application/geo+json");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return JSON.readTree(r.body()).get("id").asText();
    }
}
