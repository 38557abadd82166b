package airzone.web;

import airzone.RunningService;
import com.fasterxml.jackson.databind.JsonNode;
import net.sf.geographiclib.Geodesic;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The rest of the workbench on the embedded store (the draw–save–412 path of the contract runs here
 * too): zone from districts, clip to a district, a circle of true metric radius, history and restore
 * as admin, an expired session in the middle of an edit, values the service refuses, and the
 * language switch.
 */
class WorkbenchBrowserTest extends WorkbenchBrowserContract {

    /** A district of 秦皇岛市 that borders 海港区. */
    private static final String NEIGHBOUR = "北戴河区";

    @Override
    RunningService startService() {
        return RunningService.start(RunningService.Store.H2GIS);
    }

    @Override
    String store() {
        return "h2gis";
    }

    @Test
    void aZoneMadeFromTwoDistrictsIsTheirUnionAsTheServiceComputesIt() throws Exception {
        try (WorkbenchPage page = WorkbenchPage.signedIn(service().baseUrl(), PLANNER_A, PASSWORD)) {
            double[] inside = interiorPoint(NEIGHBOUR);
            page.view(inside[0], inside[1], 10);
            page.chooseLayer("ban-zones");
            page.press("tool-from-districts");
            // one by name, one by a click on the map
            page.testid("district-search").sendKeys(DISTRICT + "（秦皇岛市）", Keys.ENTER);
            page.clickAt(inside[0], inside[1], 0, 0);
            page.waitFor("both districts chosen", d -> page.all("[data-testid=district-chosen] li").size() == 2);
            page.screenshot("workbench-h2gis-6-from-districts.png");
            page.press("district-make");
            page.waitFor("the editor of the union", d -> "new".equals(page.body("editor")));
            assertThat(page.field("name")).isEqualTo(DISTRICT + "、" + NEIGHBOUR);
            page.fill("class", "II");
            String[] saved = page.saveAndWait().split("/");

            String ids = JSON.writeValueAsString(List.of(districtFeature(DISTRICT).get("id").asText(), districtFeature(NEIGHBOUR).get("id").asText()));
            HttpResponse<String> union = service().send("POST", "/api/shapes/union", "{\"collection\":\"districts\",\"ids\":" + ids + "}",
                    "Content-Type", "application/json");
            assertThat(union.statusCode()).as(union.body()).isEqualTo(200);
            Geometry expected = geometry(JSON.readTree(union.body()).get("geometry"));
            Geometry stored = geometry(item("ban-zones", saved[1]).get("geometry"));
            // the store keeps a MultiPolygon where the union is one Polygon: the same points, the same vertices
            assertThat(stored.equalsTopo(expected)).as("the saved zone covers what the service's union covers").isTrue();
            assertThat(stored.getNumPoints()).as("and has its vertices").isEqualTo(expected.getNumPoints());
        }
    }

    @Test
    void aDrawnShapeClippedToADistrictLiesInsideIt() throws Exception {
        try (WorkbenchPage page = WorkbenchPage.signedIn(service().baseUrl(), PLANNER_A, PASSWORD)) {
            double[] vertex = districtVertex(page, DISTRICT);
            page.view(vertex[0], vertex[1], 12);
            page.chooseLayer("control-zones");
            page.press("tool-rectangle");
            // a rectangle around a point of the district's boundary: part of it lies outside
            page.clickAt(vertex[0], vertex[1], -120, -90);
            page.clickAt(vertex[0], vertex[1], 120, 90);
            page.waitFor("the editor", d -> "new".equals(page.body("editor")));
            page.press("tool-clip");
            double[] inside = interiorPoint(DISTRICT);
            page.view(inside[0], inside[1], 12);
            page.clickAt(inside[0], inside[1], 0, 0);
            page.waitFor("the clip", d -> page.message().contains(DISTRICT));
            page.fill("name", "裁剪到海港区的管控区");
            page.fill("zone_type", "fireworks_ban");
            String[] saved = page.saveAndWait().split("/");
            Geometry clipped = geometry(item("control-zones", saved[1]).get("geometry"));
            Geometry district = districtGeometry(DISTRICT);
            assertThat(clipped.getArea()).isPositive();
            assertThat(district.buffer(1e-7).covers(clipped)).as("inside " + DISTRICT).isTrue();
        }
    }

