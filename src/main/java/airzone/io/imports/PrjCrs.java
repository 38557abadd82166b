package airzone.io.imports;

import airzone.io.ExportCrs;
import airzone.text.Numbers;
import mil.nga.crs.CRS;
import mil.nga.crs.bound.BoundCoordinateReferenceSystem;
import mil.nga.crs.common.Unit;
import mil.nga.crs.geo.Ellipsoid;
import mil.nga.crs.geo.GeoCoordinateReferenceSystem;
import mil.nga.crs.geo.GeoDatum;
import mil.nga.crs.geo.PrimeMeridian;
import mil.nga.crs.operation.OperationParameter;
import mil.nga.crs.projected.ProjectedCoordinateReferenceSystem;
import mil.nga.crs.wkt.CRSReader;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The {@link ExportCrs} a WKT text describes — a shapefile's .prj (ESRI WKT as ArcGIS and GDAL
 * write it, or OGC WKT 1), a GeoPackage's srs definition (WKT 1 or 2). The text is parsed with
 * NGA's WKT reader (mil.nga.crs, which the GeoPackage library brings) and matched by what defines
 * the system, never by its name, since every writer names them differently ("Gauss_Kruger" or
 * "Transverse_Mercator", "CGCS2000_3_Degree_GK_Zone_40" or "CGCS2000 / 3-degree Gauss-Kruger zone 40"):
 * <ul>
 *   <li>geographic, in degrees from Greenwich, on the WGS 84 ellipsoid → EPSG:4326, on CGCS2000 /
 *       GRS 1980 → EPSG:4490;</li>
 *   <li>transverse Mercator (Gauss-Krüger) on CGCS2000 / GRS 1980 or WGS 84 in metres, scale 1,
 *       latitude of origin 0, false northing 0, central meridian a multiple of 3° from 75° to 135°,
 *       false easting 500000 (→ EPSG:4534–4554) or the zone number before it, e.g. 40500000 for
 *       120°E (→ EPSG:4513–4533);</li>
 *   <li>Web Mercator (ESRI's Mercator_Auxiliary_Sphere, EPSG's Popular Visualisation Pseudo
 *       Mercator, or GDAL's WKT 1 Mercator_1SP with the +a=6378137 +b=6378137 PROJ4 extension) →
 *       EPSG:3857.</li>
 * </ul>
 * Anything else (Beijing 1954 and Xian 1980 on their own ellipsoids, 6-degree zones, UTM, feet) is
 * refused with what was found, so a planner can reproject it first or name the CRS with {@code crs=}.
 */
public final class PrjCrs {

    private static final double WGS84_INVERSE_FLATTENING = 298.257223563;
    /** CGCS2000; GRS 1980's 298.257222100882711 differs in the 10th digit */
    private static final double CGCS2000_INVERSE_FLATTENING = 298.257222101;
    private static final double SEMI_MAJOR = 6378137.0;
    private static final double DEGREE = Math.PI / 180;

    private PrjCrs() {
    }

    /** The supported system {@code wkt} describes; {@link ImportRefused} saying what it is when none. */
    public static ExportCrs match(String wkt, String what) {
        CRS crs;
        try {
            crs = CRSReader.read(wkt.trim().replace("\uFEFF", ""));
        } catch (Exception e) {
            throw ImportRefused.badInput(what + " is not a WKT coordinate system the import can read (" + e.getMessage()
                    + "); give the CRS with crs=EPSG:…", e);
        }
        if (crs instanceof BoundCoordinateReferenceSystem bound && bound.getSource() != null) crs = bound.getSource();
        if (crs instanceof GeoCoordinateReferenceSystem geo) return geographic(geo, what);
        if (crs instanceof ProjectedCoordinateReferenceSystem projected) return projected(projected, what, wkt);
        throw unknown(what, "a " + crs.getType() + " coordinate system");
    }

    private static ExportCrs geographic(GeoCoordinateReferenceSystem geo, String what) {
        GeoDatum datum = geo.getGeoDatum();
        String ellipsoid = ellipsoid(datum, what);
        checkGreenwich(datum, what);
        Unit unit = geo.getCoordinateSystem() == null ? null : angleUnit(geo);
        if (unit != null && unit.getConversionFactor() != null && Math.abs(unit.getConversionFactor() - DEGREE) > 1e-12) {
            throw unknown(what, "geographic coordinates in " + unit.getName() + " rather than degrees");
        }
        return ExportCrs.of(ellipsoid.equals("WGS 84") ? ExportCrs.WGS84 : ExportCrs.CGCS2000);
    }

    private static Unit angleUnit(GeoCoordinateReferenceSystem geo) {
        Unit unit = geo.getCoordinateSystem().getUnit();
        if (unit == null && !geo.getCoordinateSystem().getAxes().isEmpty()) unit = geo.getCoordinateSystem().getAxes().get(0).getUnit();
        return unit;
    }

    private static ExportCrs projected(ProjectedCoordinateReferenceSystem p, String what, String wkt) {
        GeoDatum datum = p.getGeoDatum();
        String ellipsoid = ellipsoid(datum, what);
        checkGreenwich(datum, what);
        // the projected system's own unit (NGA's getUnit() of a projected CRS is its base's angle unit)
        Unit unit = p.getCoordinateSystem() == null ? null : p.getCoordinateSystem().getUnit();
        if (unit == null && p.getCoordinateSystem() != null && !p.getCoordinateSystem().getAxes().isEmpty()) {
            unit = p.getCoordinateSystem().getAxes().get(0).getUnit();
        }
        if (unit != null && unit.getConversionFactor() != null && Math.abs(unit.getConversionFactor() - 1) > 1e-9) {
            throw unknown(what, "a projection in " + unit.getName() + " rather than metres");
        }
        String method = normalise(p.getMapProjection().getMethod().getName());
        Map<String, Double> parameters = parameters(p);
        double fe = parameters.getOrDefault("false_easting", 0.0);
        double fn = parameters.getOrDefault("false_northing", 0.0);
        double cm = parameters.getOrDefault("central_meridian", 0.0);
        double k = parameters.getOrDefault("scale_factor", 1.0);
        double lat0 = parameters.getOrDefault("latitude_of_origin", 0.0);

        if (method.equals("transversemercator") || method.equals("gausskruger")) {
            String found = "a transverse Mercator on " + ellipsoid + " with central meridian " + Numbers.plain(cm) + "°, false easting "
                    + Numbers.plain(fe) + ", scale " + Numbers.plain(k);
            if (!near(k, 1) || !near(lat0, 0) || !near(fn, 0)) throw unknown(what, found + (near(fn, 0) ? "" : ", false northing " + Numbers.plain(fn)));
            long meridian = Math.round(cm);
            if (!near(cm, meridian) || meridian % 3 != 0 || meridian < 75 || meridian > 135) {
                throw unknown(what, found + " (the supported CGCS2000 3-degree zones have central meridians 75°E, 78°E … 135°E)");
            }
            int zone = (int) (meridian / 3);
            if (near(fe, 500_000)) return ExportCrs.of(4534 + (int) (meridian - 75) / 3);
            if (near(fe, zone * 1_000_000.0 + 500_000)) return ExportCrs.of(4513 + zone - 25);
            throw unknown(what, found + " (expected false easting 500000 or " + (zone * 1_000_000L + 500_000) + ")");
        }
        boolean pseudo = method.equals("mercatorauxiliarysphere") || method.equals("popularvisualisationpseudomercator")
                || method.equals("popularvisualizationpseudomercator")
                || (method.equals("mercator1sp") && wkt.replaceAll("\\s+", " ").contains("+a=6378137 +b=6378137"));
        if (pseudo && ellipsoid.equals("WGS 84")) {
            if (near(cm, 0) && near(fe, 0) && near(fn, 0)) return ExportCrs.of(ExportCrs.WEB_MERCATOR);
        }
        throw unknown(what, "a " + p.getMapProjection().getMethod().getName() + " projection on " + ellipsoid);
    }

    /** Parameters by role, whatever the flavour names them. */
    private static Map<String, Double> parameters(ProjectedCoordinateReferenceSystem p) {
        Map<String, Double> out = new HashMap<>();
        for (OperationParameter parameter : p.getMapProjection().getMethod().getParameters()) {
            String role = switch (normalise(parameter.getName())) {
                case "falseeasting", "eastingatfalseorigin" -> "false_easting";
                case "falsenorthing", "northingatfalseorigin" -> "false_northing";
                case "centralmeridian", "longitudeofnaturalorigin", "longitudeoforigin", "longitudeofcenter",
                     "longitudeofcentre", "longitudeoffalseorigin" -> "central_meridian";
                case "scalefactor", "scalefactoratnaturalorigin" -> "scale_factor";
                case "latitudeoforigin", "latitudeofnaturalorigin", "latitudeofcenter", "latitudeofcentre" -> "latitude_of_origin";
                default -> null;
            };
            if (role != null) out.put(role, parameter.getValue());
        }
        return out;
    }

    /** "WGS 84" or "CGCS2000", the two ellipsoids the supported systems use (GRS 1980 counts as CGCS2000). */
    private static String ellipsoid(GeoDatum datum, String what) {
        Ellipsoid e = datum == null ? null : datum.getEllipsoid();
        if (e == null) throw unknown(what, "a coordinate system without an ellipsoid");
        double a = e.getSemiMajorAxis();
        if (e.getUnit() != null && e.getUnit().getConversionFactor() != null) a *= e.getUnit().getConversionFactor();
        double f = e.getInverseFlattening();
        if (Math.abs(a - SEMI_MAJOR) < 1e-3) {
            if (Math.abs(f - WGS84_INVERSE_FLATTENING) < 1e-8) return "WGS 84";
            if (Math.abs(f - CGCS2000_INVERSE_FLATTENING) < 1e-8) return "CGCS2000";
        }
        throw unknown(what, "a coordinate system on the " + e.getName() + " ellipsoid (a=" + Numbers.plain(a) + ", 1/f=" + Numbers.plain(f)
                + ") of datum " + datum.getName() + " (only WGS 84 and CGCS2000 / GRS 1980 data can be taken without a datum shift)");
    }

    private static void checkGreenwich(GeoDatum datum, String what) {
        PrimeMeridian pm = datum.getPrimeMeridian();
        if (pm != null && !near(pm.getLongitude(), 0)) {
            throw unknown(what, "a coordinate system whose prime meridian is " + pm.getName() + ", not Greenwich");
        }
    }

    private static ImportRefused unknown(String what, String found) {
        return ImportRefused.badInput(what + " describes " + found + "; that is not a supported CRS. Supported are "
                + ExportCrs.supportedText() + ". Reproject the data first, or name its CRS with crs=EPSG:… if the file is wrong");
    }

    private static String normalise(String name) {
        return name == null ? "" : name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    private static boolean near(double a, double b) {
        return Math.abs(a - b) < 1e-6 * Math.max(1, Math.abs(b));
    }

}
