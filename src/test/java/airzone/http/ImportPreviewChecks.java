package airzone.http;

import airzone.geo.GeoJson;
import airzone.layer.Feature;
import com.fasterxml.jackson.databind.JsonNode;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.geojson.GeoJsonReader;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dry run's preview ({@code dryRun=true&preview=true}), run on each store by ImportApiTest and
 * ImportPostgisTest: the features as they would be written — repaired, in lon/lat, properties
 * mapped, each with its position in the file and whether it would create or update — and nothing
 * written; without {@code preview} the report has no features, and a preview without a dry run is a 400.
 */
final class ImportPreviewChecks {

    private ImportPreviewChecks() {
    }

    /** A new zone, a square with a spike that needs repair, a class the rules refuse (left out of the preview). */
    private static final String THREE = """
            {"type":"FeatureCollection","features":[
             {"type":"Feature","id":"preview-new","properties":{"NAME":"预览新区","Class":"II"},
              "geometry":{"type":"Polygon","coordinates":[[[119.40,39.80],[119.45,39.80],[119.45,39.84],[119.40,39.84],[119.40,39.80]]]}},
             {"type":"Feature","properties":{"NAME":"有尖刺的多边形","Class":"I"},
              "geometry":{"type":"Polygon","coordinates":[[[119.70,39.90],[119.80,39.90],[119.80,39.95],[119.85,39.95],[119.80,39.95],[119.80,40.00],[119.70,40.00],[119.70,39.90]]]}},
             {"type":"Feature","id":"preview-bad","properties":{"NAME":"四类区","Class":"IV"},
              "geometry":{"type":"Polygon","coordinates":[[[119.1,39.1],[119.2,39.1],[119.2,39.2],[119.1,39.1]]]}}]}""";

    static void assertPreviewOfGeoJson(ImportService service) throws Exception {
        String before = service.items("ban-zones");
        HttpResponse<String> r = service.upload("ban-zones", "dryRun=true&preview=true", THREE.getBytes(StandardCharsets.UTF_8), "application/geo+json");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode report = GeoJson.parseObject(r.body());
        JsonNode features = report.path("features");
        assertThat(features.path("type").asText()).isEqualTo("FeatureCollection");
        assertThat(features.path("numberMatched").asInt()).as("the two valid ones").isEqualTo(2);
        assertThat(features.path("numberReturned").asInt()).isEqualTo(2);
        JsonNode first = features.path("features").get(0);
        assertThat(first.path("id").asText()).isEqualTo("preview-new");
        assertThat(first.path("airzone:index").asInt()).isZero();
        assertThat(first.path("airzone:action").asText()).isEqualTo("create");
        assertThat(first.at("/properties/name").asText()).as("NAME mapped to name").isEqualTo("预览新区");
        assertThat(first.at("/properties/class").asText()).isEqualTo("II");
        JsonNode second = features.path("features").get(1);
        assertThat(second.has("id")).as("no id yet: a fresh one when written").isFalse();
        assertThat(second.path("airzone:index").asInt()).isEqualTo(1);
        Geometry spiked = new GeoJsonReader().read(second.get("geometry").toString());
        assertThat(spiked.isValid()).as("the spiked square as repaired " + spiked).isTrue();
        // without its spike it is the 0.1° square (the spike's foot stays as a vertex on its edge)
        Geometry square = new org.locationtech.jts.io.WKTReader().read("POLYGON ((119.7 39.9, 119.8 39.9, 119.8 40, 119.7 40, 119.7 39.9))");
        assertThat(spiked.equalsTopo(square)).as(spiked.toText()).isTrue();
        assertThat(report.path("repaired").get(0).path("index").asInt()).isEqualTo(1);
        assertThat(report.path("rejected").get(0).path("index").asInt()).isEqualTo(2);
        assertThat(service.items("ban-zones")).as("a dry run with preview writes nothing").isEqualTo(before);

        HttpResponse<String> plain = service.upload("ban-zones", "dryRun=true", THREE.getBytes(StandardCharsets.UTF_8), "application/geo+json");
        assertThat(GeoJson.parseObject(plain.body()).has("features")).as("no preview unless asked").isFalse();
        HttpResponse<String> real = service.upload("ban-zones", "preview=true", THREE.getBytes(StandardCharsets.UTF_8), "application/geo+json");
        assertThat(real.statusCode()).isEqualTo(400);
        assertThat(GeoJson.parseObject(real.body()).path("detail").asText()).contains("preview=true needs dryRun=true");
        assertThat(service.items("ban-zones")).isEqualTo(before);
    }

    /**
     * The ban zones exported as a GBK shapefile in Gauss-Krüger zone 40 (EPSG:4528) and previewed: every
     * drawn zone comes back in lon/lat, within 1e-7° of the stored geometry, as an update of itself.
     */
    static void assertPreviewOfProjectedShapefile(ImportService service) throws Exception {
        String before = service.items("ban-zones");
        byte[] zip = service.download("/api/export/ban-zones?format=shapefile&crs=EPSG:4528&encoding=GBK");
        HttpResponse<String> r = service.upload("ban-zones", "dryRun=true&preview=true", zip, "application/zip");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode report = GeoJson.parseObject(r.body());
        assertThat(report.path("sourceCrs").asText()).isEqualTo("EPSG:4528");
        Map<String, Feature> stored = new HashMap<>();
        service.features("ban-zones").values().stream().filter(ImportService::drawn).forEach(f -> stored.put(f.id(), f));
        JsonNode features = report.path("features").path("features");
        assertThat(features.size()).isEqualTo(stored.size()).isPositive();
        for (JsonNode f : features) {
            Feature was = stored.get(f.path("id").asText());
            assertThat(was).as("a stored zone " + f.path("id")).isNotNull();
            assertThat(f.path("airzone:action").asText()).isEqualTo("update");
            assertThat(f.at("/properties/name").asText()).isEqualTo(was.properties().path("name").asText());
            Geometry lonLat = new GeoJsonReader().read(f.get("geometry").toString());
            assertThat(ImportService.sameGeometry(lonLat, was.geometry(), 1e-7)).as("lon/lat of " + was.id()).isTrue();
        }
        assertThat(service.items("ban-zones")).isEqualTo(before);
    }
}