    @Test
    void aCircleIsSavedAsAPolygonWithTheTrueMetricRadius() throws Exception {
        try (WorkbenchPage page = WorkbenchPage.signedIn(service().baseUrl(), PLANNER_A, PASSWORD)) {
            double[] inside = interiorPoint(DISTRICT);
            page.view(inside[0], inside[1], 11);
            page.chooseLayer("ban-zones");
            page.press("tool-circle");
            page.clickAt(inside[0], inside[1], 0, 0);
            page.clickAt(inside[0], inside[1], 160, 0);
            page.waitFor("the circle from the service", d -> "circle".equals(page.testid("workbench-message").getAttribute("data-event")));
            double radius = Double.parseDouble(page.testid("workbench-message").getAttribute("data-radius-m"));
            JsonNode center = JSON.readTree(page.testid("workbench-message").getAttribute("data-center"));
            assertThat(radius).as("160 px at zoom 11 is some kilometres").isBetween(3_000.0, 20_000.0);
            page.fill("name", "圆形禁燃区");
            page.fill("class", "III");
            String[] saved = page.saveAndWait().split("/");
            page.screenshot("workbench-h2gis-7-circle.png");

            double lon = center.get(0).asDouble();
            double lat = center.get(1).asDouble();
            JsonNode ring = exteriorRing(item("ban-zones", saved[1]).get("geometry"));
            assertThat(ring.size()).isGreaterThan(32);
            for (JsonNode p : ring) {
                double s12 = Geodesic.WGS84.Inverse(lat, lon, p.get(1).asDouble(), p.get(0).asDouble()).s12;
                assertThat(s12).as("GeographicLib distance of a vertex from the centre").isCloseTo(radius, within(radius * 0.002));
            }
        }
    }

    @Test
    void anAdminSeesAZonesHistoryAndRestoresAnEarlierVersion() throws Exception {
        double[] inside = interiorPoint(NEIGHBOUR);
        String id = createZone("第一版名称", "III", inside);
        for (String name : List.of("第二版名称", "第三版名称")) replaceName(id, name);
        try (WorkbenchPage page = WorkbenchPage.signedIn(service().baseUrl(), RunningService.ADMIN, RunningService.ADMIN_PASSWORD)) {
            page.view(inside[0], inside[1], 14);
            page.openEditor("ban-zones", id, inside[0], inside[1]);
            page.press("editor-history");
            page.waitFor("the history", d -> page.all("[data-testid=history] li").size() == 3);
            List<Long> versions = page.all("[data-testid=history] li").stream().map(li -> Long.parseLong(li.getAttribute("data-version"))).toList();
            assertThat(versions).as("newest first").isSortedAccordingTo(java.util.Comparator.reverseOrder());
            assertThat(page.all("[data-testid=history] li").get(0).getText()).contains(RunningService.ADMIN).contains("名称");
            long oldest = versions.get(2);
            page.driver().findElement(By.cssSelector("[data-testid=history] li[data-version='" + oldest + "'] .wb-history-version")).click();
            page.screenshot("workbench-h2gis-8-history.png");
            page.press("restore-" + oldest);
            page.waitFor("the restored version in the editor", d -> "第一版名称".equals(page.field("name")));
            JsonNode now = item("ban-zones", id);
            assertThat(now.at("/properties/name").asText()).isEqualTo("第一版名称");
            assertThat(Long.parseLong(etag("ban-zones", id).substring(1))).as("the restore is a new version").isGreaterThan(versions.get(0));
        }
    }

