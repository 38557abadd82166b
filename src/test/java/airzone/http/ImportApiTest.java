package airzone.http;

import airzone.geo.GeoJson;
import airzone.io.Gdal;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * POST /api/import/{collection} through HTTP: the dry run's report (counts, geometry types, how
 * fields map, repaired and rejected features) with nothing changed; a real import with a rejected
 * feature storing nothing and answering 400 with the report; the same file without it imported
 * and audited; and every kind of bad upload refused with a 4xx and a message that says what is
 * wrong — with the ban-zones layer unchanged and no working directory left behind after each.
 */
class ImportApiTest {

    private static ImportService service;
    private static byte[] exportGbk4528;
    private String before;

    @BeforeAll
    static void start() {
        service = ImportService.h2gis();
        exportGbk4528 = service.download("/api/export/ban-zones?format=shapefile&crs=EPSG:4528&encoding=GBK");
    }

    @AfterAll
    static void stop() throws Exception {
        if (service != null) service.close();
    }

    @BeforeEach
    void remember() {
        before = service.items("ban-zones");
    }

    @AfterEach
    void nothingLeftBehind() {
        assertThat(service.importLeftovers()).as("import working directories left behind").isEmpty();
    }

    // --- dry run, report, rejected and real import ---

    /** Four features: one new, one replacing a sample zone (upper-case NAME, an extra field), one bow-tie-spiked polygon, one of class IV. */
    private static String fourFeatures(String newId, String extraField, boolean withBadClass) {
        String good = """
                {"type":"Feature","id":"%s","properties":{"NAME":"北戴河区禁燃区（导入）","Class":"II","effective_date":"2026-01-01","%s":"测试"},
                 "geometry":{"type":"Polygon","coordinates":[[[119.40,39.80],[119.45,39.80],[119.45,39.84],[119.40,39.84],[119.40,39.80]]]}},
                {"type":"Feature","id":"sample-ban-haigang-iii","properties":{"NAME":"海港区中心城区高污染燃料禁燃区（修订）","Class":"III","illustrative":false},
                 "geometry":{"type":"Polygon","coordinates":[[[119.53,39.92],[119.64,39.92],[119.65,39.96],[119.6,39.99],[119.54,39.98],[119.53,39.92]]]}},
                {"type":"Feature","properties":{"NAME":"有尖刺的多边形","Class":"I"},
                 "geometry":{"type":"Polygon","coordinates":[[[119.70,39.90],[119.80,39.90],[119.80,39.95],[119.85,39.95],[119.80,39.95],[119.80,40.00],[119.70,40.00],[119.70,39.90]]]}}""";
        String bad = """
                ,{"type":"Feature","id":"import-test-bad","properties":{"NAME":"四类区","Class":"IV"},
                 "geometry":{"type":"Polygon","coordinates":[[[119.1,39.1],[119.2,39.1],[119.2,39.2],[119.1,39.1]]]}}""";
        return "{\"type\":\"FeatureCollection\",\"features\":[" + good.formatted(newId, extraField) + (withBadClass ? bad : "") + "]}";
    }

    @Test
    void dryRunReportsWithoutChangingAnything() {
        HttpResponse<String> r = service.upload("ban-zones", "dryRun=true", fourFeatures("import-test-dry", "dry_remark", true).getBytes(StandardCharsets.UTF_8),
                "application/geo+json");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode report = GeoJson.parseObject(r.body());
        assertThat(report.path("dryRun").asBoolean()).isTrue();
        assertThat(report.path("format").asText()).isEqualTo("geojson");
        assertThat(report.path("sourceCrs").asText()).isEqualTo("EPSG:4326");
        assertThat(report.path("encoding").asText()).isEqualTo("UTF-8");
        assertThat(report.path("count").asInt()).isEqualTo(4);
        assertThat(report.path("geometryTypes").toString()).isEqualTo("{\"Polygon\":4}");
        assertThat(report.path("imported").asInt()).isZero();
        assertThat(report.path("created").asInt()).as("would create the new one and the one without id").isEqualTo(2);
        assertThat(report.path("updated").asInt()).isEqualTo(1);
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        for (JsonNode f : report.path("fields")) fields.put(f.path("source").asText(), f);
        assertThat(fields.get("NAME").path("property").asText()).isEqualTo("name");
        assertThat(fields.get("NAME").path("note").asText()).contains("case");
        assertThat(fields.get("Class").path("property").asText()).isEqualTo("class");
        assertThat(fields.get("dry_remark").path("property").asText()).isEqualTo("dry_remark");
        assertThat(fields.get("dry_remark").path("note").asText()).contains("extra property");
        assertThat(report.path("repaired")).hasSize(1);
        assertThat(report.path("repaired").get(0).path("index").asInt()).isEqualTo(2);
        assertThat(report.path("rejected")).hasSize(1);
        assertThat(report.path("rejected").get(0).path("index").asInt()).isEqualTo(3);
        assertThat(report.path("rejected").get(0).path("id").asText()).isEqualTo("import-test-bad");
        assertThat(report.path("rejected").get(0).path("reason").asText()).contains("class").contains("IV");
        assertThat(service.items("ban-zones")).as("a dry run changes nothing").isEqualTo(before);
    }

