package airzone.io.imports;

import airzone.io.ExportCrs;
import airzone.io.Gdal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * .prj and GeoPackage WKT → the supported CRS it describes, matched by parameters: the service's
 * own ESRI and OGC texts for every supported code, and what GDAL/PROJ print (gdalsrsinfo: ESRI
 * WKT as ArcGIS and GDAL's shapefile driver write it, WKT 1, WKT 2); systems on other ellipsoids,
 * other zone widths or projections are refused with what they are.
 */
class ImportPrjCrsTest {

    @BeforeAll
    static void gdal() {
        Gdal.requireTools();
    }

    @Test
    void theServicesOwnTextsMapBack() {
        for (ExportCrs crs : ExportCrs.all()) {
            assertThat(PrjCrs.match(crs.esriWkt(), "test")).as("ESRI WKT of %s", crs).isEqualTo(crs);
            assertThat(PrjCrs.match(crs.ogcWkt(), "test")).as("OGC WKT of %s", crs).isEqualTo(crs);
        }
    }

    @ParameterizedTest(name = "EPSG:{0} as gdalsrsinfo writes it")
    @ValueSource(ints = {4326, 4490, 4513, 4527, 4528, 4533, 4534, 4548, 4549, 4554, 3857})
    void gdalsTextsMapToTheirCode(int epsg) {
        for (String format : new String[]{"wkt_esri", "wkt1", "wkt2"}) {
            String wkt = Gdal.srsText(epsg, format);
            assertThat(PrjCrs.match(wkt, "test").epsg()).as("%s of EPSG:%s: %s", format, epsg, wkt).isEqualTo(epsg);
        }
    }

    @ParameterizedTest(name = "EPSG:{0} is refused ({1})")
    @CsvSource({
            "2437, Krasovsky",      // Beijing 1954 / 3-degree Gauss-Kruger CM 120E
            "2383, Xian_1980",      // Xian 1980 / 3-degree Gauss-Kruger CM 114E
            "4214, Krasovsky",      // Beijing 1954 geographic
            "32650, central meridian 117",  // WGS 84 / UTM zone 50N: scale 0.9996
            "4497, false easting 19500000", // CGCS2000 / Gauss-Kruger zone 19: a 6-degree zone, numbered as such
            "3395, Mercator"})      // World Mercator, not Web Mercator
    void otherSystemsAreRefusedSayingWhatTheyAre(int epsg, String mentioned) {
        String wkt = Gdal.srsText(epsg, "wkt_esri");
        assertThatThrownBy(() -> PrjCrs.match(wkt, "x.prj")).isInstanceOf(ImportRefused.class)
                .hasMessageContaining("x.prj describes").hasMessageContaining(mentioned).hasMessageContaining("not a supported CRS");
    }

    @Test
    void aSixDegreeZoneWhoseMeridianIsAThreeDegreeOneIsThatProjection() {
        // CGCS2000 / Gauss-Kruger CM 111E (6-degree zone 19 without prefix) has the parameters of the 3-degree CM 111E
        assertThat(PrjCrs.match(Gdal.srsText(4508, "wkt_esri"), "x.prj").epsg()).isEqualTo(4546);
    }

    @Test
    void textThatIsNoWktIsRefused() {
        assertThatThrownBy(() -> PrjCrs.match("GEOGCS[broken", "x.prj")).isInstanceOf(ImportRefused.class)
                .hasMessageContaining("x.prj is not a WKT coordinate system").hasMessageContaining("crs=EPSG");
    }
}
