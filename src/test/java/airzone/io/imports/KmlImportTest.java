package airzone.io.imports;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** KML read with StAX: placemarks anywhere, typed data, geometries — and no entity ever expanded. */
class KmlImportTest {

    private static final ImportOptions NONE = new ImportOptions(null, null, null, null, true);

    @TempDir
    Path work;

    @Test
    void anExternalEntityIsNeverRead() throws IOException {
        Path secret = Files.writeString(work.resolve("secret.txt"), "TOP-SECRET-CONTENT");
        String kml = """
                <?xml version="1.0"?>
                <!DOCTYPE kml [<!ENTITY s SYSTEM "%s">]>
                <kml xmlns="http://www.opengis.net/kml/2.2"><Placemark><name>&s;</name>
                <Point><coordinates>119.6,39.9</coordinates></Point></Placemark></kml>""".formatted(secret.toUri());
        assertThatThrownBy(() -> read(kml)).isInstanceOf(ImportRefused.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("TOP-SECRET"));
    }

    @Test
    void entityExpansionIsRefused() {
        String laughs = """
                <?xml version="1.0"?>
                <!DOCTYPE kml [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>
                <kml><Placemark><name>&c;</name></Placemark></kml>""";
        assertThatThrownBy(() -> read(laughs)).isInstanceOf(ImportRefused.class).hasMessageContaining("DTD");
    }

    @Test
    void placemarksInFoldersWithTypedDataAndGeometries() throws IOException {
        String kml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <kml xmlns="http://www.opengis.net/kml/2.2"><Document>
                <Schema name="zones" id="zones_schema">
                  <SimpleField name="capacity" type="int"/><SimpleField name="share" type="double"/><SimpleField name="official" type="bool"/>
                </Schema>
                <Folder><name>一</name><Folder>
                  <Placemark id="p1"><name>禁燃区 &amp; 公园</name><description><![CDATA[<b>说明</b>]]></description>
                    <ExtendedData><SchemaData schemaUrl="#zones_schema">
                      <SimpleData name="capacity">300</SimpleData><SimpleData name="share">0.5</SimpleData><SimpleData name="official">1</SimpleData>
                    </SchemaData><Data name="class"><displayName>类别</displayName><value>II</value></Data></ExtendedData>
                    <MultiGeometry>
                      <Polygon><outerBoundaryIs><LinearRing><coordinates>119,39,0 120,39,0 120,40,0 119,40,0 119,39,0</coordinates></LinearRing></outerBoundaryIs>
                        <innerBoundaryIs><LinearRing><coordinates>119.2,39.2 119.4,39.2 119.4,39.4 119.2,39.2</coordinates></LinearRing></innerBoundaryIs></Polygon>
                      <Polygon><outerBoundaryIs><LinearRing><coordinates>121,39 122,39 122,40 121,39</coordinates></LinearRing></outerBoundaryIs></Polygon>
                    </MultiGeometry>
                  </Placemark>
                </Folder></Folder>
                <Placemark><name>点</name><Point><coordinates> 119.6 , 39.9 </coordinates></Point></Placemark>
                <Placemark id="p3"><name>p3</name><description><![CDATA[<table><tr><td>x</td></tr></table>]]></description>
                  <ExtendedData><Data name="class"><value>I</value></Data></ExtendedData>
                  <Polygon><outerBoundaryIs><LinearRing><coordinates>1,2 3,north 5,6 1,2</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>
                </Document></kml>""";
        SourceLayer layer = read(kml);
        assertThat(layer.features()).hasSize(3);
        SourceFeature first = layer.features().get(0);
        assertThat(first.id()).isEqualTo("p1");
        assertThat(first.attributes().get("name").asText()).isEqualTo("禁燃区 & 公园");
        assertThat(first.attributes().get("description").asText()).isEqualTo("<b>说明</b>");
        assertThat(first.attributes().get("capacity").isIntegralNumber()).isTrue();
        assertThat(first.attributes().get("capacity").asInt()).isEqualTo(300);
        assertThat(first.attributes().get("share").asDouble()).isEqualTo(0.5);
        assertThat(first.attributes().get("official").isBoolean()).isTrue();
        assertThat(first.attributes().get("class").asText()).isEqualTo("II");
        assertThat(first.geometry()).isInstanceOf(MultiPolygon.class);
        assertThat(((Polygon) first.geometry().getGeometryN(0)).getNumInteriorRing()).isEqualTo(1);
        assertThat(first.geometry().getGeometryN(1).getCoordinates()).hasSize(4);

        SourceFeature point = layer.features().get(1);
        assertThat(point.id()).isNull();
        assertThat(point.geometry()).isInstanceOf(Point.class);
        assertThat(point.geometry().getCoordinate().x).isEqualTo(119.6);

        SourceFeature third = layer.features().get(2);
        assertThat(third.attributes()).as("a name repeating the id and an HTML table of the data are not properties")
                .doesNotContainKeys("name", "description");
        assertThat(third.problem()).as("a coordinate that is no number").contains("coordinates cannot be read").contains("north");
        assertThat(layer.notes()).anySatisfy(n -> assertThat(n).contains("HTML tables"));
    }

    @Test
    void xmlThatIsNotKmlIsRefused() {
        assertThatThrownBy(() -> read("<gpx><wpt/></gpx>")).isInstanceOf(ImportRefused.class).hasMessageContaining("not KML");
        assertThatThrownBy(() -> read("<kml><Placemark>")).isInstanceOf(ImportRefused.class).hasMessageContaining("cannot be read");
    }

    private SourceLayer read(String kml) throws IOException {
        Path file = Files.writeString(work.resolve("in.kml"), kml, StandardCharsets.UTF_8);
        return new KmlImport().read(file, NONE);
    }
}