    @Test
    void aDryRunWithPreviewCarriesTheFeaturesAsTheyWouldBeWritten() throws Exception {
        ImportPreviewChecks.assertPreviewOfGeoJson(service);
        ImportPreviewChecks.assertPreviewOfProjectedShapefile(service);
    }

    @Test
    void aRealImportWithARejectedFeatureImportsNothingAndReportsWhy() {
        HttpResponse<String> r = service.upload("ban-zones", "", fourFeatures("import-test-new", "remark", true).getBytes(StandardCharsets.UTF_8), "application/json");
        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode body = GeoJson.parseObject(r.body());
        assertThat(body.path("status").asInt()).isEqualTo(400);
        assertThat(body.path("error").asText()).isEqualTo("Bad Request");
        assertThat(body.path("detail").asText()).contains("nothing was imported");
        assertThat(body.path("report").path("rejected").get(0).path("reason").asText()).contains("IV");
        assertThat(body.path("report").path("imported").asInt()).isZero();
        assertThat(service.items("ban-zones")).isEqualTo(before);

        // without the bad one it goes in, in one go, and the audit says "import"
        HttpResponse<String> ok = service.upload("ban-zones", "", fourFeatures("import-test-new", "remark", false).getBytes(StandardCharsets.UTF_8), "application/json");
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        JsonNode report = GeoJson.parseObject(ok.body());
        assertThat(report.path("imported").asInt()).isEqualTo(3);
        assertThat(report.path("created").asInt()).isEqualTo(2);
        assertThat(report.path("updated").asInt()).isEqualTo(1);
        var stored = service.features("ban-zones");
        assertThat(stored.get("import-test-new").properties().path("name").asText()).isEqualTo("北戴河区禁燃区（导入）");
        assertThat(stored.get("import-test-new").properties().path("remark").asText()).isEqualTo("测试");
        assertThat(stored.get("sample-ban-haigang-iii").properties().path("name").asText()).isEqualTo("海港区中心城区高污染燃料禁燃区（修订）");
        assertThat(stored.get("sample-ban-haigang-iii").properties().path("illustrative").isBoolean()).isTrue();
        assertThat(stored.values().stream().filter(f -> "有尖刺的多边形".equals(f.properties().path("name").asText())).toList())
                .as("the feature without id got a fresh one").hasSize(1)
                .allSatisfy(f -> assertThat(f.geometry().isValid()).isTrue());
        HttpResponse<String> audit = service.send("GET", "/api/audit?limit=50", null, "Authorization", ImportService.adminAuth());
        assertThat(audit.body()).contains("\"action\":\"import\"").contains("import-test-new");
        before = service.items("ban-zones");
    }

