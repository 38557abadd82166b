package airzone.http;

import airzone.App;
import airzone.config.Config;
import airzone.io.Gdal;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.geojson.GeoJsonReader;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * GET /api/export/{collection} end to end: the whole service with the sample data, every export
 * downloaded and read back by GDAL (ogrinfo with the SQLite dialect) — feature count equal to the
 * collection's numberMatched, geometry type, validity, the CRS GDAL identifies, coordinates where
 * GDAL/PROJ put them, Chinese names equal to the source in UTF-8 and GBK — plus the refusals and the
 * working directory left empty.
 *
 * <p>Starts the service like RunningService does, but on a data directory it knows, to look into
 * {@code <data dir>/tmp} where exports are written.
 */
class ExportApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Charset GBK = Charset.forName("GBK");

    private static App app;
    private static Path dataDir;
    private static Path downloads;
    private static String base;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    /** collection id → its features as the OGC API serves them (GeoJSON, lon/lat) */
    private static final Map<String, JsonNode> SOURCES = new HashMap<>();

    @BeforeAll
    static void start() throws IOException {
        Gdal.requireTools();
        dataDir = Files.createTempDirectory("airzone-export-test");
        downloads = Files.createTempDirectory("airzone-export-downloads");
        app = App.start(Config.from(Map.of("AIRZONE_PORT", "0", "AIRZONE_DATA_DIR", dataDir.toString()), new String[0]));
        base = "http://localhost:" + app.port();
    }

    @AfterAll
    static void stop() throws IOException {
        if (app != null) app.close();
        deleteTree(dataDir);
        deleteTree(downloads);
    }

    @AfterEach
    void workingDirectoryIsEmptyAgain() throws IOException {
        Path tmp = dataDir.resolve("tmp");
        if (Files.exists(tmp)) {
            try (Stream<Path> left = Files.list(tmp)) {
                assertThat(left.toList()).as("export working directories left behind").isEmpty();
            }
        }
    }

    /**
     * Every format in the CRSs on ban-zones (6 features, Chinese names and classes); the
     * 3.5 MB districts layer in every CRS as a shapefile (the .prj is where CRS identification can
     * go wrong) and in a spread of CRSs for the other formats, to keep the run short.
     */
    static Stream<Arguments> exports() {
        int[] all = {4326, 4490, 4528, 4549, 3857};
        List<Arguments> list = new ArrayList<>();
        for (String format : List.of("shapefile", "geopackage", "geojson")) {
            for (int epsg : all) list.add(Arguments.of("ban-zones", format, epsg));
        }
        list.add(Arguments.of("ban-zones", "csv", 4326));
        list.add(Arguments.of("ban-zones", "csv", 4528));
        list.add(Arguments.of("ban-zones", "kml", 4326));
        for (int epsg : all) list.add(Arguments.of("districts", "shapefile", epsg));
        for (int epsg : new int[]{4326, 4528, 3857}) list.add(Arguments.of("districts", "geopackage", epsg));
        for (int epsg : new int[]{4490, 4549}) list.add(Arguments.of("districts", "geojson", epsg));
        list.add(Arguments.of("districts", "csv", 4528));
        list.add(Arguments.of("districts", "kml", 4326));
        return list.stream();
    }

    @ParameterizedTest(name = "{0} as {1} in EPSG:{2}")
    @MethodSource("exports")
    void gdalReadsEveryExportBack(String collection, String format, int epsg) throws IOException {
        Download d = download(collection, "format=" + format + "&crs=EPSG:" + epsg);
        JsonNode source = source(collection);
        String g = d.geometryColumn();

        Gdal.LayerInfo info = Gdal.layerInfo(d.dataset(), d.layer());
        assertThat(info.featureCount()).as("feature count").isEqualTo(source.path("numberMatched").asLong());
        switch (format) {
            case "shapefile" -> assertThat(info.geometry()).isEqualTo("Polygon");
            case "geopackage", "geojson" -> assertThat(info.geometry()).isEqualTo("Multi Polygon");
            default -> { // CSV and KML layers are untyped; every feature must be a MultiPolygon
            }
        }
        if (format.equals("csv")) {
            assertThat(info.epsg()).as("CSV has no CRS of its own").isNull();
            assertThat(d.header("Content-Crs")).isEqualTo("<http://www.opengis.net/def/crs/EPSG/0/" + epsg + ">");
        } else {
            assertThat(info.epsg()).as("EPSG code GDAL identifies; ogrinfo said:%n%s", info.output()).isEqualTo(epsg);
        }
        assertThat(info.output()).doesNotContain("ERROR").doesNotContain("Warning");

        Map<String, String> summary = Gdal.sql(d.dataset(), "SELECT count(*) AS n, sum(ST_IsValid(" + g + ")) AS valid, "
                + "count(DISTINCT ST_GeometryType(" + g + ")) AS kinds, min(ST_GeometryType(" + g + ")) AS kind FROM \"" + d.layer() + "\"").get(0);
        assertThat(summary).as("all valid").containsEntry("valid", summary.get("n"));
        if (!format.equals("shapefile")) {
            // a shapefile cannot tell single-part polygons from multipolygons: GDAL gives POLYGON for single parts
            assertThat(summary).containsEntry("kinds", "1").containsEntry("kind", "MULTIPOLYGON");
        }

        Map<String, String> names = new LinkedHashMap<>();
        for (Map<String, String> row : Gdal.sql(d.dataset(), "SELECT " + d.idColumn() + " AS id, " + d.nameColumn() + " AS name FROM \"" + d.layer() + "\"")) {
            names.put(row.get("id"), row.get("name"));
        }
        assertThat(names).as("feature ids and Chinese names as GDAL reads them").isEqualTo(sourceNames(collection));

        if (collection.equals("districts")) {
            Map<String, String> c = Gdal.sql(d.dataset(), "SELECT ST_X(ST_Centroid(" + g + ")) AS x, ST_Y(ST_Centroid(" + g + ")) AS y FROM \""
                    + d.layer() + "\" WHERE " + d.nameColumn() + " = '海港区'").get(0);
            double[] expected = expectedCentroid("海港区", epsg);
            // the centroid of the projected polygon differs from the projected centroid by metres, not more
            double tolerance = epsg == 4326 || epsg == 4490 ? 1e-6 : 100;
            assertThat(Double.parseDouble(c.get("x"))).as("centroid x of 海港区").isCloseTo(expected[0], within(tolerance));
            assertThat(Double.parseDouble(c.get("y"))).as("centroid y of 海港区").isCloseTo(expected[1], within(tolerance));
        }
    }

    @ParameterizedTest(name = "heat sources as {0} in EPSG:{1}")
    @CsvSource({"shapefile,4528", "geopackage,4549", "geojson,3857", "csv,4528", "geojson,4490", "kml,4326"})
    void pointsLandWhereGdalPutsThem(String format, int epsg) throws IOException {
        Download d = download("heat-sources", "format=" + format + "&crs=EPSG:" + epsg);
        JsonNode features = source("heat-sources").path("features");
        List<double[]> lonLat = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (JsonNode f : features) {
            ids.add(f.path("id").asText());
            lonLat.add(new double[]{f.path("geometry").path("coordinates").get(0).asDouble(), f.path("geometry").path("coordinates").get(1).asDouble()});
        }
        List<double[]> expected = epsg == 4326 || epsg == 4490 ? lonLat : Gdal.transform(epsg == 3857 ? 4326 : 4490, epsg, lonLat);
        String g = d.geometryColumn();
        Map<String, double[]> actual = new HashMap<>();
        for (Map<String, String> row : Gdal.sql(d.dataset(), "SELECT " + d.idColumn() + " AS id, ST_X(" + g + ") AS x, ST_Y(" + g + ") AS y FROM \"" + d.layer() + "\"")) {
            actual.put(row.get("id"), new double[]{Double.parseDouble(row.get("x")), Double.parseDouble(row.get("y"))});
        }
        assertThat(actual).hasSize(ids.size());
        // the source itself is GeoJSON at 7 decimals (1 cm); text exports round to 1 mm / 1e-7 degree
        double tolerance = epsg == 4326 || epsg == 4490 ? 2e-7 : 0.02;
        for (int i = 0; i < ids.size(); i++) {
            assertThat(actual.get(ids.get(i))[0]).as("x of %s", ids.get(i)).isCloseTo(expected.get(i)[0], within(tolerance));
            assertThat(actual.get(ids.get(i))[1]).as("y of %s", ids.get(i)).isCloseTo(expected.get(i)[1], within(tolerance));
        }
        if (!format.equals("kml") && !format.equals("csv")) {
            assertThat(Gdal.layerInfo(d.dataset(), d.layer()).geometry()).isEqualTo("Point");
        }
    }

    @ParameterizedTest(name = "{0} shapefile in {1}")
    @CsvSource({"ban-zones,UTF-8", "ban-zones,GBK", "districts,UTF-8", "districts,GBK"})
    void chineseTextIsByteEqualInTheDbfAndForGdal(String collection, String encoding) throws IOException {
        Download d = download(collection, "format=shapefile&crs=EPSG:4528&encoding=" + encoding);
        Charset charset = encoding.equals("GBK") ? GBK : StandardCharsets.UTF_8;
        String stem = d.layer();
        assertThat(d.files()).containsExactlyInAnyOrder(stem + ".shp", stem + ".shx", stem + ".dbf", stem + ".prj", stem + ".cpg", "fields.csv");
        assertThat(Files.readString(d.dir().resolve(stem + ".cpg"))).isEqualTo(encoding);
        byte[] dbf = Files.readAllBytes(d.dir().resolve(stem + ".dbf"));
        assertThat(dbf[29] & 0xff).as("DBF language driver id").isEqualTo(encoding.equals("GBK") ? 0x4D : 0x00);

        Map<String, String> names = sourceNames(collection);
        for (String name : names.values()) {
            assertThat(indexOf(dbf, name.getBytes(charset))).as("%s bytes of %s in the .dbf", encoding, name).isNotNegative();
            if (charset == GBK) {
                assertThat(indexOf(dbf, name.getBytes(StandardCharsets.UTF_8))).as("no UTF-8 bytes of %s", name).isNegative();
            }
        }
        Map<String, String> read = new LinkedHashMap<>();
        for (Map<String, String> row : Gdal.sql(d.dataset(), "SELECT feature_id AS id, name FROM \"" + stem + "\"")) read.put(row.get("id"), row.get("name"));
        assertThat(read).as("names GDAL decodes through the .cpg").isEqualTo(names);
        // the .prj is the ESRI flavour ArcGIS writes
        assertThat(Files.readString(d.dir().resolve(stem + ".prj"))).startsWith("PROJCS[\"CGCS2000_3_Degree_GK_Zone_40\"");
    }

    @ParameterizedTest(name = "{0} as {1}")
    @CsvSource({"heating-radii,geopackage,Polygon", "heating-radii,shapefile,Polygon", "border-lines,geopackage,Multi Line String",
            "border-lines,shapefile,Line String", "border-buffers,geopackage,Multi Polygon", "border-buffers,kml,"})
    void derivedLayersExportWithTheirParameters(String collection, String format, String geometry) throws IOException {
        Download d = download(collection, "format=" + format + "&crs=EPSG:" + (format.equals("kml") ? 4326 : 4528));
        Gdal.LayerInfo info = Gdal.layerInfo(d.dataset(), d.layer());
        assertThat(info.featureCount()).isEqualTo(source(collection).path("numberMatched").asLong()).isPositive();
        if (geometry != null) assertThat(info.geometry()).isEqualTo(geometry);
        Map<String, String> row = Gdal.sql(d.dataset(), "SELECT parameters, citation, source_ids FROM \"" + d.layer() + "\" LIMIT 1").get(0);
        JsonNode parameters = JSON.readTree(row.get("parameters"));
        assertThat(parameters.isObject() && parameters.size() > 0).as("parameters as JSON text: %s", row.get("parameters")).isTrue();
        assertThat(JSON.readTree(row.get("citation")).path("document").asText()).endsWith(".txt");
        assertThat(JSON.readTree(row.get("source_ids")).isArray()).isTrue();
        if (format.equals("shapefile")) {
            assertThat(Files.readAllLines(d.dir().resolve("fields.csv"))).contains("parameters,parameters,json,C,"
                    + maxLength(collection, "parameters") + ",0,nested value written as JSON text");
        }
    }

    @Test
    void bboxSelectsWhatItemsSelects() throws IOException {
        String bbox = "bbox=119.2,39.8,119.9,40.2";
        long matched = JSON.readTree(get("/ogc/collections/districts/items?limit=1&" + bbox).body()).path("numberMatched").asLong();
        assertThat(matched).isBetween(1L, 20L);
        Download d = download("districts", "format=geopackage&" + bbox);
        assertThat(Gdal.layerInfo(d.dataset(), d.layer()).featureCount()).isEqualTo(matched);
    }

    @Test
    void anEmptySelectionIsAnEmptyFileNotAnError() throws IOException {
        for (String format : List.of("shapefile", "geopackage", "geojson", "csv")) {
            Download d = download("ban-zones", "format=" + format + "&bbox=0,0,1,1");
            assertThat(Gdal.layerInfo(d.dataset(), d.layer()).featureCount()).as(format).isZero();
        }
        // GDAL's LIBKML driver shows a document without placemarks as no layer at all
        HttpResponse<byte[]> kml = getBytes("/api/export/ban-zones?format=kml&bbox=0,0,1,1");
        assertThat(kml.statusCode()).isEqualTo(200);
        Path file = Files.createTempFile(downloads, "empty", ".kml");
        Files.write(file, kml.body());
        assertThat(Gdal.ogrinfo("-ro", "-q", file.toString()).exitCode()).isZero();
    }

    @Test
    void headersNameTheFileAndType() throws IOException {
        Map<String, String> types = Map.of("shapefile", "application/zip", "geopackage", "application/geopackage+sqlite3",
                "geojson", "application/geo+json", "kml", "application/vnd.google-earth.kml+xml", "csv", "text/csv; charset=UTF-8");
        for (var e : types.entrySet()) {
            HttpResponse<byte[]> r = getBytes("/api/export/ban-zones?format=" + e.getKey());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type")).contains(e.getValue());
            assertThat(r.headers().firstValue("Content-Disposition").orElseThrow())
                    .matches("attachment; filename=\"ban-zones_\\d{4}-\\d{2}-\\d{2}\\.[a-z]+\"");
            assertThat(r.headers().firstValue("Content-Crs")).contains("<http://www.opengis.net/def/crs/EPSG/0/4326>");
        }
        assertThat(getBytes("/api/export/districts?format=csv&encoding=GBK").headers().firstValue("Content-Type")).contains("text/csv; charset=GBK");
        assertThat(getBytes("/api/export/districts?format=shp&crs=EPSG:4549").headers().firstValue("Content-Disposition").orElseThrow())
                .matches("attachment; filename=\"districts_\\d{4}-\\d{2}-\\d{2}_EPSG4549\\.zip\"");
    }

    @Test
    void gbkCsvIsGbk() throws IOException {
        byte[] csv = getBytes("/api/export/ban-zones?format=csv&encoding=GBK").body();
        String text = new String(csv, GBK);
        for (String name : sourceNames("ban-zones").values()) assertThat(text).contains(name);
        assertThat(csv[0]).as("no byte-order mark in GBK").isEqualTo((byte) 'f');
        byte[] utf8 = getBytes("/api/export/ban-zones?format=csv").body();
        assertThat(new byte[]{utf8[0], utf8[1], utf8[2]}).as("UTF-8 byte-order mark for Excel").containsExactly(0xEF, 0xBB, 0xBF);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "/api/export/ban-zones?format=xls|400|format",
            "/api/export/ban-zones|400|format",
            "/api/export/ban-zones?format=shapefile&crs=EPSG:9999|400|crs",
            "/api/export/ban-zones?format=shapefile&crs=EPSG:2385|400|crs",
            "/api/export/ban-zones?format=geojson&crs=banana|400|crs",
            "/api/export/ban-zones?format=kml&crs=EPSG:4528|400|crs",
            "/api/export/ban-zones?format=shapefile&encoding=latin1|400|encoding",
            "/api/export/ban-zones?format=geojson&encoding=GBK|400|encoding",
            "/api/export/ban-zones?format=geopackage&bbox=1,2,3|400|bbox",
            "/api/export/ban-zones?format=csv&limit=0|400|limit",
            "/api/export/no-such-layer?format=shapefile|404|no-such-layer"})
    void badRequestsAreRefusedWithAClearMessage(String path, int status, String named) throws IOException {
        HttpResponse<String> r = get(path);
        assertThat(r.statusCode()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.path("status").asInt()).isEqualTo(status);
        assertThat(body.path("error").asText()).isNotBlank();
        assertThat(body.path("detail").asText()).contains(named);
    }

    // --- helpers ---------------------------------------------------------------------------------

    /** A downloaded export, unpacked when zipped, with what GDAL needs to query it. */
    record Download(Path dir, Path dataset, String layer, String format, List<String> files, HttpResponse<byte[]> response) {
        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        String geometryColumn() {
            return format.equals("geopackage") ? "geom" : "geometry";
        }

        /** GeoJSON keeps the feature id as the feature's "id", which GDAL reads as a field "id". */
        String idColumn() {
            return format.equals("geojson") ? "id" : "feature_id";
        }

        /** KML puts the name in the placemark's name, which GDAL calls "Name". */
        String nameColumn() {
            return format.equals("kml") ? "Name" : "name";
        }
    }

    private static Download download(String collection, String query) throws IOException {
        HttpResponse<byte[]> r = getBytes("/api/export/" + collection + "?" + query);
        assertThat(r.statusCode()).as("export %s?%s: %s", collection, query, new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        String disposition = r.headers().firstValue("Content-Disposition").orElseThrow();
        String fileName = disposition.replaceAll("^attachment; filename=\"(.*)\"$", "$1");
        assertThat(fileName).matches("[A-Za-z0-9_.-]+");
        Path dir = Files.createTempDirectory(downloads, "d");
        Path file = dir.resolve(fileName);
        Files.write(file, r.body());
        String format = query.replaceAll(".*format=([a-z]+).*", "$1");
        List<String> files = new ArrayList<>();
        if (format.equals("shapefile") || format.equals("shp")) {
            Path shp = null;
            try (InputStream in = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(in)) {
                for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                    assertThat(e.getName()).matches("[A-Za-z0-9_.-]+");
                    Files.copy(zip, dir.resolve(e.getName()));
                    files.add(e.getName());
                    if (e.getName().endsWith(".shp")) shp = dir.resolve(e.getName());
                }
            }
            assertThat(shp).as("a .shp in the zip").isNotNull();
            String stem = shp.getFileName().toString().replace(".shp", "");
            return new Download(dir, shp, stem, "shapefile", files, r);
        }
        String layer = switch (format) {
            case "kml" -> {
                List<String> layers = Gdal.layers(file);
                assertThat(layers).as("KML layers").hasSize(1);
                yield layers.get(0);
            }
            case "csv" -> fileName.replace(".csv", "");
            default -> collection;
        };
        return new Download(dir, file, layer, format, List.of(fileName), r);
    }

    private static JsonNode source(String collection) throws IOException {
        JsonNode cached = SOURCES.get(collection);
        if (cached != null) return cached;
        HttpResponse<String> r = get("/ogc/collections/" + collection + "/items?limit=10000");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode node = JSON.readTree(r.body());
        SOURCES.put(collection, node);
        return node;
    }

    private static Map<String, String> sourceNames(String collection) throws IOException {
        Map<String, String> names = new LinkedHashMap<>();
        for (JsonNode f : source(collection).path("features")) names.put(f.path("id").asText(), f.path("properties").path("name").asText());
        return names;
    }

    private static int maxLength(String collection, String property) throws IOException {
        int max = 1;
        for (JsonNode f : source(collection).path("features")) {
            max = Math.max(max, f.path("properties").path(property).toString().getBytes(StandardCharsets.UTF_8).length);
        }
        return Math.min(max, 254);
    }

    private static double[] expectedCentroid(String district, int epsg) throws IOException {
        for (JsonNode f : source("districts").path("features")) {
            if (!f.path("properties").path("name").asText().equals(district)) continue;
            Geometry g;
            try {
                g = new GeoJsonReader().read(f.path("geometry").toString());
            } catch (org.locationtech.jts.io.ParseException e) {
                throw new IOException(e);
            }
            Point c = g.getCentroid();
            if (epsg == 4326 || epsg == 4490) return new double[]{c.getX(), c.getY()};
            return Gdal.transform(epsg == 3857 ? 4326 : 4490, epsg, List.<double[]>of(new double[]{c.getX(), c.getY()})).get(0);
        }
        throw new AssertionError("no district " + district);
    }

    private static HttpResponse<String> get(String path) throws IOException {
        return send(path, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static HttpResponse<byte[]> getBytes(String path) throws IOException {
        return send(path, HttpResponse.BodyHandlers.ofByteArray());
    }

    private static <T> HttpResponse<T> send(String path, HttpResponse.BodyHandler<T> handler) throws IOException {
        try {
            return CLIENT.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), handler);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) if (haystack[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }

    static void deleteTree(Path root) throws IOException {
        if (root == null || !Files.exists(root)) return;
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
