package airzone.report;

import airzone.RunningService;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.io.StringReader;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The printable screening report against the whole service: both languages, the findings with
 * their citations, the inline map as well-formed SVG, escaping of what users type, the 400s, and
 * printing to PDF and PNG with headless Chromium (files under target/screenshots/ for a look).
 */
class ScreeningReportTest {

    private static final String SITE = "lon=119.60&lat=39.94&fuel=coal&boiler_tph=20&new=true";
    private static final String REPORT = "/api/screen/report?" + SITE;
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static RunningService service;

    @BeforeAll
    static void start() {
        service = RunningService.start(RunningService.Store.H2GIS);
    }

    @AfterAll
    static void stop() throws Exception {
        if (service != null) service.close();
    }

    @Test
    void chineseReportShowsVerdictFindingsAndCitations() throws IOException {
        HttpResponse<String> response = service.get(REPORT);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).matches("(?i)text/html; ?charset=utf-8");
        String html = response.body();
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<html lang=\"zh-CN\">")
                .contains("<h1>建设项目选址大气管控筛查报告</h1>")
                .contains("筛查结论", "项目选址", "选址周边示意图", "筛查结果", "适用的规则参数", "数据版本")
                .contains("data-verdict=\"prohibited\"")
                .contains("119.600000°E, 39.940000°N")
                .contains("海港区", "秦皇岛市", "河北省")
                .contains("燃煤（煤质未说明）")
                .contains("海港区中心城区高污染燃料禁燃区")
                .contains("《秦皇岛市大气环境质量限期达标规划（征求意见稿）》")
                .contains("000_dbaa7cefc8c1cc82.txt")
                // the reproducing URL is absolute and the page's own
                .contains(service.baseUrl() + "/api/screen/report?lon=119.60&amp;lat=39.94&amp;fuel=coal&amp;boiler_tph=20&amp;new=true")
                .contains(service.baseUrl() + "/api/screen?lon=119.60&amp;lat=39.94")
                .contains("@page", "@media print", "table-header-group", "break-inside: avoid");
        assertThat(html).doesNotContain("<script", "<link", "@import", "<img", "<iframe");

        // every finding of the JSON screening is in the table, message and clause as the API gives them
        JsonNode screening = JSON.readTree(service.get("/api/screen?" + SITE).body());
        assertThat(screening.path("findings").size()).isPositive();
        for (JsonNode f : screening.path("findings")) {
            assertThat(html).contains(Html.escape(f.path("message_zh").asText()));
            assertThat(html).contains("data-rule=\"" + f.path("rule").asText() + "\"");
        }
        assertThat(banZoneRow(html)).contains("禁止").contains("《秦皇岛市大气环境质量限期达标规划（征求意见稿）》")
                .contains("第 5 条").contains("000_dbaa7cefc8c1cc82.txt").contains("示意");
        // the ban zone is an illustrative sample: the notes say so by name
        assertThat(html).containsPattern("id=\"note-illustrative\">[^<]*非官方划定边界[^<]*海港区中心城区高污染燃料禁燃区");
        // rule parameters in force and data versions
        assertThat(html).contains("radius_km", "15 km", "buffer_km", "20 km", "min_unit_mw", "300 MW");
        for (String c : List.of("districts", "provinces", "heat-sources", "ban-zones", "heating-radii", "border-buffers")) {
            assertThat(html).containsPattern("data-collection=\"" + c + "\"><td>[^<]+</td><td class=\"code-cell\">" + c
                    + "</td><td class=\"number\">[1-9][0-9]*</td><td class=\"number\">[0-9]+</td>");
        }
    }

    @Test
    void englishReportOnRequest() throws IOException {
        HttpResponse<String> response = service.get(REPORT + "&lang=en");
        assertThat(response.statusCode()).isEqualTo(200);
        String html = response.body();
        assertThat(html).contains("<html lang=\"en\">").contains("<h1>Air-quality siting screening report</h1>")
                .contains("Verdict", "Site", "Map excerpt", "Findings", "Rule parameters in force", "Data versions")
                .contains("data-verdict=\"prohibited\"").contains(">Prohibited<")
                .contains("coal (quality not stated)")
                .contains("《秦皇岛市大气环境质量限期达标规划（征求意见稿）》").contains("clause 5")
                .contains("illustrative sample zones, which are not official boundaries");
        JsonNode screening = JSON.readTree(service.get("/api/screen?" + SITE).body());
        for (JsonNode f : screening.path("findings")) assertThat(html).contains(Html.escape(f.path("message_en").asText()));
        assertThat(html).doesNotContain("筛查结论");
    }

    @Test
    void everyCitationCarriesTheClauseWords_inTheApiAndUnderEachFindingOfTheReport() throws IOException {
        // the rule book over HTTP: every rule's every citation with the clause's words
        JsonNode rules = JSON.readTree(service.get("/api/rules").body());
        for (JsonNode rule : rules.path("rules")) {
            assertThat(rule.path("citations")).isNotEmpty().allSatisfy(c -> {
                assertThat(c.path("text_zh").asText()).as("%s %s", c.path("document"), c.path("clause")).isNotBlank();
                assertThat(c.path("summary_en").asText()).isNotBlank();
            });
        }
        assertThat(rules.path("rules").get(0).path("citations").get(0).path("text_zh").asText()).contains("供热半径15公里范围内燃煤供热锅炉关停整合");

        // a screening over HTTP: the ban zone's own clause, 000 5, in its words
        JsonNode screening = JSON.readTree(service.get("/api/screen?" + SITE).body());
        JsonNode ban = null;
        for (JsonNode f : screening.path("findings")) if (f.path("rule").asText().equals("ban-zone-class")) ban = f;
        assertThat(ban).isNotNull();
        assertThat(ban.path("citation").path("clause").asText()).isEqualTo("5");
        assertThat(ban.path("citation").path("text_zh").asText()).endsWith("平原地区全面建成高污染燃料禁燃区。");
        assertThat(ban.path("citation").path("summary_en").asText()).contains("plains");

        // the report: a row of the clause's words under every finding, Chinese or English
        String zh = service.get(REPORT).body();
        String en = service.get(REPORT + "&lang=en").body();
        Matcher banRows = Pattern.compile("<tr class=\"finding[^\"]*\" data-rule=\"ban-zone-class\">.*?</tr>\n(<tr class=\"clause-words[^\"]*\" data-rule=\"ban-zone-class\">.*?</tr>)",
                Pattern.DOTALL).matcher(zh);
        assertThat(banRows.find()).as("the ban zone's clause under its finding").isTrue();
        assertThat(banRows.group(1)).contains("条文：").contains(Html.escape("“" + ban.path("citation").path("text_zh").asText() + "”"));
        assertThat(count(zh, "<tr class=\"clause-words")).isEqualTo(screening.path("findings").size());
        assertThat(count(en, "<tr class=\"clause-words")).isEqualTo(screening.path("findings").size());
        for (JsonNode f : screening.path("findings")) {
            assertThat(zh).contains(Html.escape(f.path("citation").path("text_zh").asText()));
            assertThat(en).contains(Html.escape(f.path("citation").path("summary_en").asText()))
                    .doesNotContain(Html.escape(f.path("citation").path("text_zh").asText()));
        }

        // batch GeoJSON: the same citations, words and all
        String batch = """
                {"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"name": "海港锅炉", "fuel": "coal", "boiler_tph": 20, "new": true},
                  "geometry": {"type": "Point", "coordinates": [119.60, 39.94]}}]}""";
        HttpResponse<String> out = service.send("POST", "/api/screen/batch", batch, "Content-Type", "application/geo+json", "Accept", "application/geo+json");
        assertThat(out.statusCode()).as(out.body()).isEqualTo(200);
        List<JsonNode> batchCitations = new ArrayList<>();
        JSON.readTree(out.body()).path("features").get(0).path("properties").path("findings").forEach(f -> batchCitations.add(f.path("citation")));
        List<JsonNode> singleCitations = new ArrayList<>();
        screening.path("findings").forEach(f -> singleCitations.add(f.path("citation")));
        assertThat(batchCitations).isEqualTo(singleCitations).allSatisfy(c -> assertThat(c.path("text_zh").asText()).isNotBlank());
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) n++;
        return n;
    }

    @Test
    void mapIsWellFormedSvgWithTheBanZoneAndTheSite() throws Exception {
        String html = service.get(REPORT).body();
        String svg = mapSvg(html);
        assertThat(svg.getBytes(StandardCharsets.UTF_8).length).as("SVG size").isLessThan(300_000);
        Document doc = parseXml(svg);
        Element root = doc.getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("svg");
        assertThat(root.getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");

        Element banZone = element(doc, "path", "data-id", "sample-ban-haigang-iii");
        assertThat(banZone.getAttribute("class")).contains("ban-zone").contains("ban-III");
        assertThat(banZone.getAttribute("d")).startsWith("M").hasSizeGreaterThan(50);
        assertThat(element(doc, "g", "id", "site-marker")).isNotNull();
        assertThat(element(doc, "path", "data-id", "radius-qinhuangdao-qinre-chp").getAttribute("stroke-dasharray")).isNotBlank();
        assertThat(element(doc, "path", "data-id", "130302").getAttribute("class")).isEqualTo("district");
        assertThat(element(doc, "circle", "data-id", "qinhuangdao-qinre-chp").getAttribute("class")).isEqualTo("heat-source");
        assertThat(element(doc, "g", "class", "scale-bar")).isNotNull();
        assertThat(element(doc, "g", "class", "north-arrow")).isNotNull();
        assertThat(texts(doc, "district-label")).contains("海港区");
        assertThat(texts(doc, "site-label")).containsExactly("项目选址");
        // the site is in the middle of the 1000 × 750 view
        NodeList circles = element(doc, "g", "id", "site-marker").getElementsByTagNameNS("*", "circle");
        assertThat(Double.parseDouble(((Element) circles.item(0)).getAttribute("cx"))).isCloseTo(500, org.assertj.core.data.Offset.offset(0.2));
        assertThat(Double.parseDouble(((Element) circles.item(0)).getAttribute("cy"))).isCloseTo(375, org.assertj.core.data.Offset.offset(0.2));
        // no coordinate far outside the view: everything was cut to the frame
        Matcher numbers = Pattern.compile("-?\\d+(\\.\\d+)?").matcher(banZone.getAttribute("d") + " " + element(doc, "path", "data-id", "130302").getAttribute("d"));
        while (numbers.find()) assertThat(Double.parseDouble(numbers.group())).isBetween(-40.0, 1040.0);
    }

    @Test
    void userTextIsEscapedEverywhere() throws Exception {
        String name = "<script>alert(1)</script>&\"'";
        HttpResponse<String> response = service.get(REPORT + "&name=" + URLEncoder.encode(name, StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(200);
        String html = response.body();
        assertThat(html).doesNotContain("<script").doesNotContain("alert(1)</script>");
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;&amp;&quot;&#39;");
        // the name labels the site on the map too, and the SVG is still well-formed XML
        Document doc = parseXml(mapSvg(html));
        assertThat(texts(doc, "site-label")).containsExactly(name);
    }

    @Test
    void badInputIsA400JsonError() throws IOException {
        HttpResponse<String> badLon = service.get("/api/screen/report?lon=abc&lat=39.94");
        assertThat(badLon.statusCode()).isEqualTo(400);
        assertThat(badLon.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        JsonNode error = JSON.readTree(badLon.body());
        assertThat(error.path("status").asInt()).isEqualTo(400);
        assertThat(error.path("detail").asText()).contains("lon");

        HttpResponse<String> outside = service.get("/api/screen/report?lon=200&lat=39.94");
        assertThat(outside.statusCode()).isEqualTo(400);

        HttpResponse<String> french = service.get(REPORT + "&lang=fr");
        assertThat(french.statusCode()).isEqualTo(400);
        assertThat(french.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(JSON.readTree(french.body()).path("detail").asText()).contains("lang").contains("fr");

        HttpResponse<String> badFuel = service.get("/api/screen/report?lon=119.6&lat=39.94&fuel=plutonium");
        assertThat(badFuel.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(badFuel.body()).path("detail").asText()).contains("fuel");
    }

    @Test
    void siteOutsideEveryDistrictStillReports() {
        HttpResponse<String> response = service.get("/api/screen/report?lon=100&lat=10&name=nowhere");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("不在已加载的行政区范围内").contains("data-verdict=\"info\"");
    }

    @Test
    void printsToPdfAndPngWithHeadlessChromium() throws Exception {
        if (!Files.isExecutable(CHROMIUM)) fail(CHROMIUM + " is missing: apt-get install chromium");
        Files.createDirectories(SCREENSHOTS);
        for (String lang : List.of("zh", "en")) {
            String url = service.baseUrl() + REPORT + "&name=" + URLEncoder.encode("秦皇岛某供热站改造项目", StandardCharsets.UTF_8) + "&lang=" + lang;
            Path pdf = SCREENSHOTS.resolve("report-" + lang + ".pdf").toAbsolutePath();
            Path png = SCREENSHOTS.resolve("report-" + lang + ".png").toAbsolutePath();
            Files.deleteIfExists(pdf);
            Files.deleteIfExists(png);
            Files.writeString(SCREENSHOTS.resolve("report-" + lang + ".html"), service.get(url.substring(service.baseUrl().length())).body());
            chromium("--print-to-pdf=" + pdf, "--no-pdf-header-footer", url);
            chromium("--screenshot=" + png, "--window-size=1240,1754", "--hide-scrollbars", url);
            byte[] bytes = Files.readAllBytes(pdf);
            assertThat(new String(bytes, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
            assertThat(bytes.length).as("PDF size").isGreaterThan(50_000);
            assertThat(pdfPages(bytes)).as("A4 pages").isBetween(2, 6);
            assertThat(Files.size(png)).isGreaterThan(50_000);
        }
    }

    // ---- helpers ------------------------------------------------------------------------------

    private static String banZoneRow(String html) {
        Matcher row = Pattern.compile("<tr class=\"finding[^\"]*\" data-rule=\"ban-zone-class\">.*?</tr>", Pattern.DOTALL).matcher(html);
        if (!row.find()) fail("no ban-zone-class row in the findings table");
        assertThat(row.group()).contains("sample-ban-haigang-iii");
        return row.group();
    }

    private static String mapSvg(String html) {
        int start = html.indexOf("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"map-excerpt\"");
        assertThat(start).as("map SVG present").isNotNegative();
        int end = html.indexOf("</svg>", start);
        assertThat(end).isPositive();
        return html.substring(start, end + "</svg>".length());
    }

    private static Document parseXml(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    private static Element element(Document doc, String tag, String attribute, String value) {
        NodeList nodes = doc.getElementsByTagNameNS("*", tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            if (value.equals(e.getAttribute(attribute))) return e;
        }
        fail("no <" + tag + " " + attribute + "=\"" + value + "\"> in the map");
        return null;
    }

    private static List<String> texts(Document doc, String cssClass) {
        List<String> found = new ArrayList<>();
        NodeList nodes = doc.getElementsByTagNameNS("*", "text");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            if (cssClass.equals(e.getAttribute("class"))) found.add(e.getTextContent());
        }
        return found;
    }

    /** Pages of a Chromium PDF: its page objects, counted in the (uncompressed) object headers. */
    private static int pdfPages(byte[] pdf) {
        Matcher m = Pattern.compile("/Type\\s*/Page[^s]").matcher(new String(pdf, StandardCharsets.ISO_8859_1));
        int pages = 0;
        while (m.find()) pages++;
        return pages;
    }

    private static void chromium(String... args) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("airzone-report-chromium");
        try {
            List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                    "--user-data-dir=" + profile));
            command.addAll(List.of(args));
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(profile.resolveSibling(profile.getFileName() + ".log").toFile()).start();
            if (!p.waitFor(90, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail("chromium did not finish in 90 s: " + command);
            }
            assertThat(p.exitValue()).as("chromium exit code for " + command).isZero();
        } finally {
            try (var paths = Files.walk(profile)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(path);
            } catch (IOException ignored) {
                // a profile left in /tmp is harmless
            }
            Files.deleteIfExists(profile.resolveSibling(profile.getFileName() + ".log"));
        }
    }
}