    @Test
    void anOverLongValueRejectsItsFeatureByIndex() {
        String zones = """
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","properties":{"name":"正常","class":"III"},
                  "geometry":{"type":"Polygon","coordinates":[[[119.5,39.9],[119.52,39.9],[119.52,39.92],[119.5,39.9]]]}},
                 {"type":"Feature","properties":{"name":"%s","class":"III"},
                  "geometry":{"type":"Polygon","coordinates":[[[119.5,39.9],[119.52,39.9],[119.52,39.92],[119.5,39.9]]]}}]}"""
                .formatted("长".repeat(1_000_000));
        HttpResponse<String> r = service.upload("ban-zones", "dryRun=true", zones.getBytes(StandardCharsets.UTF_8), "application/geo+json");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode rejected = GeoJson.parseObject(r.body()).path("rejected");
        assertThat(rejected).hasSize(1);
        assertThat(rejected.get(0).path("index").asInt()).isEqualTo(1);
        assertThat(rejected.get(0).path("reason").asText()).contains("at most 10000 characters");
        assertThat(r.body().length()).as("the value is not echoed back").isLessThan(10_000);
    }

    @Test
    void importedHeatSourcesRecomputeTheHeatingRadii() {
        String plant = """
                {"type":"FeatureCollection","features":[{"type":"Feature","id":"import-test-chp",
                 "properties":{"name":"导入测试热电厂","chp":"yes","status":"operating","largest_unit_mw":350,"total_capacity_mw":700},
                 "geometry":{"type":"Point","coordinates":[119.50,39.95]}}]}""";
        assertThat(service.features("heating-radii")).doesNotContainKey("radius-import-test-chp");
        HttpResponse<String> r = service.upload("heat-sources", "", plant.getBytes(StandardCharsets.UTF_8), "application/geo+json");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(service.features("heating-radii")).containsKey("radius-import-test-chp");
    }

    @Test
    void aGbkShapefileInEpsg4528DryRunsWithItsEncodingAndCrs() {
        JsonNode report = okDryRun(exportGbk4528, "application/zip", "dryRun=true");
        assertThat(report.path("format").asText()).isEqualTo("shapefile");
        assertThat(report.path("sourceCrs").asText()).isEqualTo("EPSG:4528");
        assertThat(report.path("crsFrom").asText()).isEqualTo("prj");
        assertThat(report.path("encoding").asText()).isEqualTo("GBK");
        assertThat(report.path("encodingDetectedFrom").asText()).isEqualTo("cpg");
        assertThat(report.path("geometryTypes").path("MultiPolygon").asInt()).isEqualTo(report.path("count").asInt());
        assertThat(report.path("fields").toString()).contains("\"source\":\"effective_\",\"property\":\"effective_date\"")
                .contains("\"source\":\"feature_id\",\"property\":\"(feature id)\"");
        assertThat(report.path("skipped").toString()).contains("derived");
    }

    @Test
    void partsInAFolderWithNamesInMixedCaseBelongTogether() {
        Map<String, byte[]> entries = ImportFiles.unzip(exportGbk4528);
        Map<String, byte[]> renamed = new LinkedHashMap<>();
        Map<String, String> names = Map.of(".shp", "Zones.SHP", ".shx", "zones.shx", ".dbf", "ZONES.DBF", ".prj", "zones.PRJ",
                ".cpg", "Zones.cpg", "fields.csv", "fields.csv");
        names.forEach((suffix, name) -> renamed.put("导出/" + name, entries.get(ImportFiles.nameEndingWith(entries, suffix))));
        JsonNode report = okDryRun(ImportFiles.zip(renamed), "application/zip", "dryRun=true");
        assertThat(report.path("encodingDetectedFrom").asText()).isEqualTo("cpg");
        assertThat(report.path("crsFrom").asText()).isEqualTo("prj");
        assertThat(report.path("rejected")).isEmpty();
        assertThat(report.path("fields").toString()).contains("effective_date");
    }

    @Test
    void withoutCpgOrParameterTheEncodingIsGuessedAndSaid() {
        Map<String, byte[]> entries = ImportFiles.unzip(exportGbk4528);
        entries.remove(ImportFiles.nameEndingWith(entries, ".cpg"));
        JsonNode report = okDryRun(ImportFiles.zip(entries), "application/zip", "dryRun=true");
        assertThat(report.path("encoding").asText()).isEqualTo("GBK");
        assertThat(report.path("encodingDetectedFrom").asText()).isEqualTo("guess");
        assertThat(report.path("notes").toString()).contains("not UTF-8").contains("GBK");
        JsonNode given = okDryRun(ImportFiles.zip(entries), "application/zip", "dryRun=true&encoding=GBK");
        assertThat(given.path("encodingDetectedFrom").asText()).isEqualTo("parameter");
    }

