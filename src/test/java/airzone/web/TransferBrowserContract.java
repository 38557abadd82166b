package airzone.web;

import airzone.RunningService;
import airzone.ZoneEdits;
import airzone.io.Gdal;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The transfer tab's round trip in real headless Chromium, on each store: a planner exports the ban
 * zones as a GBK shapefile in the Gauss-Krüger zone the tab suggests, and GDAL reads it (Chinese
 * names, the CRS); a zone deleted since comes back by importing that file — the dry run shows the
 * report and draws the incoming zones on the map, and writes nothing; confirming imports it and the
 * map's layer has it. A file with one bad feature is refused with its reason, and nothing is written.
 * Screenshots of each step go to target/screenshots/transfer-*.png.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TransferBrowserContract {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String PLANNER = "tr-planner";
    static final String PASSWORD = PLANNER + "-password";
    /** 秦皇岛: 119.6°E, nearest to the central meridian 120°E of zone 40. */
    static final double LON = 119.6;
    static final double LAT = 39.93;

    private RunningService service;
    private ZoneEdits edits;
    private String planner;

    abstract RunningService startService();

    /** The store's name in screenshot file names. */
    abstract String store();

    RunningService service() {
        if (service == null) {
            Gdal.requireTools();
            service = startService();
            edits = new ZoneEdits(service);
            planner = edits.addUser(PLANNER, "planner");
        }
        return service;
    }

    ZoneEdits edits() {
        service();
        return edits;
    }

    @AfterAll
    void stopService() throws Exception {
        if (service != null) service.close();
    }

    @Test
    void aGbkShapefileExportedInTheSuggestedZoneIsReadByGdalAndImportedBackAfterADryRunWithPreview() throws Exception {
        String name = "导出再导入的禁燃区 " + store();
        ZoneEdits.Zone zone = edits().create(planner, name, "II");
        String id = zone.path().substring(zone.path().lastIndexOf('/') + 1);
        try (DeskPage desk = DeskPage.signedIn(service().baseUrl(), PLANNER, PASSWORD)) {
            WorkbenchPage page = desk.page();
            page.js("airzoneMap.setView([arguments[1], arguments[0]], 10, {animate: false})", LON, LAT);
            desk.open("transfer", "[data-testid=export-form]");
            desk.select("export-layer", "ban-zones");
            desk.select("export-format", "shapefile");
            assertThat(page.testid("export-encoding").getAttribute("value")).as("GBK suggested for a shapefile").isEqualTo("GBK");
            assertThat(page.testid("export-crs-hint").getText()).contains("EPSG:4528").contains("40").contains("120");
            String suggested = page.driver().findElement(org.openqa.selenium.By.cssSelector(
                    "[data-testid=export-crs] option[value='EPSG:4528']")).getText();
            assertThat(suggested).contains("★");
            desk.select("export-crs", "EPSG:4528");
            desk.screenshot("transfer-" + store() + "-1-export.png");
            Path zip = desk.download();
            assertThat(zip.getFileName().toString()).startsWith("ban-zones_").endsWith("_EPSG4528.zip");

            // GDAL, as QGIS opens it: the layer's CRS is zone 40 and the Chinese names are intact
            Gdal.Result summary = Gdal.ogrinfo("-ro", "-so", "-al", "/vsizip/" + zip);
            assertThat(summary.exitCode()).as(summary.output()).isZero();
            assertThat(summary.output()).contains("CGCS2000").containsPattern("(?s)zone 40|Zone_40").contains("120");
            Gdal.Result all = Gdal.ogrinfo("-ro", "-al", "-q", "/vsizip/" + zip);
            assertThat(all.output()).contains(name).contains("海港区");
            // and the .cpg says GBK, so GDAL did not have to guess
            assertThat(cpg(zip)).isEqualToIgnoringCase("GBK");

            // the zone is deleted since; the export brings it back
            edits().delete(planner, zone);
            page.waitFor("the deleted zone off the map", d -> page.onMap("ban-zones", id) == null);
            desk.select("import-layer", "ban-zones");
            desk.chooseFile(zip);
            assertThat(desk.dryRun()).as(desk.text("import-message")).isEqualTo("previewed");
            page.waitFor("the incoming zones on the map", d -> desk.previewIds().contains(id));
            int drawn = desk.previewIds().size();
            assertThat(page.body("importPreview")).isEqualTo(String.valueOf(drawn));
            assertThat(drawn).as("every drawn zone of the layer, the deleted one among them").isGreaterThan(1);
            assertThat(desk.rows("import-fields")).anySatisfy(r -> assertThat(r.get(1)).isEqualTo("name"));
            assertThat(page.testid("import-facts").getText()).contains("EPSG:4528").contains("GBK");
            desk.screenshot("transfer-" + store() + "-2-preview.png");
            assertThat(service().get("/ogc/collections/ban-zones/items/" + id).statusCode()).as("nothing written by the dry run").isEqualTo(404);

            assertThat(desk.confirm()).as(desk.text("import-message")).isEqualTo("imported");
            HttpResponse<String> back = service().get("/ogc/collections/ban-zones/items/" + id);
            assertThat(back.statusCode()).as("the confirmed import wrote it").isEqualTo(200);
            assertThat(JSON.readTree(back.body()).at("/properties/name").asText()).isEqualTo(name);
            page.waitFor("the imported zone on the layer", d -> page.onMap("ban-zones", id) != null);
            assertThat(desk.previewIds()).as("the preview is gone").isEmpty();
            desk.screenshot("transfer-" + store() + "-3-imported.png");
            assertThat(page.consoleErrors()).isEmpty();
        }
    }

    @Test
    void aFileWithOneBadFeatureIsRefusedWithItsReasonAndNothingIsWritten() throws Exception {
        Path file = Files.createTempFile("two-zones", ".geojson");
        try (DeskPage desk = DeskPage.signedIn(service().baseUrl(), PLANNER, PASSWORD)) {
            Files.writeString(file, """
                    {"type":"FeatureCollection","features":[
                     {"type":"Feature","id":"tr-good","properties":{"name":"可以导入的禁燃区","class":"III"},
                      "geometry":{"type":"Polygon","coordinates":[[[119.40,39.80],[119.45,39.80],[119.45,39.84],[119.40,39.84],[119.40,39.80]]]}},
                     {"type":"Feature","id":"tr-bad","properties":{"name":"四类禁燃区","class":"IV"},
                      "geometry":{"type":"Polygon","coordinates":[[[119.50,39.80],[119.55,39.80],[119.55,39.84],[119.50,39.80]]]}}]}""",
                    StandardCharsets.UTF_8);
            String before = service().get("/ogc/collections/ban-zones/items?limit=10000").body();
            desk.open("transfer", "[data-testid=import-form]");
            desk.select("import-layer", "ban-zones");
            desk.chooseFile(file);
            assertThat(desk.dryRun()).isEqualTo("refused");
            List<List<String>> rejected = desk.rows("import-rejected");
            assertThat(rejected).hasSize(1);
            assertThat(rejected.get(0).get(0)).as("the second feature of the file").isEqualTo("2");
            assertThat(rejected.get(0).get(1)).isEqualTo("tr-bad");
            assertThat(rejected.get(0).get(2)).contains("class").contains("IV");
            assertThat(desk.text("import-message")).contains("1").contains("2");
            assertThat(desk.page().testid("import-confirm").isEnabled()).as("nothing to confirm").isFalse();
            desk.screenshot("transfer-" + store() + "-4-refused.png");
            assertThat(service().get("/ogc/collections/ban-zones/items/tr-good").statusCode()).isEqualTo(404);
            String after = service().get("/ogc/collections/ban-zones/items?limit=10000").body();
            assertThat(features(after)).isEqualTo(features(before));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** The text of the .cpg in a zipped shapefile. */
    static String cpg(Path zip) throws Exception {
        try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(zip.toFile())) {
            var entry = z.stream().filter(e -> e.getName().toLowerCase().endsWith(".cpg")).findFirst().orElseThrow();
            return new String(z.getInputStream(entry).readAllBytes(), StandardCharsets.US_ASCII).trim();
        }
    }

    /** The features of an items answer, without its time stamp. */
    static String features(String items) throws Exception {
        JsonNode json = JSON.readTree(items);
        return json.get("features").toString();
    }
}
