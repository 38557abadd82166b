package airzone.io.imports;

import airzone.io.ExportCrs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** GeoJSON: a FeatureCollection or one Feature, RFC 7946 or the 2008 "crs" member, typed properties. */
class GeoJsonImportTest {

    private static final ImportOptions NONE = new ImportOptions(null, null, null, null, true);

    @TempDir
    Path work;

    @Test
    void aSingleFeatureIsALayerOfOne() throws IOException {
        SourceLayer layer = read("""
                {"type":"Feature","id":7,"properties":{"name":"点","n":3,"x":1.5,"ok":true,"none":null},
                 "geometry":{"type":"Point","coordinates":[119.6,39.9,12]}}""", NONE);
        assertThat(layer.features()).hasSize(1);
        SourceFeature f = layer.features().get(0);
        assertThat(f.id()).isEqualTo("7");
        assertThat(f.attributes()).containsOnlyKeys("name", "n", "x", "ok");
        assertThat(f.attributes().get("n").isIntegralNumber()).isTrue();
        assertThat(f.attributes().get("ok").isBoolean()).isTrue();
        assertThat(f.geometry().getCoordinate().getZ()).as("2D only").isNaN();
        assertThat(layer.crs()).isEqualTo(ExportCrs.wgs84());
        assertThat(layer.crsFrom()).contains("RFC 7946");
    }

    @Test
    void theCrsMemberOrParameterNamesAProjectedSystem() throws IOException {
        String projected = """
                {"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::4528"}},
                 "features":[{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[40465000.5,4421000.25]}}]}""";
        assertThat(read(projected, NONE).crs().epsg()).isEqualTo(4528);
        assertThat(read(projected, new ImportOptions(null, null, ExportCrs.of(4549), null, true)).crs().epsg()).isEqualTo(4549);
        String beijing = projected.replace("EPSG::4528", "EPSG::2437");
        assertThatThrownBy(() -> read(beijing, NONE)).isInstanceOf(ImportRefused.class).hasMessageContaining("EPSG::2437");
    }

    @Test
    void aBrokenGeometryIsThatFeaturesProblemOnly() throws IOException {
        SourceLayer layer = read("""
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","properties":{"name":"a"},"geometry":{"type":"Polygon","coordinates":[[1,2]]}},
                 {"type":"Feature","properties":{"name":"b"},"geometry":null}]}""", NONE);
        assertThat(layer.features().get(0).problem()).contains("geometry cannot be read");
        assertThat(layer.features().get(1).geometry()).isNull();
    }

    @Test
    void otherJsonIsRefused() {
        assertThatThrownBy(() -> read("{\"type\":\"Point\",\"coordinates\":[1,2]}", NONE)).isInstanceOf(ImportRefused.class)
                .hasMessageContaining("'Point'");
        assertThatThrownBy(() -> read("[1,2]", NONE)).isInstanceOf(ImportRefused.class);
    }

    private SourceLayer read(String json, ImportOptions options) throws IOException {
        Path file = Files.writeString(work.resolve("in.geojson"), json, StandardCharsets.UTF_8);
        return new GeoJsonImport().read(file, options);
    }
}