    @Test
    void formatIsToldByContentWhenNothingSaysIt() {
        byte[] geojson = service.download("/api/export/ban-zones?format=geojson");
        assertThat(okDryRun(geojson, null, "dryRun=true").path("format").asText()).isEqualTo("geojson");
        byte[] kml = service.download("/api/export/ban-zones?format=kml");
        assertThat(okDryRun(kml, "application/octet-stream", "dryRun=true").path("format").asText()).isEqualTo("kml");
        byte[] gpkg = service.download("/api/export/ban-zones?format=geopackage&crs=EPSG:4549");
        JsonNode g = okDryRun(gpkg, null, "dryRun=true");
        assertThat(g.path("format").asText()).isEqualTo("geopackage");
        assertThat(g.path("sourceCrs").asText()).isEqualTo("EPSG:4549");
        assertThat(okDryRun(ImportFiles.zip(Map.of("zones.gpkg", gpkg)), "application/zip", "dryRun=true").path("format").asText())
                .isEqualTo("geopackage");
        assertThat(okDryRun(ImportFiles.zip(Map.of("doc.kml", kml)), "application/vnd.google-earth.kmz", "dryRun=true").path("format").asText())
                .isEqualTo("kml");
        assertThat(okDryRun(exportGbk4528, "application/octet-stream", "dryRun=true&format=shp").path("format").asText()).isEqualTo("shapefile");
    }

    @Test
    void aShapefileWithoutPrjNeedsTheCrsParameter() {
        Map<String, byte[]> entries = ImportFiles.unzip(exportGbk4528);
        entries.remove(ImportFiles.nameEndingWith(entries, ".prj"));
        byte[] zip = ImportFiles.zip(entries);
        refused(zip, "application/zip", "", 400, "no .prj");
        JsonNode report = okDryRun(zip, "application/zip", "dryRun=true&crs=EPSG:4528");
        assertThat(report.path("sourceCrs").asText()).isEqualTo("EPSG:4528");
        assertThat(report.path("crsFrom").asText()).isEqualTo("parameter");
    }

    // --- refusals ---

    @Test
    void missingShapefilePartsAreNamed() {
        Map<String, byte[]> entries = ImportFiles.unzip(exportGbk4528);
        Map<String, byte[]> noDbf = new LinkedHashMap<>(entries);
        noDbf.remove(ImportFiles.nameEndingWith(entries, ".dbf"));
        refused(ImportFiles.zip(noDbf), "application/zip", "", 400, ".dbf");
        Map<String, byte[]> noShxDbf = new LinkedHashMap<>(noDbf);
        noShxDbf.remove(ImportFiles.nameEndingWith(entries, ".shx"));
        refused(ImportFiles.zip(noShxDbf), "application/zip", "", 400, ".shx and ");
        Map<String, byte[]> noShp = new LinkedHashMap<>(entries);
        noShp.remove(ImportFiles.nameEndingWith(entries, ".shp"));
        refused(ImportFiles.zip(noShp), "application/zip", "", 400, ".shp");
        refused(ImportFiles.zip(Map.of("readme.txt", "hello".getBytes(StandardCharsets.UTF_8))), "application/zip", "", 400, "no shapefile");
    }

    @Test
    void mismatchedRecordCountsAreRefused() {
        Map<String, byte[]> entries = ImportFiles.unzip(exportGbk4528);
        Map<String, byte[]> heat = ImportFiles.unzip(service.download("/api/export/heat-sources?format=shapefile&crs=EPSG:4528&encoding=GBK"));
        entries.put(ImportFiles.nameEndingWith(entries, ".dbf"), heat.get(ImportFiles.nameEndingWith(heat, ".dbf")));
        refused(ImportFiles.zip(entries), "application/zip", "", 400, "mismatched record counts");
    }