    @Test
    void anExpiredSessionKeepsTheDrawingAndTheFormAndTheSaveWorksAfterSigningInAgain() throws Exception {
        try (WorkbenchPage page = WorkbenchPage.signedIn(service().baseUrl(), PLANNER_B, PASSWORD)) {
            double[] inside = interiorPoint(DISTRICT);
            page.view(inside[0], inside[1], 13);
            page.chooseLayer("industrial-parks");
            page.press("tool-rectangle");
            page.clickAt(inside[0], inside[1], -60, -40);
            page.clickAt(inside[0], inside[1], 60, 40);
            page.waitFor("the editor", d -> "new".equals(page.body("editor")));
            page.fill("name", "会话过期时画的园区");
            int before = count("industrial-parks");

            // the session ends on the server (as after its lifetime, or a sign-out elsewhere)
            String token = page.driver().manage().getCookieNamed("airzone_session").getValue();
            assertThat(service().send("POST", "/api/logout", null, "Authorization", "Bearer " + token).statusCode()).isEqualTo(204);
            page.press("editor-save");
            page.waitFor("the sign-in request", d -> page.message().contains("会话已过期"));
            page.waitFor("the sign-in form", d -> page.testid("session-panel").isDisplayed());
            assertThat(page.field("name")).isEqualTo("会话过期时画的园区");
            assertThat(count("industrial-parks")).as("nothing saved").isEqualTo(before);
            page.screenshot("workbench-h2gis-9-session-expired.png");

            assertThat(page.driver().findElement(By.cssSelector("[data-testid=session-form] [name=name]")).getAttribute("value")).as("the name filled in").isEqualTo(PLANNER_B);
            page.driver().findElement(By.cssSelector("[data-testid=session-form] [name=password]")).sendKeys(PASSWORD, Keys.ENTER);
            page.waitFor("signed in again", d -> page.message().contains("已重新登录"));
            String[] saved = page.saveAndWait().split("/");
            assertThat(item("industrial-parks", saved[1]).at("/properties/name").asText()).isEqualTo("会话过期时画的园区");
        }
    }

    @Test
    void valuesTheServiceRefusesAreExplainedAndTheFormKeepsThem() throws Exception {
        try (WorkbenchPage page = WorkbenchPage.signedIn(service().baseUrl(), PLANNER_A, PASSWORD)) {
            double[] inside = interiorPoint(DISTRICT);
            page.view(inside[0], inside[1], 12);
            page.press("tool-point");
            page.clickAt(inside[0], inside[1], 30, 0);
            page.waitFor("the heat source form", d -> "new".equals(page.body("editor")));
            page.fill("name", "规划热电厂");
            page.fill("largest_unit_mw", "99999");
            page.fill("chp", "yes");
            assertThat(page.field("status")).as("a drawn plant starts as planned").isEqualTo("planned");
            int before = count("heat-sources");
            page.press("editor-save");
            page.waitFor("the refusal", d -> page.message().contains("largest_unit_mw"));
            assertThat(page.message()).startsWith("请求有误");
            assertThat(page.field("largest_unit_mw")).isEqualTo("99999");
            assertThat(count("heat-sources")).isEqualTo(before);
            page.screenshot("workbench-h2gis-10-refused.png");

            // a required field left empty is named before anything is sent
            page.fill("name", "");
            page.press("editor-save");
            page.waitFor("the missing field", d -> page.message().contains("名称"));

            page.fill("name", "规划热电厂");
            page.fill("largest_unit_mw", "350");
            String[] saved = page.saveAndWait().split("/");
            assertThat(item("heat-sources", saved[1]).at("/properties/largest_unit_mw").asDouble()).isEqualTo(350.0);
        }
    }

