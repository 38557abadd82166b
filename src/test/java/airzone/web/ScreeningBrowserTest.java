package airzone.web;

import airzone.RunningService;
import airzone.io.Gdal;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.openqa.selenium.WebElement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The desk's screening tab in headless Chromium on the embedded store, as a viewer at the EIA desk
 * uses it: a coal heating boiler clicked inside a ban zone near a CHP plant; the same place typed as
 * Gauss-Krüger X/Y (computed with gdaltransform) and as DMS; a refused coordinate and a refused
 * attribute; the printable report in a new tab; an outline drawn, all in English.
 * Screenshots: target/screenshots/screening-&lt;n&gt;-&lt;step&gt;.png.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScreeningBrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VIEWER = "desk-viewer";
    private static final String PASSWORD = "viewer-password";
    private static final Map<String, String> COAL_HEATING_BOILER = new LinkedHashMap<>(Map.of(
            "fuel", "coal", "boiler_tph", "10", "boiler_use", "heating", "new", "true"));

    private RunningService service;
    /** A point inside a ban zone where a new coal heating boiler is prohibited and a CHP plant is near. */
    private double[] banned;

    @BeforeAll
    void start() throws Exception {
        Gdal.requireTools();
        service = RunningService.start(RunningService.Store.H2GIS);
        HttpResponse<String> added = service.send("POST", "/api/users",
                "{\"name\":\"" + VIEWER + "\",\"password\":\"" + PASSWORD + "\",\"role\":\"viewer\"}",
                "Authorization", RunningService.adminAuth(), "Content-Type", "application/json");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        banned = bannedPointNearAChpPlant();
    }

    @AfterAll
    void stop() throws Exception {
        if (service != null) service.close();
    }

    /** From the OGC API's ban zones: an interior point where the boiler is prohibited and the heating-radius line is short. */
    private double[] bannedPointNearAChpPlant() throws Exception {
        JsonNode zones = JSON.readTree(service.get("/ogc/collections/ban-zones/items?limit=1000").body());
        for (JsonNode zone : zones.get("features")) {
            Geometry g = new GeoJsonReader().read(zone.get("geometry").toString());
            var p = g.getInteriorPoint();
            JsonNode result = apiScreen(p.getX(), p.getY());
            JsonNode radius = first(result, "heating-radius");
            if ("prohibited".equals(result.get("verdict").asText()) && first(result, "ban-zone-class") != null
                    && radius != null && radius.get("distance_km").asDouble() < 15) {
                return new double[]{p.getX(), p.getY()};
            }
        }
        throw new AssertionError("no ban zone with a CHP plant within 15 km in the sample data");
    }

    @Test
    void aCoalBoilerClickedInsideABanZoneIsProhibitedWithTheClauseAndTheLineToThePlant() throws Exception {
        try (ScreeningPage tab = new ScreeningPage(WorkbenchPage.signedIn(service.baseUrl(), VIEWER, PASSWORD))) {
            WorkbenchPage page = tab.page();
            tab.open();
            tab.project(COAL_HEATING_BOILER);
            tab.project(Map.of("name", "燃煤供热锅炉（测试）"));
            page.view(banned[0], banned[1], 12);
            page.screenshot("screening-1-form.png");
            tab.pickAt(banned[0], banned[1]);
            page.screenshot("screening-1-prohibited.png");

            assertThat(page.body("verdict")).isEqualTo("prohibited");
            assertThat(page.testid("screening-verdict").getText()).contains("禁止");
            double[] site = tab.site();
            assertThat(site[0]).as("the click landed where it was aimed").isCloseTo(banned[0], within(2e-4));
            assertThat(site[1]).isCloseTo(banned[1], within(2e-4));
            JsonNode result = apiScreen(site[0], site[1]);

            // the ban zone: prohibited, with its document and clause (and the clause's words once the service gives them)
            WebElement ban = tab.findings("ban-zone-class").get(0);
            JsonNode banFinding = first(result, "ban-zone-class");
            assertThat(ban.getAttribute("data-severity")).isEqualTo("prohibited");
            assertThat(ban.getText()).contains(banFinding.get("message_zh").asText());
            WebElement citation = ban.findElement(org.openqa.selenium.By.cssSelector("[data-testid=screening-citation]"));
            assertThat(citation.getText()).contains(banFinding.get("citation").get("title").asText(), banFinding.get("citation").get("clause").asText());
            for (JsonNode f : result.get("findings")) {
                if (f.get("citation").hasNonNull("text_zh")) {
                    assertThat(page.all("[data-testid=screening-clause]").stream().map(WebElement::getText).toList())
                            .contains(f.get("citation").get("text_zh").asText());
                }
            }
            // prohibited findings come first, in their group
            List<String> order = page.all("[data-testid=screening-finding]").stream().map(e -> e.getAttribute("data-severity")).toList();
            assertThat(order.get(0)).isEqualTo("prohibited");
            assertThat(order).isSortedAccordingTo((a, b) -> rank(a) - rank(b));

            // the line to the heat source, labelled with its length in km; the zone hit outlined
            JsonNode radius = first(result, "heating-radius");
            page.waitFor("the line to the plant", d -> !page.all(".scr-line-heat-sources").isEmpty());
            List<String> labels = page.all(".scr-line-label-heat-sources").stream().map(WebElement::getText).toList();
            assertThat(labels).containsExactly(km(radius.get("distance_km").asDouble()));
            assertThat(page.all(".scr-hit-prohibited")).isNotEmpty();
            assertThat(tab.findings("heating-radius").get(0).getText()).contains(km(radius.get("distance_km").asDouble()));
            // the data versions the screening was made from
            assertThat(page.all("[data-testid=screening-data-versions] tr[data-collection=ban-zones]")).hasSize(1);

            // printing opens the report of the same screening in a new tab
            String here = page.driver().getWindowHandle();
            page.press("screening-print");
            page.waitFor("the report's tab", d -> d.getWindowHandles().size() == 2);
            String report = page.driver().getWindowHandles().stream().filter(h -> !h.equals(here)).findFirst().orElseThrow();
            page.driver().switchTo().window(report);
            page.waitFor("the report", d -> d.getCurrentUrl().contains("/api/screen/report?") && d.getPageSource().contains("禁燃区"));
            assertThat(page.driver().getCurrentUrl()).contains("fuel=coal", "boiler_use=heating", "lang=zh", "lon=" + BigDecimal.valueOf(site[0]).toPlainString());
            page.screenshot("screening-1-report.png");
            page.driver().close();
            page.driver().switchTo().window(here);

            // a second screening of the same site with other attributes: the form kept what was typed, the map's layer is replaced
            tab.project(Map.of("fuel", "gas"));
            assertThat(tab.field("name")).isEqualTo("燃煤供热锅炉（测试）");
            page.press("screening-screen");
            tab.waitDone();
            // the first screening's label fades out (Leaflet removes it 200 ms later): one stays
            page.waitFor("one label to the plant", d -> page.all(".scr-line-label-heat-sources").size() == 1);
            assertThat(tab.findings("ban-zone-class").get(0).getAttribute("data-severity")).isNotEqualTo("prohibited");
            assertThat(page.consoleErrors()).isEmpty();
        }
    }

    @Test
    void aGaussKrugerAndADmsCoordinateOfOnePlaceLandOnOneSite() throws Exception {
        double lon = 119.6;
        double lat = 39.94;
        // the X/Y an EIA document gives for it, from GDAL/PROJ (not from the code under test), to the millimetre
        double[] gk = Gdal.transform(4490, 4528, List.of(new double[]{lon, lat})).get(0);
        String xy = String.format(Locale.ROOT, "X=%.3f Y=%.3f", gk[1], gk[0]);
        try (ScreeningPage tab = new ScreeningPage(WorkbenchPage.signedIn(service.baseUrl(), VIEWER, PASSWORD))) {
            WorkbenchPage page = tab.page();
            tab.open();
            tab.project(COAL_HEATING_BOILER);
            tab.type(xy, null);
            tab.waitDone();
            page.screenshot("screening-2-gauss-kruger.png");
            double[] fromGk = tab.site();
            WebElement understood = page.testid("screening-understood");
            assertThat(understood.getAttribute("data-kind")).isEqualTo("gauss-kruger");
            assertThat(understood.getText()).contains("EPSG:4528", "高斯-克吕格");
            String verdict = page.body("verdict");

            tab.type("119°36′00″E 39°56′24″N", null);
            page.waitFor("the DMS site", d -> "dms".equals(page.testid("screening-understood").getAttribute("data-kind")));
            tab.waitDone();
            page.screenshot("screening-2-dms.png");
            double[] fromDms = tab.site();
            assertThat(fromDms[0]).isCloseTo(lon, within(1e-12));
            assertThat(fromDms[1]).isCloseTo(lat, within(1e-12));
            assertThat(fromGk[0]).as("the same place, to a millimetre").isCloseTo(fromDms[0], within(2e-8));
            assertThat(fromGk[1]).isCloseTo(fromDms[1], within(2e-8));
            assertThat(page.body("verdict")).isEqualTo(verdict).isEqualTo("prohibited");

            // a 6-digit Y with its zone given is the same place again
            tab.type(String.format(Locale.ROOT, "X=%.3f Y=%.3f", gk[1], gk[0] - 40_000_000), "40");
            page.waitFor("the 6-digit site", d -> page.testid("screening-understood").getText().contains("EPSG:4549"));
            tab.waitDone();
            assertThat(tab.site()[0]).isCloseTo(lon, within(2e-8));
        }
    }

    @Test
    void aRefusedCoordinateOrValueKeepsWhatWasTypedAndSaysWhy() throws Exception {
        try (ScreeningPage tab = new ScreeningPage(WorkbenchPage.signedIn(service.baseUrl(), VIEWER, PASSWORD))) {
            WorkbenchPage page = tab.page();
            tab.open();
            tab.project(Map.of("name", "拒绝测试", "fuel", "coal", "stack_height_m", "60"));
            tab.type("42.28, 118.95", null);
            tab.waitError();
            page.screenshot("screening-3-refused-coordinates.png");
            assertThat(tab.message()).contains("无法识别这组坐标", "latitude 118.95", "HTTP 400");
            assertThat(page.testid("screening-coordinates").getAttribute("value")).isEqualTo("42.28, 118.95");
            assertThat(tab.field("name")).isEqualTo("拒绝测试");
            assertThat(tab.field("stack_height_m")).isEqualTo("60");

            tab.type("X=4424412.3 Y=551209.8", "60");
            tab.waitError();
            assertThat(tab.message()).contains("zone 60");
            assertThat(page.testid("screening-zone").getAttribute("value")).isEqualTo("60");

            // a value the service refuses: said, and the form stays as typed
            tab.type("119.6, 39.94", null);
            tab.waitDone();
            tab.project(Map.of("boiler_tph", "-5"));
            page.press("screening-screen");
            tab.waitError();
            page.screenshot("screening-3-refused-value.png");
            assertThat(tab.message()).contains("筛查未完成", "boiler_tph");
            assertThat(tab.field("boiler_tph")).isEqualTo("-5");
            assertThat(tab.field("fuel")).isEqualTo("coal");
            assertThat(page.testid("screening-coordinates").getAttribute("value")).isEqualTo("119.6, 39.94");
        }
    }

    @Test
    void theWholeFlowInEnglishWithADrawnOutline() throws Exception {
        try (ScreeningPage tab = new ScreeningPage(WorkbenchPage.signedIn(service.baseUrl(), VIEWER, PASSWORD))) {
            WorkbenchPage page = tab.page();
            page.js("localStorage.setItem('airzone.language', 'en')");
            try {
                page.reload();
                tab.open();
                assertThat(page.testid("desk-screen").getText()).contains("Screen a project site", "Pick on the map", "Boiler capacity (t/h)");
                tab.project(COAL_HEATING_BOILER);
                tab.project(Map.of("name", "Coal boiler (test)"));
                page.view(banned[0], banned[1], 13);
                page.press("screening-draw");
                page.waitFor("drawing", d -> "drawing".equals(page.body("screening")));
                double[] c = page.pixel(banned[0], banned[1]);
                page.clickAt(c[0] - 40, c[1] - 30);
                page.clickAt(c[0] + 40, c[1] - 30);
                page.clickAt(c[0] + 40, c[1] + 30);
                page.clickAt(c[0] - 40, c[1] + 30);
                // the first corner again closes the outline: its marker, wherever snapping put it
                page.waitFor("the first corner's marker", d -> !page.all(".leaflet-marker-pane .marker-icon:not(.cursor-marker):not(.marker-icon-middle)").isEmpty());
                page.all(".leaflet-marker-pane .marker-icon:not(.cursor-marker):not(.marker-icon-middle)").get(0).click();
                tab.waitDone();
                page.screenshot("screening-4-english-outline.png");
                assertThat(page.body("verdict")).isEqualTo("prohibited");
                assertThat(page.testid("screening-verdict").getText()).contains("Prohibited");
                assertThat(page.testid("screening-site").getText()).contains("an outline of 4 corners");
                assertThat(page.body("editor")).as("the workbench's editor did not take the outline").isIn("", "idle");
                WebElement ban = tab.findings("ban-zone-class").get(0);
                assertThat(ban.getText()).contains("Prohibited:", "Basis:");
                for (WebElement summary : page.all("[data-testid=screening-summary]")) assertThat(summary.getText()).startsWith("In short:");
                assertThat(page.all(".scr-line-label-heat-sources")).hasSize(1);
                assertThat(page.testid("screening-print").isEnabled()).as("the report is made for point sites").isFalse();

                // and a point picked in English prints an English report
                tab.pickAt(banned[0], banned[1]);
                String here = page.driver().getWindowHandle();
                page.press("screening-print");
                page.waitFor("the report's tab", d -> d.getWindowHandles().size() == 2);
                page.driver().switchTo().window(page.driver().getWindowHandles().stream().filter(h -> !h.equals(here)).findFirst().orElseThrow());
                page.waitFor("the English report", d -> d.getCurrentUrl().contains("lang=en") && d.getPageSource().contains("Prohibited"));
                page.screenshot("screening-4-english-report.png");
                page.driver().close();
                page.driver().switchTo().window(here);
            } finally {
                page.js("localStorage.clear()");
            }
        }
    }

    private JsonNode apiScreen(double lon, double lat) throws Exception {
        StringBuilder query = new StringBuilder(String.format(Locale.ROOT, "lon=%s&lat=%s", BigDecimal.valueOf(lon).toPlainString(), BigDecimal.valueOf(lat).toPlainString()));
        COAL_HEATING_BOILER.forEach((k, v) -> query.append('&').append(k).append('=').append(v));
        HttpResponse<String> response = service.get("/api/screen?" + query);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static JsonNode first(JsonNode result, String rule) {
        for (JsonNode f : result.get("findings")) if (f.get("rule").asText().equals(rule)) return f;
        return null;
    }

    private static int rank(String severity) {
        return List.of("prohibited", "action_required", "info").indexOf(severity);
    }

    /** The page's label: at most two decimals, as Intl.NumberFormat rounds them. */
    private static String km(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + " km";
    }
}