    @Test
    void truncatedFilesAreRefused() {
        for (String part : new String[]{".shp", ".shx", ".dbf"}) {
            Map<String, byte[]> entries = ImportFiles.unzip(exportGbk4528);
            String name = ImportFiles.nameEndingWith(entries, part);
            byte[] whole = entries.get(name);
            entries.put(name, Arrays.copyOf(whole, whole.length - (part.equals(".shx") ? 8 : 40)));
            refused(ImportFiles.zip(entries), "application/zip", "", 400, "truncated");
            entries.put(name, Arrays.copyOf(whole, 60));
            refused(ImportFiles.zip(entries), "application/zip", "", 400, "truncated");
        }
    }

    @Test
    void aZipBombIsRefused() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("zones.shp"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) zip.write(zeros);
            zip.closeEntry();
        }
        assertThat(bytes.size()).isLessThan(200_000);
        refused(bytes.toByteArray(), "application/zip", "", 400, "zip bomb");
    }

    @Test
    void entriesOutsideTheArchiveAreRefused() {
        Map<String, byte[]> entries = ImportFiles.unzip(exportGbk4528);
        for (String evil : new String[]{"../evil.shp", "a/../../evil.cpg", "..\\evil.prj", "/etc/evil.dbf"}) {
            Map<String, byte[]> e = new LinkedHashMap<>(entries);
            e.put(evil, "x".getBytes(StandardCharsets.UTF_8));
            refused(ImportFiles.zip(e), "application/zip", "", 400, "outside");
        }
    }

    @Test
    void anUnknownPrjIsRefusedWithWhatItIs() {
        Map<String, byte[]> entries = ImportFiles.unzip(exportGbk4528);
        // Beijing 1954 / 3-degree Gauss-Kruger CM 120E, as ArcGIS writes it: Krassowsky ellipsoid, needs a datum shift
        String beijing = Gdal.run(null, "/usr/bin/gdalsrsinfo", "-o", "wkt_esri", "EPSG:2437").output().trim();
        assertThat(beijing).contains("Krasovsky");
        entries.put(ImportFiles.nameEndingWith(entries, ".prj"), beijing.getBytes(StandardCharsets.US_ASCII));
        refused(ImportFiles.zip(entries), "application/zip", "", 400, "Krasovsky");
        entries.put(ImportFiles.nameEndingWith(entries, ".prj"), "this is not WKT".getBytes(StandardCharsets.US_ASCII));
        refused(ImportFiles.zip(entries), "application/zip", "", 400, "crs=EPSG");
    }

    @Test
    void aWrongEncodingIsCaughtAndTheRightOneSuggested() {
        Map<String, byte[]> entries = ImportFiles.unzip(exportGbk4528);
        entries.put(ImportFiles.nameEndingWith(entries, ".cpg"), "UTF-8".getBytes(StandardCharsets.US_ASCII));
        byte[] zip = ImportFiles.zip(entries);
        String detail = refused(zip, "application/zip", "", 400, "encoding=GBK");
        assertThat(detail).contains("the .cpg says UTF-8");
        refused(zip, "application/zip", "encoding=UTF-8", 400, "encoding=GBK");
        assertThat(okDryRun(zip, "application/zip", "dryRun=true&encoding=GBK").path("encoding").asText()).isEqualTo("GBK");
        entries.put(ImportFiles.nameEndingWith(entries, ".cpg"), "KLINGON".getBytes(StandardCharsets.US_ASCII));
        refused(ImportFiles.zip(entries), "application/zip", "", 400, "KLINGON");
    }

    @Test
    void badParametersAreRefused() {
        refused(exportGbk4528, "application/zip", "format=dwg", 400, "format must be");
        refused(exportGbk4528, "application/zip", "crs=EPSG:2437", 400, "crs 'EPSG:2437' is not supported");
        refused(exportGbk4528, "application/zip", "encoding=KOI8-R", 400, "encoding must be");
        refused(exportGbk4528, "application/zip", "dryRun=maybe", 400, "dryRun");
        refused(service.download("/api/export/ban-zones?format=geojson"), "application/geo+json", "encoding=GBK", 400, "shapefiles only");
        refused(exportGbk4528, "application/zip", "format=kml", 400, "no kml file");
        refused(service.download("/api/export/ban-zones?format=geojson"), null, "format=shapefile", 400, "as a zip");
    }

    @Test
    void unreadableBodiesAreRefused() {
        refused(new byte[0], "application/zip", "", 400, "empty");
        refused("hello".getBytes(StandardCharsets.UTF_8), null, "", 400, "cannot tell");
        refused("{\"type\":\"Feature\",".getBytes(StandardCharsets.UTF_8), "application/geo+json", "", 400, "GeoJSON cannot be read");
        refused("PK\u0003\u0004garbage".getBytes(StandardCharsets.ISO_8859_1), "application/zip", "", 400, "zip");
        refused("SQLite format 3\u0000 and then nothing".getBytes(StandardCharsets.ISO_8859_1), null, "", 400, "GeoPackage");
        refused("<html><body>no</body></html>".getBytes(StandardCharsets.UTF_8), null, "", 400, "not KML");
    }

    @Test
    void kmlWithAnExternalEntityIsRefusedWithoutReadingIt() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE kml [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark><name>&secret;</name>
                <Point><coordinates>119.6,39.9</coordinates></Point></Placemark></Document></kml>""";
        String detail = refused(xxe.getBytes(StandardCharsets.UTF_8), "application/vnd.google-earth.kml+xml", "", 400, "KML");
        assertThat(detail).doesNotContain("root:");
    }

    @Test
    void aTwoGigabyteUploadIsRefusedBeforeItIsRead() throws IOException {
        try (Socket socket = new Socket("localhost", service.port())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/import/ban-zones HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + ImportService.adminAuth()
                    + "\r\nContent-Type: application/zip\r\nContent-Length: 2147483648\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[64 * 1024]); // the start of the body; the rest never comes
            out.flush();
            InputStream in = socket.getInputStream();
            String head = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            assertThat(head).isEqualTo("HTTP/1.1 413");
        }
        assertThat(service.items("ban-zones")).isEqualTo(before);
    }

    @Test
    void whoMayImport() {
        byte[] body = service.download("/api/export/ban-zones?format=geojson");
        HttpResponse<String> anonymous = service.send("POST", "/api/import/ban-zones", body, "Content-Type", "application/geo+json");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        HttpResponse<String> added = service.send("POST", "/api/users",
                "{\"name\":\"import-viewer\",\"password\":\"viewer-password-1\",\"role\":\"viewer\"}".getBytes(StandardCharsets.UTF_8),
                "Authorization", ImportService.adminAuth(), "Content-Type", "application/json");
        assertThat(added.statusCode()).as(added.body()).isIn(201, 409);
        String viewer = "Basic " + java.util.Base64.getEncoder().encodeToString("import-viewer:viewer-password-1".getBytes(StandardCharsets.UTF_8));
        assertThat(service.send("POST", "/api/import/ban-zones", body, "Authorization", viewer, "Content-Type", "application/geo+json")
                .statusCode()).isEqualTo(403);
        assertThat(service.upload("districts", "", body, "application/geo+json").statusCode()).isEqualTo(405);
        assertThat(service.upload("heating-radii", "", body, "application/geo+json").statusCode()).isEqualTo(405);
        assertThat(service.upload("no-such-layer", "", body, "application/geo+json").statusCode()).isEqualTo(404);
        assertThat(service.items("ban-zones")).isEqualTo(before);
    }

    private static JsonNode okDryRun(byte[] body, String contentType, String query) {
        HttpResponse<String> r = service.upload("ban-zones", query, body, contentType);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return GeoJson.parseObject(r.body());
    }

    /** Posts, expects the status and a detail containing {@code expected}, and that ban-zones did not change; returns the detail. */
    private String refused(byte[] body, String contentType, String query, int status, String expected) {
        HttpResponse<String> r = service.upload("ban-zones", query, body, contentType);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        JsonNode error = GeoJson.parseObject(r.body());
        assertThat(error.path("status").asInt()).isEqualTo(status);
        assertThat(error.path("detail").asText()).as(r.body()).contains(expected);
        assertThat(service.items("ban-zones")).as("nothing imported").isEqualTo(before);
        assertThat(service.importLeftovers()).as("working directory removed").isEmpty();
        return error.path("detail").asText();
    }
}
