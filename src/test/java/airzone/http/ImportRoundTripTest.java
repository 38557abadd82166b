package airzone.http;

import airzone.geo.GeoJson;
import airzone.layer.Feature;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Export → import → the same features: every drawn feature of a collection exported in a format
 * and CRS, posted back to the import, and compared with what was stored before — same ids,
 * geometry within 1e-7° vertex by vertex (after the projection there and back), properties equal
 * including their JSON types (booleans stay booleans, numbers numbers, dates ISO text). Derived
 * members of ban-zones are in the export and skipped by the import.
 */
class ImportRoundTripTest {

    private static ImportService service;

    @BeforeAll
    static void start() {
        service = ImportService.h2gis();
    }

    @AfterAll
    static void stop() throws Exception {
        if (service != null) service.close();
    }

    @AfterEach
    void nothingLeftBehind() {
        assertThat(service.importLeftovers()).as("import working directories left behind").isEmpty();
    }

    @ParameterizedTest(name = "{0} as {1} in {2} ({3})")
    @CsvSource({
            "ban-zones, shapefile, EPSG:4528, GBK",
            "ban-zones, shapefile, EPSG:4326, UTF-8",
            "ban-zones, shapefile, EPSG:4549, UTF-8",
            "ban-zones, shapefile, EPSG:3857, GBK",
            "ban-zones, geopackage, EPSG:4326, UTF-8",
            "ban-zones, geopackage, EPSG:4528, UTF-8",
            "ban-zones, geojson, EPSG:4326, UTF-8",
            "ban-zones, geojson, EPSG:4549, UTF-8",
            "ban-zones, kml, EPSG:4326, UTF-8",
            "heat-sources, shapefile, EPSG:4528, GBK",
            "heat-sources, geopackage, EPSG:4326, UTF-8",
            "heat-sources, geojson, EPSG:4326, UTF-8",
            "heat-sources, kml, EPSG:4326, UTF-8",
            "control-zones, shapefile, EPSG:4490, UTF-8",
            "built-up-areas, kml, EPSG:4326, UTF-8",
            "industrial-parks, geopackage, EPSG:4549, UTF-8"})
    void exportedFeaturesComeBackEqual(String collection, String format, String crs, String encoding) {
        assertRoundTrip(service, collection, format, crs, encoding);
    }

    /** Exports {@code collection}, imports the file back and checks that every feature is as it was. */
    static void assertRoundTrip(ImportService service, String collection, String format, String crs, String encoding) {
        Map<String, Feature> before = service.features(collection);
        byte[] file = service.download("/api/export/" + collection + "?format=" + format + "&crs=" + crs
                + (format.equals("shapefile") ? "&encoding=" + encoding : ""));
        String contentType = switch (format) {
            case "shapefile" -> "application/zip";
            case "geopackage" -> "application/geopackage+sqlite3";
            case "geojson" -> "application/geo+json";
            default -> "application/vnd.google-earth.kml+xml";
        };
        HttpResponse<String> r = service.upload(collection, "", file, contentType);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode report = GeoJson.parseObject(r.body());
        long drawn = before.values().stream().filter(ImportService::drawn).count();
        assertThat(report.path("format").asText()).isEqualTo(format);
        assertThat(report.path("sourceCrs").asText()).isEqualTo(format.equals("kml") ? "EPSG:4326" : crs);
        assertThat(report.path("dryRun").asBoolean()).isFalse();
        assertThat(report.path("count").asInt()).isEqualTo(before.size());
        assertThat(report.path("imported").asInt()).isEqualTo(drawn);
        assertThat(report.path("updated").asInt()).isEqualTo(drawn);
        assertThat(report.path("created").asInt()).isZero();
        assertThat(report.path("rejected")).isEmpty();
        assertThat(report.path("skipped")).hasSize((int) (before.size() - drawn));
        if (format.equals("shapefile")) {
            assertThat(report.path("encoding").asText()).isEqualTo(encoding);
            assertThat(report.path("encodingDetectedFrom").asText()).isEqualTo("cpg");
        }

        Map<String, Feature> after = service.features(collection);
        assertThat(after.keySet()).isEqualTo(before.keySet());
        for (Feature original : before.values()) {
            Feature back = after.get(original.id());
            assertThat(back.properties()).as("properties of %s", original.id()).isEqualTo(original.properties());
            assertThat(ImportService.sameGeometry(back.geometry(), original.geometry(), 1e-7))
                    .as("geometry of %s within 1e-7°:%n%s%n%s", original.id(), back.geometry(), original.geometry()).isTrue();
            if (ImportService.drawn(original)) assertThat(back.version()).as("a new version of %s", original.id()).isGreaterThan(original.version());
        }
    }
}