    @Test
    void theWorkbenchSpeaksEnglishAfterTheSwitchAndChineseAgainAfterIt() throws Exception {
        try (WorkbenchPage page = WorkbenchPage.signedIn(service().baseUrl(), PLANNER_A, PASSWORD)) {
            assertThat(page.testid("tool-polygon").getText()).isEqualTo("多边形");
            page.press("language-switch");
            page.reload();
            assertThat(page.testid("tool-polygon").getText()).isEqualTo("Polygon");
            assertThat(page.testid("tool-from-districts").getText()).isEqualTo("From districts");
            // a tablet held upright: the panel leaves most of the map free
            page.driver().manage().window().setSize(new Dimension(768, 1024));
            page.waitFor("the map at its new size", d -> ((Number) page.js("return airzoneMap.getSize().x")).intValue() == page.testid("map").getSize().width);
            page.press("tool-rectangle");
            double[] inside = interiorPoint(DISTRICT);
            page.view(inside[0], inside[1], 13);
            // left of the centre: the legend takes the lower right
            page.clickAt(inside[0], inside[1], -100, -60);
            page.clickAt(inside[0], inside[1], -20, 20);
            page.waitFor("the editor", d -> "new".equals(page.body("editor")));
            assertThat(page.driver().findElement(By.cssSelector("label[for='wb-ban-zones-name']")).getText()).isEqualTo("Name *");
            assertThat(page.testid("map").getLocation().getY()).as("the header stays short").isLessThan(120);
            assertThat(page.testid("workbench").getSize().width).isLessThan(768 / 2);
            page.screenshot("workbench-h2gis-11-english-768.png");
            page.press("editor-cancel");
            page.press("language-switch");
            page.reload();
            assertThat(page.testid("tool-polygon").getText()).isEqualTo("多边形");
        }
    }

    /** The desk beside the map: a planner has every tab but the users', an admin all; open, the map makes room. */
    @Test
    void theDeskFoldsOutBesideTheMapWithTheTabsTheUserMayUse() throws Exception {
        try (WorkbenchPage page = WorkbenchPage.signedIn(service().baseUrl(), PLANNER_A, PASSWORD)) {
            assertThat(page.all("[data-testid^=desk-tab-]").stream().filter(WebElement::isDisplayed).map(e -> e.getAttribute("data-testid")))
                    .containsExactly("desk-tab-screen", "desk-tab-batch", "desk-tab-transfer", "desk-tab-rules");
            int folded = page.testid("map").getSize().width;
            page.press("desk-tab-rules");
            page.waitFor("the rules tab open", d -> "rules".equals(page.body("desk")) && !page.testid("desk-rules").getText().isBlank());
            page.waitFor("the map beside the open desk", d -> ((Number) page.js("return airzoneMap.getSize().x")).intValue() == page.testid("map").getSize().width);
            assertThat(page.testid("map").getSize().width).isLessThan(folded - 300);
            page.press("desk-tab-rules");
            page.waitFor("the desk folded", d -> page.body("desk").isEmpty() && page.testid("map").getSize().width == folded);
        }
        try (WorkbenchPage page = WorkbenchPage.signedIn(service().baseUrl(), RunningService.ADMIN, RunningService.ADMIN_PASSWORD)) {
            assertThat(page.testid("desk-tab-users").isDisplayed()).isTrue();
        }
    }

    private void replaceName(String id, String name) throws Exception {
        HttpResponse<String> current = service().get("/ogc/collections/ban-zones/items/" + id);
        JsonNode feature = JSON.readTree(current.body());
        ((com.fasterxml.jackson.databind.node.ObjectNode) feature.get("properties")).put("name", name);
        HttpResponse<String> r = service().send("PUT", "/ogc/collections/ban-zones/items/" + id,
                JSON.writeValueAsString(Map.of("type", "Feature", "id", id, "properties", feature.get("properties"), "geometry", feature.get("geometry"))),
                "Authorization", RunningService.adminAuth(), "Content-Type", "application/geo+json",
                "If-Match", current.headers().firstValue("ETag").orElseThrow());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    private int count(String collection) throws Exception {
        return JSON.readTree(service().get("/ogc/collections/" + collection + "/items?limit=1").body()).get("numberMatched").asInt();
    }
}
