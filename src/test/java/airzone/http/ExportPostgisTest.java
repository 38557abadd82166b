package airzone.http;

import airzone.RunningService;
import airzone.io.Gdal;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The export over the PostGIS store: the same files as over H2GIS (ExportApiTest covers the
 * formats in depth), here checked for what a store can change — counts, names, types of the
 * columns GDAL reads (jsonb may hand numbers back differently), the CRS.
 */
class ExportPostgisTest {

    private static RunningService service;
    private static Path downloads;
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() throws IOException {
        Gdal.requireTools();
        service = RunningService.start(RunningService.Store.POSTGIS);
        downloads = Files.createTempDirectory("airzone-export-pg");
    }

    @AfterAll
    static void stop() throws Exception {
        if (service != null) service.close();
        ExportApiTest.deleteTree(downloads);
    }

    @ParameterizedTest(name = "{0} as {1} in EPSG:{2} ({3})")
    @CsvSource({"ban-zones,shapefile,4528,GBK", "districts,shapefile,4549,UTF-8", "heat-sources,geopackage,3857,UTF-8",
            "heating-radii,geopackage,4528,UTF-8", "border-buffers,geojson,4490,UTF-8"})
    void gdalReadsTheExportFromPostgis(String collection, String format, int epsg, String encoding) throws Exception {
        HttpResponse<byte[]> r = get("/api/export/" + collection + "?format=" + format + "&crs=EPSG:" + epsg + "&encoding=" + encoding);
        assertThat(r.statusCode()).as(new String(r.body())).isEqualTo(200);
        Path dir = Files.createTempDirectory(downloads, collection);
        Path dataset;
        String layer;
        if (format.equals("shapefile")) {
            dataset = null;
            try (InputStream in = new java.io.ByteArrayInputStream(r.body()); ZipInputStream zip = new ZipInputStream(in)) {
                for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                    Files.copy(zip, dir.resolve(e.getName()));
                    if (e.getName().endsWith(".shp")) dataset = dir.resolve(e.getName());
                }
            }
            assertThat(dataset).isNotNull();
            layer = dataset.getFileName().toString().replace(".shp", "");
        } else {
            dataset = dir.resolve(collection + "." + (format.equals("geopackage") ? "gpkg" : "geojson"));
            Files.write(dataset, r.body());
            layer = collection;
        }

        JsonNode source = JSON.readTree(get("/ogc/collections/" + collection + "/items?limit=10000").body());
        Gdal.LayerInfo info = Gdal.layerInfo(dataset, layer);
        assertThat(info.featureCount()).isEqualTo(source.path("numberMatched").asLong());
        assertThat(info.epsg()).isEqualTo(epsg);
        assertThat(info.output()).doesNotContain("ERROR").doesNotContain("Warning");

        String id = format.equals("geojson") ? "id" : "feature_id";
        String geom = format.equals("geopackage") ? "geom" : "geometry";
        Map<String, String> names = new HashMap<>();
        for (Map<String, String> row : Gdal.sql(dataset, "SELECT " + id + " AS id, name, ST_IsValid(" + geom + ") AS v FROM \"" + layer + "\"")) {
            names.put(row.get("id"), row.get("name"));
            assertThat(row.get("v")).as("valid %s", row.get("id")).isEqualTo("1");
        }
        Map<String, String> expected = new HashMap<>();
        for (JsonNode f : source.path("features")) expected.put(f.path("id").asText(), f.path("properties").path("name").asText());
        assertThat(names).isEqualTo(expected);

        if (collection.equals("heat-sources")) {
            assertThat(info.output()).contains("largest_unit_mw: Real").contains("total_capacity_mw: Real");
        }
        if (collection.equals("heating-radii")) {
            assertThat(info.output()).contains("radius_km: Real");
            List<Map<String, String>> p = Gdal.sql(dataset, "SELECT parameters FROM \"" + layer + "\" LIMIT 1");
            assertThat(JSON.readTree(p.get(0).get("parameters")).has("radius_km")).isTrue();
        }
    }

    private static HttpResponse<byte[]> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(service.baseUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }
}
