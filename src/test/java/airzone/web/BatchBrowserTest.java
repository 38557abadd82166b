package airzone.web;

import airzone.RunningService;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.io.Reader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The desk's batch tab in real headless Chromium on the embedded store: an inventory uploaded, its
 * progress followed to the end, the result filtered, mapped and downloaded — every count checked
 * against what the batch API answers for the same file; a big batch cancelled while it runs; a
 * file with a bad row; the flow in English; and the time 100,000 points take to draw (reported,
 * not asserted). Screenshots go to target/screenshots/batch-<n>-<step>.png.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BatchBrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PLANNER = "batch-planner";
    private static final String PASSWORD = "planner-password";
    private static final String HEADER = "name,lon,lat,industry,fuel,boiler_tph,boiler_use,new,key_gas_industry,stack_height_m";
    /** Project kinds in turn, so that the verdicts differ: a gas heating boiler, a coal boiler, a foundry, an electric workshop. */
    private static final List<String> KINDS = List.of(",gas,20,heating,true,false,30", ",coal,10,industrial,true,false,40",
            "foundry,coal,,,true,true,45", "other,electric,,,true,false,");

    private RunningService service;
    private List<PreparedGeometry> districts;
    private Path files;

    @BeforeAll
    void start() throws Exception {
        service = RunningService.start(RunningService.Store.H2GIS);
        HttpResponse<String> added = service.send("POST", "/api/users",
                "{\"name\":\"" + PLANNER + "\",\"password\":\"" + PASSWORD + "\",\"role\":\"planner\"}",
                "Authorization", RunningService.adminAuth(), "Content-Type", "application/json");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        JsonNode items = JSON.readTree(service.get("/ogc/collections/districts/items?limit=1000").body());
        GeoJsonReader reader = new GeoJsonReader();
        districts = new ArrayList<>();
        for (JsonNode feature : items.get("features")) districts.add(PreparedGeometryFactory.prepare(reader.read(feature.get("geometry").toString())));
        files = Files.createTempDirectory("airzone-batch-files");
    }

    @AfterAll
    void stop() throws Exception {
        if (service != null) service.close();
        if (files != null) RunningService.deleteTree(files);
    }

    @Test
    void anInventoryIsScreenedFilteredMappedAndDownloaded() throws Exception {
        // a workbook as planners keep one: a notes sheet first, the inventory on the second
        Path inventory = files.resolve("inventory.xlsx");
        Files.write(inventory, workbook("清单", inventoryRows(1_000, 1)));
        JsonNode expected = apiResult(Files.readAllBytes(inventory), XLSX, "&sheet=" + java.net.URLEncoder.encode("清单", StandardCharsets.UTF_8));
        Map<String, Integer> byVerdict = countBy(expected, "verdict");
        assertThat(byVerdict.keySet()).as("the inventory meets more than one verdict " + byVerdict).hasSizeGreaterThan(1);

        try (BatchPage batch = BatchPage.open(service.baseUrl(), PLANNER, PASSWORD)) {
            WorkbenchPage page = batch.page();
            // what the progress bar shows, every change of it
            page.js("""
                    window.batchProgress = [];
                    const bar = document.querySelector('[data-testid=batch-progress]');
                    new MutationObserver(() => batchProgress.push([bar.value, bar.max])).observe(bar, {attributes: true});""");
            batch.screenshot(1, "tab");
            batch.choose(inventory);
            page.testid("batch-sheet").sendKeys("清单");
            batch.start();
            batch.waitForState(Duration.ofSeconds(120), "done");
            assertThat(JSON.readTree(service.get("/api/screen/jobs/" + page.body("batchJob")).body()).get("sheet").asText()).isEqualTo("清单");
            batch.screenshot(2, "done");
            List<?> seen = (List<?>) page.js("return batchProgress");
            List<?> last = (List<?>) seen.get(seen.size() - 1);
            assertThat(((Number) last.get(0)).intValue()).as("the bar ends full: " + seen).isEqualTo(1_000);
            assertThat(((Number) last.get(1)).intValue()).isEqualTo(1_000);
            assertThat(page.testid("batch-progress-text").getText()).contains("1000");
            assertThat(batch.number("batchRows")).isEqualTo(1_000);
            assertThat(batch.number("batchShown")).isEqualTo(1_000);
            assertThat(batch.number("batchPoints")).isEqualTo(1_000);
            assertThat(drawnByVerdict(page)).as("sites drawn per verdict").isEqualTo(placed(byVerdict));
            for (var entry : byVerdict.entrySet()) {
                assertThat(page.driver().findElement(By.cssSelector("[data-testid=batch-totals] [data-verdict='" + entry.getKey() + "']"))
                        .getAttribute("data-count")).isEqualTo(String.valueOf(entry.getValue()));
            }

            // filtered by the verdict the API gives least often (but at least once)
            String verdict = byVerdict.entrySet().stream().min(Map.Entry.comparingByValue()).orElseThrow().getKey();
            batch.filterVerdict(verdict);
            page.waitFor("the filtered count", d -> batch.number("batchShown") == byVerdict.get(verdict));
            assertThat(batch.number("batchPoints")).as("the map shows what the table shows").isEqualTo(byVerdict.get(verdict));
            assertThat(drawnByVerdict(page)).isEqualTo(placed(Map.of(verdict, byVerdict.get(verdict))));
            List<WebElement> shown = page.all("[data-testid=batch-table] tbody tr");
            assertThat(shown).hasSize(Math.min(100, byVerdict.get(verdict)));
            batch.screenshot(3, "filtered-" + verdict);

            // the summary's first district as the API's result counts it
            WebElement first = page.driver().findElement(By.cssSelector("[data-testid=batch-summary] tbody tr"));
            String district = first.getAttribute("data-district");
            long inDistrict = features(expected).stream().filter(f -> district.equals(label(f.at("/properties/district")))).count();
            assertThat(first.findElements(By.tagName("td")).get(4).getText()).isEqualTo(String.valueOf(inDistrict));

            // a row clicked: the map flies to the site and shows its findings as the API gives them
            int row = Integer.parseInt(shown.get(0).getAttribute("data-row"));
            shown.get(0).click();
            page.waitFor("the site's popup", d -> !page.all(".leaflet-popup [data-testid=batch-popup][data-row='" + row + "']").isEmpty());
            JsonNode site = byRow(expected, row);
            String popup = page.driver().findElement(By.cssSelector("[data-testid=batch-popup]")).getText();
            for (JsonNode finding : site.at("/properties/findings")) assertThat(popup).contains(finding.get("message_zh").asText());
            batch.screenshot(4, "row-on-map");

            // a site clicked on the map: its own findings
            page.js("airzoneMap.closePopup()");
            JsonNode other = byRow(expected, Integer.parseInt(shown.get(shown.size() > 1 ? 1 : 0).getAttribute("data-row")));
            double lon = other.at("/geometry/coordinates/0").asDouble();
            double lat = other.at("/geometry/coordinates/1").asDouble();
            page.js("airzoneMap.setView([arguments[1], arguments[0]], 15, {animate: false})", lon, lat);
            page.clickAt(lon, lat, 0, 0);
            int otherRow = other.at("/properties/row").asInt();
            page.waitFor("the clicked site's popup", d -> !page.all(".leaflet-popup [data-testid=batch-popup][data-row='" + otherRow + "']").isEmpty());
            batch.screenshot(5, "site-clicked");

            // downloads, read back
            Path csv = batch.download("csv", "inventory-screening.csv");
            List<CSVRecord> records;
            try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
                in.mark(1);
                if (in.read() != '\uFEFF') in.reset();
                records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
            }
            assertThat(records).hasSize(1_000);
            Map<String, Integer> csvVerdicts = new TreeMap<>();
            for (CSVRecord r : records) csvVerdicts.merge(r.get("verdict").isEmpty() ? "refused" : r.get("verdict"), 1, Integer::sum);
            assertThat(csvVerdicts).isEqualTo(new TreeMap<>(byVerdict));
            Path xlsx = batch.download("xlsx", "inventory-screening.xlsx");
            Map<String, Integer> xlsxVerdicts = new TreeMap<>();
            try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(Files.newInputStream(xlsx))) {
                var sheet = book.getSheetAt(0);
                assertThat(sheet.getRow(0).getCell(4).getStringCellValue()).isEqualTo("verdict");
                assertThat(sheet.getLastRowNum()).as("a row per site under the header").isEqualTo(1_000);
                for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                    var cell = sheet.getRow(r).getCell(4);
                    xlsxVerdicts.merge(cell == null ? "refused" : cell.getStringCellValue(), 1, Integer::sum);
                }
            }
            assertThat(xlsxVerdicts).isEqualTo(new TreeMap<>(byVerdict));
            Path geojson = batch.download("geojson", "inventory-screening.geojson");
            assertThat(countBy(JSON.readTree(geojson.toFile()), "verdict")).isEqualTo(byVerdict);
            assertThat(page.consoleErrors()).isEmpty();
        }
    }

    @Test
    void aFileWithABadRowShowsItsRowNumberAndReasonAndARefusedFileStaysChosen() throws Exception {
        Path bad = write("bad-row.csv", HEADER + "\n" + String.join("\n", inventoryRows(2, 2)) + "\n第三行项目,abc,39.9,,gas,,,,,\n");
        Path refused = write("bad-header.csv", "name;lon;lat\nx;1;2\n");
        try (BatchPage batch = BatchPage.open(service.baseUrl(), PLANNER, PASSWORD)) {
            WorkbenchPage page = batch.page();
            batch.choose(refused);
            batch.start();
            batch.waitForState(Duration.ofSeconds(30), "error");
            assertThat(batch.message()).startsWith("请求有误").contains("comma-separated").contains("文件仍保留");
            assertThat(page.testid("batch-file-name").getText()).contains("bad-header.csv");
            assertThat(page.testid("batch-start").isEnabled()).as("the planner may start again").isTrue();
            batch.screenshot(6, "refused-file");

            // the bad file, dropped on the tab as a planner drags it from the file manager
            page.js("""
                    const data = new DataTransfer();
                    data.items.add(new File([arguments[0]], 'bad-row.csv', {type: 'text/csv'}));
                    document.querySelector('[data-testid=batch-drop]').dispatchEvent(new DragEvent('drop', {dataTransfer: data, bubbles: true, cancelable: true}));""",
                    Files.readString(bad));
            page.waitFor("the dropped file", d -> page.testid("batch-file-name").getText().contains("bad-row.csv"));
            batch.start();
            batch.waitForState(Duration.ofSeconds(60), "done");
            WebElement listed = page.driver().findElement(By.cssSelector("[data-testid=batch-refused] li[data-row='3']"));
            assertThat(listed.getText()).contains("第 3 行").contains("第三行项目").contains("lon is not a number: 'abc'");
            batch.filterVerdict("refused");
            assertThat(batch.number("batchShown")).isEqualTo(1);
            assertThat(batch.number("batchPoints")).isZero();
            batch.screenshot(7, "bad-row");
        }
    }

    @Test
    void aRunningBatchIsCancelledAndTheFileStaysChosen() throws Exception {
        Path big = write("big.csv", inventoryCsv(100_000, 3));
        try (BatchPage batch = BatchPage.open(service.baseUrl(), PLANNER, PASSWORD)) {
            WorkbenchPage page = batch.page();
            batch.choose(big);
            batch.start();
            batch.waitForState(Duration.ofSeconds(120), "running");
            page.waitFor("some rows processed", d -> batch.number("batchProcessed") > 0, Duration.ofSeconds(120));
            batch.screenshot(8, "running");
            page.press("batch-cancel");
            batch.waitForState(Duration.ofSeconds(30), "cancelled");
            assertThat(batch.message()).contains("已取消");
            assertThat(page.testid("batch-progress-text").getText()).contains("已取消");
            JsonNode job = JSON.readTree(service.get("/api/screen/jobs/" + page.body("batchJob")).body());
            assertThat(job.get("status").asText()).isEqualTo("cancelled");
            assertThat(job.get("processed").asInt()).isLessThan(100_000);
            assertThat(page.testid("batch-file-name").getText()).contains("big.csv");
            assertThat(page.testid("batch-start").isEnabled()).as("the same file may run again").isTrue();
            assertThat(page.testid("batch-result").isDisplayed()).isFalse();
            batch.screenshot(9, "cancelled");
        }
    }

    /** The tab lists and draws at most 100,000 sites (web/js/batch/panel.js); a larger result is offered for download. */
    @Test
    void aResultLargerThanTheTabShowsIsOfferedForDownloadOnly() throws Exception {
        Path larger = write("larger.csv", inventoryCsv(100_001, 5));
        try (BatchPage batch = BatchPage.open(service.baseUrl(), PLANNER, PASSWORD)) {
            WorkbenchPage page = batch.page();
            batch.choose(larger);
            batch.start();
            batch.waitForState(Duration.ofMinutes(3), "done");
            assertThat(batch.message()).contains("100001").contains("100000").contains("下载");
            assertThat(page.body("batchRows")).as("no result read into the tab").isEmpty();
            assertThat(page.all("[data-testid=batch-table] tbody tr")).isEmpty();
            batch.screenshot(14, "download-only");
            Path csv = batch.download("csv", "larger-screening.csv");
            try (var lines = Files.lines(csv, StandardCharsets.UTF_8)) {
                assertThat(lines.count()).as("a header and a row per site").isEqualTo(100_002);
            }
            assertThat(page.consoleErrors()).isEmpty();
        }
    }

    /**
     * Sites for the drawing test: 10,000 by default (the batch layer's clustering and the filter work the same
     * at any size); {@code -Dairzone.batch.sites=100000} gives the README's figures for a full batch.
     */
    private static final int MANY = Integer.getInteger("airzone.batch.sites", 10_000);

    /** Reports (never asserts) the time: a figure for the README, not a benchmark gate. */
    @Test
    void manySitesAreDrawnAndTheMapStaysUsable() throws Exception {
        Path many = write("many.csv", inventoryCsv(MANY, 3));
        try (BatchPage batch = BatchPage.open(service.baseUrl(), PLANNER, PASSWORD)) {
            WorkbenchPage page = batch.page();
            batch.choose(many);
            batch.start();
            batch.waitForState(Duration.ofMinutes(5), "done");
            page.waitFor("the drawing measured", d -> !page.body("batchDrawMs").isEmpty(), Duration.ofSeconds(60));
            assertThat(batch.number("batchRows")).isEqualTo(MANY);
            assertThat(batch.number("batchPoints")).isEqualTo(MANY);
            batch.screenshot(10, MANY + "-points");
            // how fluid the map stays: frames during a one-second animated pan, and the redraw after it
            @SuppressWarnings("unchecked")
            Map<String, Object> pan = (Map<String, Object>) batch.jsAsync("""
                    const done = arguments[arguments.length - 1];
                    const frames = [];
                    let last = performance.now();
                    let running = true;
                    const tick = (now) => { frames.push(now - last); last = now; if (running) requestAnimationFrame(tick); };
                    requestAnimationFrame(tick);
                    const started = performance.now();
                    airzoneMap.once('moveend', () => {
                      const moved = performance.now();
                      requestAnimationFrame(() => requestAnimationFrame(() => {
                        running = false;
                        const sorted = [...frames].sort((a, b) => a - b);
                        done({frames: frames.length, panMs: Math.round(moved - started), redrawMs: Math.round(performance.now() - moved),
                              longestFrameMs: Math.round(sorted[sorted.length - 1]), medianFrameMs: Math.round(sorted[sorted.length >> 1])});
                      }));
                    });
                    airzoneMap.panBy([300, 200], {animate: true, duration: 1});""");
            Object zoomMs = batch.jsAsync("""
                    const done = arguments[arguments.length - 1];
                    const started = performance.now();
                    airzoneMap.once('zoomend', () => requestAnimationFrame(() => requestAnimationFrame(() => done(Math.round(performance.now() - started)))));
                    airzoneMap.zoomIn(1, {animate: false});""");
            String drawn = page.body("batchDrawMs");
            batch.filterVerdict("info");
            page.waitFor("the filter drawn", d -> !page.body("batchDrawMs").equals(drawn) && batch.number("batchShown") < MANY, Duration.ofSeconds(60));
            System.out.printf("batch: %,d result rows fetched and read in %s ms, their points drawn in %s ms; an animated pan %s;"
                    + " a zoom redrawn in %s ms; the verdict filter (%s points) redrawn in %s ms%n",
                    MANY, page.body("batchLoadMs"), drawn, pan, zoomMs, page.body("batchPoints"), page.body("batchDrawMs"));
            batch.screenshot(11, MANY + "-panned");
        }
    }

    @Test
    void theFlowInEnglish() throws Exception {
        Path small = write("small.csv", inventoryCsv(40, 4));
        try (BatchPage batch = BatchPage.open(service.baseUrl(), PLANNER, PASSWORD)) {
            WorkbenchPage page = batch.page();
            page.press("language-switch");
            page.reload();
            batch.openTab();
            assertThat(page.testid("desk-batch").findElement(By.tagName("h2")).getText()).isEqualTo("Batch screening");
            assertThat(page.testid("batch-start").getText()).isEqualTo("Start screening");
            batch.choose(small);
            batch.start();
            batch.waitForState(Duration.ofSeconds(60), "done");
            assertThat(page.testid("batch-progress-text").getText()).isEqualTo("Done: 40 rows");
            assertThat(page.testid("batch-shown").getText()).isEqualTo("40 of 40 rows shown");
            assertThat(page.testid("batch-sort-verdict").getText()).isEqualTo("Verdict");
            page.press("batch-sort-verdict");
            page.waitFor("sorted by verdict", d -> "ascending".equals(page.driver()
                    .findElement(By.cssSelector("th:has([data-testid=batch-sort-verdict])")).getAttribute("aria-sort")));
            batch.screenshot(12, "english");
            page.press("language-switch");
            page.reload();
        }
    }

    @Test
    void theColumnsTheTabNamesAreTheOnesTheReaderTakes() throws Exception {
        try (BatchPage batch = BatchPage.open(service.baseUrl(), PLANNER, PASSWORD)) {
            List<String> named = batch.page().all("[data-testid=batch-columns] tr[data-column]").stream().map(tr -> tr.getAttribute("data-column")).toList();
            List<String> read = new ArrayList<>(airzone.screen.SiteReader.ATTRIBUTES);
            read.addAll(List.of("lon", "lat"));
            assertThat(named).containsExactlyInAnyOrderElementsOf(read);
            batch.page().testid("batch-columns").findElement(By.tagName("summary")).click();
            Path template = batch.page().browser().downloads().resolve("批量筛查模板.csv");
            batch.page().press("batch-template");
            batch.page().browser().downloaded(template.getFileName().toString(), Duration.ofSeconds(30));
            JsonNode screened = apiResult(Files.readAllBytes(template));
            assertThat(countBy(screened, "verdict")).as("the template's examples are screened, none refused").doesNotContainKey("refused");
            batch.screenshot(13, "columns");
        }
    }

    // ---- inventories ----

    /** {@code n} sites in turn in each district (a random point inside it), the project kinds in turn. */
    private String inventoryCsv(int n, long seed) {
        return HEADER + "\n" + String.join("\n", inventoryRows(n, seed)) + "\n";
    }

    private List<String> inventoryRows(int n, long seed) {
        Random random = new Random(seed);
        GeometryFactory factory = new GeometryFactory();
        List<String> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            PreparedGeometry district = districts.get(i % districts.size());
            Envelope box = district.getGeometry().getEnvelopeInternal();
            Coordinate c;
            do {
                c = new Coordinate(box.getMinX() + random.nextDouble() * box.getWidth(), box.getMinY() + random.nextDouble() * box.getHeight());
            } while (!district.contains(factory.createPoint(c)));
            rows.add(String.format(java.util.Locale.ROOT, "项目 %d,%.6f,%.6f,%s", i + 1, c.x, c.y, KINDS.get(i % KINDS.size())));
        }
        return rows;
    }

    /** An .xlsx built with POI: a notes sheet, then {@code sheet} with the header and the rows (coordinates as numbers). */
    private static byte[] workbook(String sheet, List<String> rows) throws Exception {
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(); var out = new java.io.ByteArrayOutputStream()) {
            book.createSheet("说明").createRow(0).createCell(0).setCellValue("项目清单见下一个工作表");
            var data = book.createSheet(sheet);
            String[] header = HEADER.split(",");
            var top = data.createRow(0);
            for (int c = 0; c < header.length; c++) top.createCell(c).setCellValue(header[c]);
            for (int r = 0; r < rows.size(); r++) {
                String[] cells = rows.get(r).split(",", -1);
                var row = data.createRow(r + 1);
                for (int c = 0; c < cells.length; c++) {
                    if (cells[c].isEmpty()) continue;
                    if (c == 1 || c == 2 || c == 5 || c == 9) row.createCell(c).setCellValue(Double.parseDouble(cells[c]));
                    else row.createCell(c).setCellValue(cells[c]);
                }
            }
            book.write(out);
            return out.toByteArray();
        }
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(files.resolve(name), text);
    }

    // ---- the API's answer for the same file ----

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private JsonNode apiResult(byte[] file) throws Exception {
        return apiResult(file, "text/csv", "");
    }

    private JsonNode apiResult(byte[] file, String contentType, String query) throws Exception {
        HttpResponse<String> r = service.sendBytes("POST", "/api/screen/batch?format=geojson" + query, file, "Content-Type", contentType);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    /** "district（city）" as the tab names a district. */
    private static String label(JsonNode district) {
        String name = district.path("name").asText("");
        String city = district.path("city").asText("");
        return name.isEmpty() || city.isEmpty() || city.equals(name) ? name : name + "（" + city + "）";
    }

    /** The feature of input row {@code row} (for Excel, the sheet's row number, the header's row counted). */
    private static JsonNode byRow(JsonNode collection, int row) {
        return features(collection).stream().filter(f -> f.at("/properties/row").asInt() == row).findFirst().orElseThrow();
    }

    private static List<JsonNode> features(JsonNode collection) {
        List<JsonNode> list = new ArrayList<>();
        collection.get("features").forEach(list::add);
        return list;
    }

    /** Sites per verdict; a refused row (no verdict, an error) counts as "refused". */
    private static Map<String, Integer> countBy(JsonNode collection, String property) {
        Map<String, Integer> counts = new HashMap<>();
        for (JsonNode f : collection.get("features")) counts.merge(f.path("properties").path(property).asText("refused"), 1, Integer::sum);
        return counts;
    }

    /**
     * The sites the batch layer draws in the view, per verdict: a cluster counts its sites, a single
     * site itself — read from the map's layers, whatever kind each is.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Long> drawnByVerdict(WorkbenchPage page) {
        Map<String, Object> found = (Map<String, Object>) page.js("""
                const counts = {};
                airzoneMap.eachLayer((l) => {
                  const inBatch = l.options?.pane === 'batch' || l.options?.renderer?.options?.pane === 'batch';
                  if (!inBatch || !l.options.sites) return;
                  for (const [verdict, n] of Object.entries(l.options.sites)) if (n) counts[verdict] = (counts[verdict] ?? 0) + n;
                });
                return counts;""");
        Map<String, Long> counts = new TreeMap<>();
        found.forEach((verdict, n) -> counts.put(verdict, ((Number) n).longValue()));
        return counts;
    }

    /** Only the verdicts that have a place on the map (refused rows have none). */
    private static Map<String, Long> placed(Map<String, Integer> byVerdict) {
        Map<String, Long> counts = new TreeMap<>();
        byVerdict.forEach((verdict, n) -> {
            if (!verdict.equals("refused")) counts.put(verdict, n.longValue());
        });
        return counts;
    }
}
