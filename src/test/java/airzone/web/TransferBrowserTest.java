package airzone.web;

import airzone.RunningService;
import com.fasterxml.jackson.databind.JsonNode;
import net.sf.geographiclib.Geodesic;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The desk's transfer, rules and users tabs on the embedded store (the transfer round trip of the
 * contract runs here too): an admin changes the heating radius — a bad value refused at its field,
 * then a good one, and the radii on the map redraw with it (checked against GeographicLib); an admin
 * adds a user (a weak password refused first), cannot demote the last admin, and the new user signs
 * in; and the tabs once in English. Screenshots: target/screenshots/admin-*.png, transfer-*.png.
 */
class TransferBrowserTest extends TransferBrowserContract {

    @Override
    RunningService startService() {
        return RunningService.start(RunningService.Store.H2GIS);
    }

    @Override
    String store() {
        return "h2gis";
    }

    @Test
    void anAdminChangesTheHeatingRadiusAndTheRadiiOnTheMapRedrawWithIt() throws Exception {
        try (DeskPage desk = DeskPage.signedIn(service().baseUrl(), RunningService.ADMIN, RunningService.ADMIN_PASSWORD)) {
            WorkbenchPage page = desk.page();
            desk.open("rules", "[data-testid=rule-heating-radius]");
            assertThat(page.testid("rule-heating-radius").getText()).contains("15").contains("km").contains("赤峰市")
                    .contains("赤峰市空气质量持续改善行动实施方案").contains("（七）");
            assertThat(page.testid("param-heating-radius-radius_km").getAttribute("value")).isEqualTo("15");
            desk.screenshot("admin-1-rules.png");

            // refused: said at the field, and what was typed stays
            desk.type("param-heating-radius-radius_km", "-5");
            page.press("rule-save-heating-radius");
            page.waitFor("the refusal", d -> "refused".equals(page.testid("rule-status-heating-radius").getAttribute("data-state")));
            assertThat(page.testid("param-error-heating-radius-radius_km").isDisplayed()).isTrue();
            assertThat(page.testid("param-error-heating-radius-radius_km").getText()).contains("> 0").contains("200 km");
            assertThat(page.testid("rule-status-heating-radius").getText()).as("the service's own words too")
                    .contains("radius_km").contains("greater than 0");
            assertThat(page.testid("param-heating-radius-radius_km").getAttribute("value")).isEqualTo("-5");
            desk.screenshot("admin-2-refused.png");
            assertThat(radiusKm()).as("nothing changed").isEqualTo(15.0);

            desk.type("param-heating-radius-radius_km", "12");
            page.press("rule-save-heating-radius");
            page.waitFor("the radii redrawn", d -> "redrawn".equals(page.testid("rule-status-heating-radius").getAttribute("data-state")),
                    java.time.Duration.ofSeconds(60));
            assertThat(page.testid("param-error-heating-radius-radius_km").isDisplayed()).isFalse();
            assertThat(radiusKm()).isEqualTo(12.0);
            List<Map<String, Object>> radii = desk.drawn("heating-radii");
            assertThat(radii).isNotEmpty().allSatisfy(p -> assertThat(((Number) p.get("radius_km")).doubleValue()).isEqualTo(12.0));
            assertThat(page.all(".leaflet-control [data-param=radius]").get(0).getText()).as("the legend").startsWith("12 km");
            desk.screenshot("admin-3-redrawn.png");

            // the circle the map draws lies 12 km from its plant, as GeographicLib measures it
            @SuppressWarnings("unchecked")
            Map<String, Object> drawnRadius = (Map<String, Object>) page.js("""
                    let found = null;
                    airzoneMap.eachLayer((l) => {
                      if (!found && l.feature?.properties?.['@collection'] === 'heating-radii' && l.getElement?.()) found = l.feature;
                    });
                    return JSON.parse(JSON.stringify(found));""");
            JsonNode radius = JSON.valueToTree(drawnRadius);
            JsonNode plant = JSON.readTree(service().get("/ogc/collections/heat-sources/items/"
                    + radius.at("/properties/heat_source_id").asText()).body()).at("/geometry/coordinates");
            JsonNode polygon = "MultiPolygon".equals(radius.at("/geometry/type").asText())
                    ? radius.at("/geometry/coordinates/0/0") : radius.at("/geometry/coordinates/0");
            assertThat(polygon.size()).isGreaterThan(32);
            for (JsonNode p : polygon) {
                double s12 = Geodesic.WGS84.Inverse(plant.get(1).asDouble(), plant.get(0).asDouble(), p.get(1).asDouble(), p.get(0).asDouble()).s12;
                assertThat(s12).as("geodesic distance of a drawn vertex from the plant").isCloseTo(12_000, within(12_000 * 0.003));
            }
            assertThat(page.consoleErrors()).isEmpty();
        } finally {
            edits().setHeatingRadius(15);
        }
    }

