package airzone.coordinates;

import airzone.io.Gdal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * What planners type, read as positions: decimal degrees and DMS by table, Gauss-Krüger against
 * GDAL/PROJ's own inverse ({@code gdaltransform -s_srs EPSG:45xx -t_srs EPSG:4490}) in several zones.
 */
class CoordinateTextTest {

    private static final double DEGREES = 1e-8;

    @BeforeAll
    static void gdal() {
        Gdal.requireTools();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            118.95, 42.28                  | 118.95     | 42.28      | decimal
            118.95 42.28                   | 118.95     | 42.28      | decimal
            42.28N 118.95E                 | 118.95     | 42.28      | decimal
            118.95E, 42.28N                | 118.95     | 42.28      | decimal
            N42.28 E118.95                 | 118.95     | 42.28      | decimal
            42.28°N, 118.95°E              | 118.95     | 42.28      | decimal
            42.28 S, 118.95 W              | -118.95    | -42.28     | decimal
            -118.95, -42.28                | -118.95    | -42.28     | decimal
            东经118.95° 北纬42.28°          | 118.95     | 42.28      | decimal
            118.95，42.28                  | 118.95     | 42.28      | decimal
            118°57'00"E 42°16'48"N         | 118.95     | 42.28      | dms
            118°57′00″E 42°16′48″N         | 118.95     | 42.28      | dms
            42°16'48"N 118°57'00"E         | 118.95     | 42.28      | dms
            118度57分00秒 42度16分48秒       | 118.95     | 42.28      | dms
            东经118度57分0秒，北纬42度16分48秒 | 118.95     | 42.28      | dms
            118°57.0'E 42°16.8'N           | 118.95     | 42.28      | dms
            119°35'24.36"E 39°56'24"N      | 119.5901   | 39.94      | dms
            """)
    void degreesInEveryUsualSpelling(String text, double lon, double lat, String kind) {
        ReadCoordinates read = CoordinateText.read(text, null);
        assertThat(read.lon()).isCloseTo(lon, within(1e-12));
        assertThat(read.lat()).isCloseTo(lat, within(1e-12));
        assertThat(read.kind().code()).isEqualTo(kind);
        assertThat(read.crs()).isEqualTo("EPSG:4490");
        assertThat(read.zone()).isNull();
        assertThat(read.read()).endsWith(CoordinateText.lonLat(lon, lat));
    }

    @Test
    void whatWasUnderstoodIsSaidInSymbols() {
        assertThat(CoordinateText.read("42.28N 118.95E", null).read()).isEqualTo("118.95°E 42.28°N");
        assertThat(CoordinateText.read("118°57'00\"E 42°16'48\"N", null).read()).isEqualTo("118°57′00″E 42°16′48″N → 118.95°E 42.28°N");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            42.28, 118.95                  | latitude 118.95 is outside -90..90 (without N/S/E/W
            118.95N, 95E                   | latitude 118.95 is outside -90..90
            181, 42                        | longitude 181 is outside -180..180
            42N 40S                        | two latitudes
            118°61'00"E 42°16'48"N         | 61 minutes
            118°57'60"E 42°16'48"N         | 60 seconds
            118.5°30'E 42°N                | has decimals and minutes too
            -118.95W 42.28N                | both a minus sign and a hemisphere letter
            118.95                         | 1 number; a position needs two
            hello world                    | could not read 'hello'
            118.95, 42.28 abc              | could not read 'abc'
            118.95, , 42.28                | could not read '118.95, , 42.28' as a position
            X=4681234.5 Y=12512345.6       | zone 12 (the first two digits of the easting Y=12512345.6) is outside 25..45
            X=4681234.5 Y=512345.6         | does not say its zone
            X=4681234.5 Y=1512345.6        | has 7 digits
            X=-5 Y=40512345.6              | the northing X=-5 is outside
            X=4681234.5                    | could not read 'X=4681234.5' as Gauss-Krüger
            4681234.5 4681234.5            | cannot tell which of
            X=4681234.5 Y=40912345.6       | far outside its 3-degree band
            """)
    void refusalsSayWhatCouldNotBeRead(String text, String says) {
        assertThatThrownBy(() -> CoordinateText.read(text, null)).isInstanceOf(UnreadableCoordinates.class).hasMessageContaining(says);
    }

