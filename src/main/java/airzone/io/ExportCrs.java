package airzone.io;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A coordinate reference system an export can be written in: WGS 84 (EPSG:4326), CGCS2000
 * geographic (EPSG:4490), the 21 CGCS2000 3-degree Gauss-Krüger zones with zone prefix in the false
 * easting (EPSG:4513–4533, zones 25–45) and the same zones by central meridian (EPSG:4534–4554,
 * 75°E–135°E), and Web Mercator (EPSG:3857).
 *
 * <p>It carries the two WKT texts files need: the ESRI flavour for a shapefile's .prj (what ArcGIS
 * writes and GDAL's shapefile driver maps back to the EPSG code) and OGC WKT 1 with AUTHORITY nodes
 * for GeoPackage's gpkg_spatial_ref_sys. No library on the classpath produces either: proj4j and
 * proj4j-epsg know only PROJ.4 parameter strings, H2GIS's SHPWrite copies the OGC WKT of its own
 * spatial_ref_sys table into the .prj, and NGA's geopackage-java creates definitions only for 4326
 * and 3857. The texts are therefore built here from the few parameters these systems differ by;
 * {@code ExportCrsTest} compares every one of them with what GDAL/PROJ print for the same code
 * ({@code gdalsrsinfo -o wkt_esri} and {@code -o wkt1}) and the parameters with proj4j-epsg's.
 */
public record ExportCrs(int epsg, String name, String esriWkt, String ogcWkt, boolean geographic) {

    public static final int WGS84 = 4326;
    public static final int CGCS2000 = 4490;
    public static final int WEB_MERCATOR = 3857;

    private static final String WGS84_ESRI_GEOGCS = "GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\","
            + "SPHEROID[\"WGS_1984\",6378137.0,298.257223563]],PRIMEM[\"Greenwich\",0.0],"
            + "UNIT[\"Degree\",0.0174532925199433]]";
    private static final String CGCS2000_ESRI_GEOGCS = "GEOGCS[\"GCS_China_Geodetic_Coordinate_System_2000\","
            + "DATUM[\"D_China_2000\",SPHEROID[\"CGCS2000\",6378137.0,298.257222101]],"
            + "PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]]";
    private static final String DEGREE = "PRIMEM[\"Greenwich\",0,AUTHORITY[\"EPSG\",\"8901\"]],"
            + "UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]]";
    private static final String WGS84_DATUM = "DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\",6378137,298.257223563,"
            + "AUTHORITY[\"EPSG\",\"7030\"]],AUTHORITY[\"EPSG\",\"6326\"]]";
    private static final String CGCS2000_DATUM = "DATUM[\"China_2000\",SPHEROID[\"CGCS2000\",6378137,298.257222101,"
            + "AUTHORITY[\"EPSG\",\"1024\"]],AUTHORITY[\"EPSG\",\"1043\"]]";
    private static final String LAT_LON_AXES = "AXIS[\"Latitude\",NORTH],AXIS[\"Longitude\",EAST]";
    private static final String METRE = "UNIT[\"metre\",1,AUTHORITY[\"EPSG\",\"9001\"]]";

    /** Every supported system by EPSG code; immutable. */
    private static final Map<Integer, ExportCrs> SUPPORTED = build();

    /** "EPSG:4528", "epsg:4528", "urn:ogc:def:crs:EPSG::4528", "http://www.opengis.net/def/crs/EPSG/0/4528". */
    private static final Pattern EPSG_FORMS = Pattern.compile(
            "(?i)(?:epsg:|urn:ogc:def:crs:epsg:[0-9.]*:|https?://www\\.opengis\\.net/def/crs/epsg/[0-9.]+/)(\\d{1,6})");
    private static final Pattern CRS84_FORMS = Pattern.compile(
            "(?i)(?:ogc:)?crs84|urn:ogc:def:crs:ogc:1\\.3:crs84|https?://www\\.opengis\\.net/def/crs/ogc/1\\.3/crs84");

    /**
     * The system a request names, or empty when it names none this service writes. Accepts the
     * EPSG code as {@code EPSG:4528}, as an OGC URN or URI, and OGC CRS84 (= EPSG:4326 in lon/lat order).
     */
    public static Optional<ExportCrs> parse(String text) {
        if (text == null) return Optional.empty();
        String t = text.trim();
        if (CRS84_FORMS.matcher(t).matches()) return Optional.of(SUPPORTED.get(WGS84));
        Matcher m = EPSG_FORMS.matcher(t);
        if (!m.matches()) return Optional.empty();
        return Optional.ofNullable(SUPPORTED.get(Integer.parseInt(m.group(1))));
    }

    public static ExportCrs of(int epsg) {
        ExportCrs crs = SUPPORTED.get(epsg);
        if (crs == null) throw new IllegalArgumentException("EPSG:" + epsg + " is not a supported export CRS");
        return crs;
    }

    public static ExportCrs wgs84() {
        return SUPPORTED.get(WGS84);
    }

    /** All supported systems in code order. */
    public static List<ExportCrs> all() {
        return List.copyOf(SUPPORTED.values());
    }

    /** The list as a client reads it in an error message. */
    public static String supportedText() {
        return "EPSG:4326 (WGS 84), EPSG:4490 (CGCS2000), EPSG:4513–EPSG:4533 (CGCS2000 3-degree Gauss-Krüger zones 25–45, "
                + "zone number in the false easting), EPSG:4534–EPSG:4554 (the same zones by central meridian 75°E–135°E) "
                + "or EPSG:3857 (Web Mercator)";
    }

    public String code() {
        return "EPSG:" + epsg;
    }

    /** The OGC URI, as used in the Content-Crs header of OGC API - Features Part 2. */
    public String uri() {
        return "http://www.opengis.net/def/crs/EPSG/0/" + epsg;
    }