    @Test
    void anAdminAddsAUserWhoThenSignsInAndTheLastAdminStays() throws Exception {
        try (DeskPage desk = DeskPage.signedIn(service().baseUrl(), RunningService.ADMIN, RunningService.ADMIN_PASSWORD)) {
            WorkbenchPage page = desk.page();
            desk.open("users", "[data-testid=users-list] tr[data-user='" + RunningService.ADMIN + "']");
            assertThat(page.testid("users-list").getText()).contains(PLANNER);

            desk.type("user-name", "tr-newbie");
            desk.type("user-password", "short");
            desk.select("user-new-role", "planner");
            page.press("user-add-submit");
            page.waitFor("the refusal", d -> "error".equals(page.testid("users-message").getAttribute("data-kind")));
            assertThat(page.testid("users-message").getAttribute("data-reason")).isEqualTo("password");
            assertThat(desk.text("users-message")).contains("8 到 72");
            assertThat(page.testid("user-name").getAttribute("value")).as("the name stays").isEqualTo("tr-newbie");
            desk.screenshot("admin-4-weak-password.png");

            desk.type("user-password", "newbie-password");
            page.press("user-add-submit");
            By row = By.cssSelector("[data-testid=users-list] tr[data-user='tr-newbie']");
            page.waitFor("the new user listed", d -> !d.findElements(row).isEmpty());
            assertThat(page.driver().findElement(row).getAttribute("data-role")).isEqualTo("planner");
            assertThat(page.driver().findElement(row).getAttribute("data-disabled")).isEqualTo("false");
            assertThat(page.driver().findElement(row).getAttribute("data-locked")).isEqualTo("false");

            // the same name again is refused, and said so
            desk.type("user-name", "tr-newbie");
            desk.type("user-password", "another-password");
            page.press("user-add-submit");
            page.waitFor("the name refused", d -> "taken".equals(page.testid("users-message").getAttribute("data-reason")));
            assertThat(page.testid("user-name").getAttribute("value")).isEqualTo("tr-newbie");

            // the only admin cannot make itself a planner
            var adminRole = page.driver().findElement(By.cssSelector("tr[data-user='" + RunningService.ADMIN + "'] [data-testid=user-role]"));
            new org.openqa.selenium.support.ui.Select(adminRole).selectByValue("planner");
            page.waitFor("the last-admin refusal", d -> "lastAdmin".equals(page.testid("users-message").getAttribute("data-reason")));
            assertThat(desk.text("users-message")).contains("最后一个启用的管理员");
            assertThat(page.driver().findElement(By.cssSelector("tr[data-user='" + RunningService.ADMIN + "'] [data-testid=user-role]"))
                    .getAttribute("value")).isEqualTo("admin");
            desk.screenshot("admin-5-users.png");
            assertThat(JSON.readTree(service().get("/api/session", "Authorization", RunningService.adminAuth()).body()).get("role").asText())
                    .isEqualTo("admin");

            // the new user signs in on this page
            page.press("session-out");
            page.waitFor("signed out", d -> "anonymous".equals(page.body("session")));
            page.press("session-open");
            page.driver().findElement(By.cssSelector("[data-testid=session-form] input[name=name]")).sendKeys("tr-newbie");
            page.driver().findElement(By.cssSelector("[data-testid=session-form] input[name=password]")).sendKeys("newbie-password");
            page.driver().findElement(By.cssSelector("[data-testid=session-form] button[type=submit]")).click();
            page.waitFor("tr-newbie signed in", d -> "tr-newbie".equals(page.body("user")));
            assertThat(page.body("role")).isEqualTo("planner");
            assertThat(page.testid("desk-tab-users").isDisplayed()).as("the users tab is for admins").isFalse();
            desk.screenshot("admin-6-new-user.png");
            assertThat(page.consoleErrors()).isEmpty();
        }
    }

    @Test
    void theTabsInEnglish() throws Exception {
        Path file = Files.createTempFile("one-zone", ".geojson");
        try (DeskPage desk = DeskPage.signedIn(service().baseUrl(), PLANNER, PASSWORD)) {
            WorkbenchPage page = desk.page();
            page.js("localStorage.setItem('airzone.language', 'en')");
            page.reload();
            desk.open("transfer", "[data-testid=export-form]");
            assertThat(page.testid("export-form").getText()).contains("Export a layer").contains("Download");
            desk.select("export-layer", "heat-sources");
            desk.select("export-format", "kml");
            assertThat(page.testid("export-crs").isEnabled()).isFalse();
            assertThat(page.testid("export-crs-hint").getText()).contains("KML is WGS 84");
            assertThat(page.testid("export-encoding").isEnabled()).isFalse();
            Path kml = desk.download();
            assertThat(desk.text("export-message")).startsWith("Downloaded");
            assertThat(Files.readString(kml)).contains("<kml").contains("<Placemark");

            Files.writeString(file, """
                    {"type":"FeatureCollection","features":[{"type":"Feature","id":"tr-english","properties":{"name":"English zone","class":"I"},
                      "geometry":{"type":"Polygon","coordinates":[[[119.40,39.70],[119.45,39.70],[119.45,39.74],[119.40,39.74],[119.40,39.70]]]}}]}""",
                    StandardCharsets.UTF_8);
            desk.select("import-layer", "ban-zones");
            desk.chooseFile(file);
            assertThat(desk.dryRun()).isEqualTo("previewed");
            assertThat(desk.text("import-message")).startsWith("Checked: 1 features would be created");
            assertThat(desk.previewIds()).containsExactly("tr-english");
            desk.screenshot("transfer-en-1-preview.png");
            page.press("import-discard");
            assertThat(desk.previewIds()).isEmpty();
            assertThat(service().get("/ogc/collections/ban-zones/items/tr-english").statusCode()).isEqualTo(404);

            desk.open("rules", "[data-testid=rule-heating-radius]");
            assertThat(page.testid("rule-heating-radius").getText()).contains("Coal heating boilers within the heating radius")
                    .contains("Parameter").contains("Default");
            assertThat(page.all("[data-testid=rule-save-heating-radius]")).as("a planner reads, an admin edits").isEmpty();
            desk.screenshot("admin-en-1-rules.png");
            assertThat(page.consoleErrors()).isEmpty();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private double radiusKm() throws Exception {
        for (JsonNode rule : JSON.readTree(service().get("/api/rules").body()).get("rules")) {
            if (rule.get("id").asText().equals("heating-radius")) return rule.at("/values/radius_km").asDouble();
        }
        throw new AssertionError("no heating-radius rule");
    }
}