    /** One angle as a spreadsheet cell holds it (the batch reader's way in). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            119.6°                | true  | 119.6
            118.95°E              | true  | 118.95
            40°24'N               | false | 40.4
            39.9 N                | false | 39.9
            119°36'12"E           | true  | 119.60333333
            东经119度36分12秒       | true  | 119.60333333
            南纬10度30分            | false | -10.5
            W 75°30′              | true  | -75.5
            """)
    void oneAngleAsACellHoldsIt(String text, boolean longitude, double degrees) {
        assertThat(CoordinateText.angle(text, longitude).orElseThrow()).isCloseTo(degrees, within(1e-8));
    }

    @Test
    void oneAngleRefusesTheOtherAxissLetterAndIsEmptyForNoAngle() {
        assertThatThrownBy(() -> CoordinateText.angle("39.9N", true)).hasMessageContaining("belongs to a latitude");
        assertThatThrownBy(() -> CoordinateText.angle("40°75'N", false)).hasMessageContaining("minutes run 0..59");
        assertThat(CoordinateText.angle("abc", true)).isEmpty();
    }

    @ParameterizedTest(name = "{0} zone={1}")
    @CsvSource(delimiter = '|', textBlock = """
            X=4681234.5 Y=512345.6   | 24  | zone 24 is outside 25..45
            X=4681234.5 Y=512345.6   | 46  | zone 46 is outside 25..45
            X=4681234.5 Y=512345.6   | 4o  | zone must be a whole number 25..45, got '4o'
            X=4681234.5 Y=40512345.6 | 39  | is in zone 40, but zone=39 is given
            118.95, 42.28            | 40  | zone is given, but '118.95, 42.28' is in degrees
            """)
    void zoneRefusals(String text, String zone, String says) {
        assertThatThrownBy(() -> CoordinateText.read(text, zone)).isInstanceOf(UnreadableCoordinates.class).hasMessageContaining(says);
    }

    @Test
    void nothingTypedIsRefused() {
        assertThatThrownBy(() -> CoordinateText.read("  ", null)).hasMessageContaining("no coordinates given");
        assertThatThrownBy(() -> CoordinateText.read(null, null)).hasMessageContaining("no coordinates given");
    }

    /** Points in zones 25 to 45 (western Xinjiang to Heilongjiang), at and off each central meridian. */
    private static List<double[]> pointsOfZone(int zone) {
        double cm = 3.0 * zone;
        return List.of(new double[]{cm, 35.5}, new double[]{cm - 1.4, 24.25}, new double[]{cm + 1.45, 47.8}, new double[]{cm + 0.3, 41.0});
    }

    @Test
    void eightDigitEastingsCarryTheirZoneAndMatchGdal() {
        for (int zone : new int[]{25, 32, 38, 39, 40, 41, 45}) {
            int epsg = 4513 + zone - 25;
            // the x/y a document would give (GDAL's forward, to 0.1 mm), then GDAL's inverse of those as the oracle
            List<double[]> projected = rounded(Gdal.transform(4490, epsg, pointsOfZone(zone)));
            List<double[]> oracle = Gdal.transform(epsg, 4490, projected);
            for (int i = 0; i < projected.size(); i++) {
                double easting = projected.get(i)[0];
                double northing = projected.get(i)[1];
                String text = String.format(Locale.ROOT, "X=%.4f Y=%.4f", northing, easting);
                ReadCoordinates read = CoordinateText.read(text, null);
                assertThat(read.lon()).as(text + " lon").isCloseTo(oracle.get(i)[0], within(DEGREES));
                assertThat(read.lat()).as(text + " lat").isCloseTo(oracle.get(i)[1], within(DEGREES));
                assertThat(read.kind()).isEqualTo(ReadCoordinates.Kind.GAUSS_KRUGER);
                assertThat(read.crs()).isEqualTo("EPSG:" + epsg);
                assertThat(read.zone()).isEqualTo(zone);
                assertThat(read.read()).startsWith("EPSG:" + epsg + " X=");
            }
        }
    }

    @Test
    void sixDigitEastingsTakeTheZoneGivenAndMatchGdal() {
        for (int zone : new int[]{26, 35, 40, 43}) {
            int epsg = 4534 + zone - 25; // "CGCS2000 / 3-degree Gauss-Kruger CM …E": no zone in the easting
            List<double[]> projected = rounded(Gdal.transform(4490, epsg, pointsOfZone(zone)));
            List<double[]> oracle = Gdal.transform(epsg, 4490, projected);
            for (int i = 0; i < projected.size(); i++) {
                // Y first, comma between, lower case: as pasted from a table
                String text = String.format(Locale.ROOT, "y=%.4f, x=%.4f", projected.get(i)[0], projected.get(i)[1]);
                ReadCoordinates read = CoordinateText.read(text, String.valueOf(zone));
                assertThat(read.lon()).as(text).isCloseTo(oracle.get(i)[0], within(DEGREES));
                assertThat(read.lat()).as(text).isCloseTo(oracle.get(i)[1], within(DEGREES));
                assertThat(read.crs()).isEqualTo("EPSG:" + epsg);
                assertThat(read.zone()).isEqualTo(zone);
            }
        }
    }

    @Test
    void unlabelledProjectedPairsAreToldApartByTheirDigits() {
        List<double[]> projected = rounded(Gdal.transform(4490, 4528, List.of(new double[]{119.6, 39.94})));
        double[] oracle = Gdal.transform(4528, 4490, projected).get(0);
        double e = projected.get(0)[0];
        double n = projected.get(0)[1];
        for (String text : List.of(String.format(Locale.ROOT, "%.4f, %.4f", n, e), String.format(Locale.ROOT, "%.4f %.4f", e, n))) {
            ReadCoordinates read = CoordinateText.read(text, null);
            assertThat(read.lon()).as(text).isCloseTo(oracle[0], within(DEGREES));
            assertThat(read.lat()).as(text).isCloseTo(oracle[1], within(DEGREES));
        }
    }

    private static List<double[]> rounded(List<double[]> points) {
        List<double[]> out = new ArrayList<>();
        for (double[] p : points) out.add(new double[]{Math.round(p[0] * 1e4) / 1e4, Math.round(p[1] * 1e4) / 1e4});
        return out;
    }
}