    /** The URN GDAL reads from a GeoJSON "crs" member. */
    public String urn() {
        return "urn:ogc:def:crs:EPSG::" + epsg;
    }

    /** Decimal places that keep about a centimetre: 7 for degrees, 3 for metres. */
    public int decimals() {
        return geographic ? 7 : 3;
    }

    /** The geographic system coordinates are projected from: CGCS2000 for its zones, WGS 84 otherwise. */
    public int baseGeographic() {
        return epsg >= 4490 && epsg <= 4554 ? CGCS2000 : WGS84;
    }

    private static Map<Integer, ExportCrs> build() {
        Map<Integer, ExportCrs> map = new TreeMap<>();
        map.put(WGS84, new ExportCrs(WGS84, "WGS 84", WGS84_ESRI_GEOGCS, wgs84Ogc(), true));
        map.put(CGCS2000, new ExportCrs(CGCS2000, "China Geodetic Coordinate System 2000", CGCS2000_ESRI_GEOGCS,
                cgcs2000Ogc(), true));
        for (int zone = 25; zone <= 45; zone++) {
            int code = 4513 + zone - 25;
            map.put(code, gaussKruger(code, 3 * zone, zone * 1_000_000 + 500_000,
                    "CGCS2000 / 3-degree Gauss-Kruger zone " + zone, "CGCS2000_3_Degree_GK_Zone_" + zone));
        }
        for (int cm = 75; cm <= 135; cm += 3) {
            int code = 4534 + (cm - 75) / 3;
            map.put(code, gaussKruger(code, cm, 500_000,
                    "CGCS2000 / 3-degree Gauss-Kruger CM " + cm + "E", "CGCS2000_3_Degree_GK_CM_" + cm + "E"));
        }
        map.put(WEB_MERCATOR, new ExportCrs(WEB_MERCATOR, "WGS 84 / Pseudo-Mercator",
                "PROJCS[\"WGS_1984_Web_Mercator_Auxiliary_Sphere\"," + WGS84_ESRI_GEOGCS + ","
                        + "PROJECTION[\"Mercator_Auxiliary_Sphere\"],PARAMETER[\"False_Easting\",0.0],"
                        + "PARAMETER[\"False_Northing\",0.0],PARAMETER[\"Central_Meridian\",0.0],"
                        + "PARAMETER[\"Standard_Parallel_1\",0.0],PARAMETER[\"Auxiliary_Sphere_Type\",0.0],"
                        + "UNIT[\"Meter\",1.0]]",
                "PROJCS[\"WGS 84 / Pseudo-Mercator\",GEOGCS[\"WGS 84\"," + WGS84_DATUM + "," + DEGREE
                        + ",AUTHORITY[\"EPSG\",\"4326\"]],PROJECTION[\"Mercator_1SP\"],"
                        + "PARAMETER[\"central_meridian\",0],PARAMETER[\"scale_factor\",1],"
                        + "PARAMETER[\"false_easting\",0],PARAMETER[\"false_northing\",0]," + METRE + ","
                        + "AXIS[\"Easting\",EAST],AXIS[\"Northing\",NORTH],"
                        + "EXTENSION[\"PROJ4\",\"+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 "
                        + "+k=1 +units=m +nadgrids=@null +wktext +no_defs\"],AUTHORITY[\"EPSG\",\"3857\"]]",
                false));
        return Collections.unmodifiableMap(map);
    }

    private static String wgs84Ogc() {
        return "GEOGCS[\"WGS 84\"," + WGS84_DATUM + "," + DEGREE + "," + LAT_LON_AXES + ",AUTHORITY[\"EPSG\",\"4326\"]]";
    }

    private static String cgcs2000Ogc() {
        return "GEOGCS[\"China Geodetic Coordinate System 2000\"," + CGCS2000_DATUM + "," + DEGREE + ","
                + LAT_LON_AXES + ",AUTHORITY[\"EPSG\",\"4490\"]]";
    }

    private static ExportCrs gaussKruger(int code, int centralMeridian, int falseEasting, String name, String esriName) {
        String esri = "PROJCS[\"" + esriName + "\"," + CGCS2000_ESRI_GEOGCS + ","
                + "PROJECTION[\"Gauss_Kruger\"],PARAMETER[\"False_Easting\"," + falseEasting + ".0],"
                + "PARAMETER[\"False_Northing\",0.0],PARAMETER[\"Central_Meridian\"," + centralMeridian + ".0],"
                + "PARAMETER[\"Scale_Factor\",1.0],PARAMETER[\"Latitude_Of_Origin\",0.0],UNIT[\"Meter\",1.0]]";
        // EPSG orders these axes northing first; every GIS file format stores easting as x all the same
        String ogc = "PROJCS[\"" + name + "\",GEOGCS[\"China Geodetic Coordinate System 2000\"," + CGCS2000_DATUM + ","
                + DEGREE + ",AUTHORITY[\"EPSG\",\"4490\"]],PROJECTION[\"Transverse_Mercator\"],"
                + "PARAMETER[\"latitude_of_origin\",0],PARAMETER[\"central_meridian\"," + centralMeridian + "],"
                + "PARAMETER[\"scale_factor\",1],PARAMETER[\"false_easting\"," + falseEasting + "],"
                + "PARAMETER[\"false_northing\",0]," + METRE + ",AXIS[\"Northing\",NORTH],AXIS[\"Easting\",EAST],"
                + "AUTHORITY[\"EPSG\",\"" + code + "\"]]";
        return new ExportCrs(code, name, esri, ogc, false);
    }

    @Override
    public String toString() {
        return code() + " (" + name + ")";
    }

}
