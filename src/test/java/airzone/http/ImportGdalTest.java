package airzone.http;

import airzone.geo.GeoJson;
import airzone.io.Gdal;
import airzone.layer.Feature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.geojson.GeoJsonReader;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Files written by GDAL (Debian's gdal-bin: ogr2ogr) import right: a GeoJSON of the sample ban
 * zones with their Chinese names, converted by ogr2ogr to a shapefile in UTF-8 and in GBK
 * ({@code -lco ENCODING=…}), in EPSG:4528 ({@code -t_srs}), without its .cpg, and to a
 * GeoPackage and KML — each imported into ban-zones under new ids and compared with the source:
 * every Chinese text byte-equal, dates and booleans as they were (GDAL writes a boolean to a
 * shapefile as an integer 0/1 and cuts field names to 10 characters), geometry in place.
 *
 * <p>GDAL's plain {@code ogr2ogr -f "ESRI Shapefile"} with no ENCODING writes ISO-8859-1 (LDID 87)
 * and turns every Chinese character into '?' itself ("One or several characters couldn't be
 * converted"); no reader can bring those back, so the tests name the encoding as users must.
 */
class ImportGdalTest {

    private static ImportService service;
    private static Path work;
    private static Path source;
    /** the source features by id: properties and geometry as GeoJSON gave them */
    private static final Map<String, JsonNode> SOURCE = new LinkedHashMap<>();

    @BeforeAll
    static void start() throws IOException {
        Gdal.requireTools();
        service = ImportService.h2gis();
        work = Files.createTempDirectory("airzone-import-gdal");
        ObjectNode collection;
        try (InputStream in = ImportGdalTest.class.getResourceAsStream("/gis-data/sample-ban-zones.geojson")) {
            collection = (ObjectNode) GeoJson.MAPPER.readTree(in);
        }
        for (JsonNode f : collection.get("features")) {
            String id = "gdal-" + f.get("id").asText();
            ((ObjectNode) f).put("id", id);
            // a Chinese field name: GDAL writes it into the .dbf header in the file's encoding
            ((ObjectNode) f.get("properties")).put("备注", "由 GDAL 写出");
            SOURCE.put(id, f);
        }
        source = work.resolve("ban-zones.geojson");
        Files.writeString(source, collection.toString(), StandardCharsets.UTF_8);
    }

    @AfterAll
    static void stop() throws Exception {
        if (service != null) service.close();
        if (work != null) {
            try (Stream<Path> paths = Files.walk(work)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
    }

    @AfterEach
    void nothingLeftBehind() {
        assertThat(service.importLeftovers()).isEmpty();
    }

    @ParameterizedTest(name = "ogr2ogr shapefile -lco ENCODING={0} -t_srs {1}, .cpg kept: {2}")
    @CsvSource({
            "UTF-8, EPSG:4326, true, UTF-8, cpg",
            "GBK, EPSG:4326, true, GBK, cpg",
            "GBK, EPSG:4528, true, GBK, cpg",
            "UTF-8, EPSG:4549, true, UTF-8, cpg",
            "GBK, EPSG:4326, false, GBK, guess",
            "UTF-8, EPSG:4490, false, UTF-8, guess"})
    void gdalShapefilesImportWithTheirChineseNames(String encoding, String crs, boolean keepCpg, String expectedEncoding,
                                                   String detectedFrom) throws IOException {
        Path dir = Files.createTempDirectory(work, "shp");
        ogr2ogr("-f", "ESRI Shapefile", "-lco", "ENCODING=" + encoding, "-t_srs", crs, dir.resolve("ban.shp").toString(), source.toString());
        if (!keepCpg) Files.delete(dir.resolve("ban.cpg"));
        assertThat(Files.readString(dir.resolve("ban.prj"))).as("GDAL wrote an ESRI .prj").doesNotContain("AUTHORITY");

        JsonNode report = imported(ImportFiles.zipDirectory(dir), "application/zip", "");
        assertThat(report.path("encoding").asText()).isEqualTo(expectedEncoding);
        assertThat(report.path("encodingDetectedFrom").asText()).isEqualTo(detectedFrom);
        assertThat(report.path("sourceCrs").asText()).isEqualTo(crs);
        assertThat(report.path("crsFrom").asText()).isEqualTo("prj");
        assertThat(report.path("geometryTypes").path("MultiPolygon").asInt()).isEqualTo(SOURCE.size());
        assertThat(fields(report)).containsEntry("id", "(feature id)").containsEntry("name", "name").containsEntry("备注", "备注")
                .containsEntry("effective_", "effective_date").containsEntry("illustrati", "illustrative");
        assertSameAsSource(crs);
    }

    @Test
    void gdalGeoPackageInAGaussKrugerZoneImports() throws IOException {
        Path gpkg = work.resolve("ban-4549.gpkg");
        ogr2ogr("-f", "GPKG", "-t_srs", "EPSG:4549", gpkg.toString(), source.toString());
        JsonNode report = imported(Files.readAllBytes(gpkg), "application/geopackage+sqlite3", "");
        assertThat(report.path("format").asText()).isEqualTo("geopackage");
        assertThat(report.path("sourceCrs").asText()).isEqualTo("EPSG:4549");
        assertSameAsSource("EPSG:4549");
    }

    @Test
    void aGeoPackageLayerIsChosenWithLayer() throws IOException {
        Path gpkg = work.resolve("two-layers.gpkg");
        ogr2ogr("-f", "GPKG", "-nln", "first", gpkg.toString(), source.toString());
        Path other = work.resolve("other.geojson");
        Files.writeString(other, "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"id\":\"gdal-second\","
                + "\"properties\":{\"name\":\"第二层\",\"class\":\"I\"},\"geometry\":{\"type\":\"Polygon\","
                + "\"coordinates\":[[[119.1,39.1],[119.2,39.1],[119.2,39.2],[119.1,39.1]]]}}]}");
        ogr2ogr("-f", "GPKG", "-update", "-nln", "second", gpkg.toString(), other.toString());
        byte[] body = Files.readAllBytes(gpkg);
        HttpResponse<String> first = service.upload("ban-zones", "dryRun=true", body, null);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        JsonNode report = GeoJson.parseObject(first.body());
        assertThat(report.path("layer").asText()).isEqualTo("first");
        assertThat(report.path("count").asInt()).isEqualTo(SOURCE.size());
        assertThat(report.path("notes").toString()).contains("2 feature tables").contains("layer=");
        HttpResponse<String> second = service.upload("ban-zones", "dryRun=true&layer=second", body, null);
        assertThat(GeoJson.parseObject(second.body()).path("count").asInt()).isEqualTo(1);
        HttpResponse<String> none = service.upload("ban-zones", "dryRun=true&layer=third", body, null);
        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(none.body()).contains("first, second");
    }

    @Test
    void gdalKmlImports() throws IOException {
        Path kml = work.resolve("ban.kml");
        ogr2ogr("-f", "KML", kml.toString(), source.toString());
        JsonNode report = imported(Files.readAllBytes(kml), null, "");
        assertThat(report.path("format").asText()).isEqualTo("kml");
        assertSameAsSource("EPSG:4326");
    }

    private static JsonNode imported(byte[] body, String contentType, String query) {
        HttpResponse<String> r = service.upload("ban-zones", query, body, contentType);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode report = GeoJson.parseObject(r.body());
        assertThat(report.path("rejected")).as(r.body()).isEmpty();
        assertThat(report.path("imported").asInt()).isEqualTo(SOURCE.size());
        return report;
    }

    private static Map<String, String> fields(JsonNode report) {
        Map<String, String> map = new LinkedHashMap<>();
        for (JsonNode f : report.path("fields")) map.put(f.path("source").asText(), f.path("property").asText());
        return map;
    }

    /**
     * Every source feature stored under its id with byte-equal texts and equal values; geometry
     * within 1e-7° — for a projected file, within 1e-8° inside the zone's 3° and 5e-7° far outside
     * it (Qinzhou, 11° west of the 120°E zone, where proj4j's and PROJ's transverse Mercator part by a
     * centimetre or two).
     */
    private static void assertSameAsSource(String crs) {
        Map<String, Feature> stored = service.features("ban-zones");
        for (Map.Entry<String, JsonNode> e : SOURCE.entrySet()) {
            Feature f = stored.get(e.getKey());
            assertThat(f).as("feature %s imported", e.getKey()).isNotNull();
            JsonNode expected = e.getValue().get("properties");
            for (var it = expected.fields(); it.hasNext(); ) {
                var p = it.next();
                JsonNode got = f.properties().get(p.getKey());
                assertThat(got).as("%s of %s", p.getKey(), e.getKey()).isEqualTo(p.getValue());
                if (p.getValue().isTextual()) {
                    assertThat(got.textValue().getBytes(StandardCharsets.UTF_8)).as("bytes of %s", p.getKey())
                            .isEqualTo(p.getValue().textValue().getBytes(StandardCharsets.UTF_8));
                }
            }
            Geometry want = geometry(e.getValue().get("geometry"));
            double tolerance = crs.equals("EPSG:4326") || crs.equals("EPSG:4490") ? 1e-7
                    : Math.abs(want.getCentroid().getX() - 120) <= 1.5 ? 1e-8 : 5e-7;
            assertThat(ImportService.sameGeometry(f.geometry(), want, tolerance)).as("geometry of %s within %s°: %s vs %s",
                    e.getKey(), tolerance, f.geometry(), want).isTrue();
        }
    }

    private static Geometry geometry(JsonNode json) {
        try {
            return new GeoJsonReader().read(json.toString());
        } catch (org.locationtech.jts.io.ParseException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static void ogr2ogr(String... args) {
        List<String> command = new ArrayList<>(List.of("/usr/bin/ogr2ogr"));
        command.addAll(List.of(args));
        Gdal.Result r = Gdal.run(null, command.toArray(String[]::new));
        assertThat(r.exitCode()).as(String.join(" ", command) + "\n" + r.output()).isZero();
    }
}
