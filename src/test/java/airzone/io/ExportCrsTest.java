package airzone.io;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.datum.Ellipsoid;
import org.locationtech.proj4j.proj.Projection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The export CRSs against GDAL/PROJ: the WKT texts we write are what gdalsrsinfo prints for the
 * same code, the parameters behind every one of them are proj4j-epsg's, and proj4j's transforms
 * land where gdaltransform's do, to the millimetre.
 */
class ExportCrsTest {

    /** One of each kind, and both ends of both Gauss-Krüger series. */
    private static final int[] SAMPLE = {4326, 4490, 4513, 4528, 4533, 4534, 4549, 4554, 3857};

    @BeforeAll
    static void tools() {
        Gdal.requireTools();
    }

    @Test
    void supportsExactlyTheIssueList() {
        List<Integer> codes = ExportCrs.all().stream().map(ExportCrs::epsg).toList();
        List<Integer> expected = new ArrayList<>(List.of(3857, 4326, 4490));
        for (int c = 4513; c <= 4554; c++) expected.add(c);
        assertThat(codes).containsExactlyElementsOf(expected);
    }

    @ParameterizedTest
    @ValueSource(ints = {4326, 4490, 4513, 4528, 4533, 4534, 4549, 4554, 3857})
    void esriWktIsWhatGdalWritesForArcGis(int epsg) {
        assertThat(ExportCrs.of(epsg).esriWkt()).isEqualTo(Gdal.srsText(epsg, "wkt_esri"));
    }

    @ParameterizedTest
    @ValueSource(ints = {4326, 4490, 4513, 4528, 4533, 4534, 4549, 4554, 3857})
    void ogcWktIsGdalsWkt1(int epsg) {
        assertThat(ExportCrs.of(epsg).ogcWkt()).isEqualTo(Gdal.srsText(epsg, "wkt1"));
    }

    @Test
    void everyGaussKrugerWktCarriesProj4jEpsgParameters() {
        Reprojection reprojection = new Reprojection();
        Pattern cm = Pattern.compile("PARAMETER\\[\"Central_Meridian\",([-0-9.]+)\\]");
        Pattern fe = Pattern.compile("PARAMETER\\[\"False_Easting\",([-0-9.]+)\\]");
        for (ExportCrs crs : ExportCrs.all()) {
            if (crs.geographic() || crs.epsg() == ExportCrs.WEB_MERCATOR) continue;
            CoordinateReferenceSystem system = reprojection.system(crs.epsg());
            Projection p = system.getProjection();
            Matcher m1 = cm.matcher(crs.esriWkt());
            Matcher m2 = fe.matcher(crs.esriWkt());
            assertThat(m1.find() && m2.find()).as(crs.toString()).isTrue();
            assertThat(Double.parseDouble(m1.group(1))).as("central meridian of " + crs)
                    .isCloseTo(Math.toDegrees(p.getProjectionLongitude()), within(1e-9));
            assertThat(Double.parseDouble(m2.group(1))).as("false easting of " + crs).isEqualTo(p.getFalseEasting());
            assertThat(p.getScaleFactor()).as("scale of " + crs).isEqualTo(1.0);
            Ellipsoid e = system.getDatum().getEllipsoid();
            assertThat(e.getEquatorRadius()).isEqualTo(6378137.0);
            assertThat(1 / (1 - e.getB() / e.getA())).as("inverse flattening of " + crs).isCloseTo(298.257222101, within(1e-6));
        }
    }

    @Test
    void proj4jLandsWhereGdalDoesToTheMillimetre() {
        Reprojection reprojection = new Reprojection();
        for (int epsg : SAMPLE) {
            ExportCrs crs = ExportCrs.of(epsg);
            if (crs.geographic()) continue;
            double cm = crs.epsg() == ExportCrs.WEB_MERCATOR ? 119.6 : centralMeridian(crs);
            // on the central meridian, at the zone's edge and beyond it, south and north China, and
            // 11.4° off (Qinzhou in the 120°E zone), where proj4j's tmerc was 1.4 cm from GDAL
            List<double[]> points = List.of(new double[]{cm, 39.94}, new double[]{cm + 1.4, 22.0},
                    new double[]{cm - 1.5, 46.5}, new double[]{cm + 4.0, 30.0}, new double[]{cm - 11.4, 21.95});
            List<double[]> gdal = Gdal.transform(crs.baseGeographic(), epsg, points);
            for (int i = 0; i < points.size(); i++) {
                double[] ours = reprojection.project(crs, points.get(i)[0], points.get(i)[1]);
                assertThat(ours[0]).as("x of %s in %s", Arrays.toString(points.get(i)), crs).isCloseTo(gdal.get(i)[0], within(0.001));
                assertThat(ours[1]).as("y of %s in %s", Arrays.toString(points.get(i)), crs).isCloseTo(gdal.get(i)[1], within(0.001));
            }
        }
    }

    @Test
    void knownPointMatchesCs2csNumbers() {
        // echo "39.94 119.6" | cs2cs -d 4 EPSG:4326 EPSG:4528 (PROJ 9.1): 4422943.6000 40465812.5305
        double[] p = new Reprojection().project(ExportCrs.of(4528), 119.6, 39.94);
        assertThat(p[0]).isCloseTo(40465812.5305, within(0.0005));
        assertThat(p[1]).isCloseTo(4422943.6000, within(0.0005));
        double[] q = new Reprojection().project(ExportCrs.of(4549), 119.6, 39.94);
        assertThat(q[0]).isCloseTo(465812.5305, within(0.0005));
    }

    @Test
    void parsesTheUsualSpellings() {
        assertThat(ExportCrs.parse("EPSG:4528")).map(ExportCrs::epsg).contains(4528);
        assertThat(ExportCrs.parse(" epsg:4490 ")).map(ExportCrs::epsg).contains(4490);
        assertThat(ExportCrs.parse("urn:ogc:def:crs:EPSG::4549")).map(ExportCrs::epsg).contains(4549);
        assertThat(ExportCrs.parse("http://www.opengis.net/def/crs/EPSG/0/3857")).map(ExportCrs::epsg).contains(3857);
        assertThat(ExportCrs.parse("http://www.opengis.net/def/crs/OGC/1.3/CRS84")).map(ExportCrs::epsg).contains(4326);
        assertThat(ExportCrs.parse("EPSG:4555")).isEmpty();
        assertThat(ExportCrs.parse("EPSG:2385")).isEmpty();
        assertThat(ExportCrs.parse("4528")).isEmpty();
        assertThat(ExportCrs.parse("EPSG:45x8")).isEmpty();
    }

    private static double centralMeridian(ExportCrs crs) {
        Matcher m = Pattern.compile("\"Central_Meridian\",([-0-9.]+)").matcher(crs.esriWkt());
        assertThat(m.find()).isTrue();
        return Double.parseDouble(m.group(1));
    }
}
