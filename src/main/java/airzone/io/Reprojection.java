package airzone.io;

import airzone.geo.ProjectedGeometry;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lon/lat geometries into an export CRS with proj4j and the EPSG parameters of proj4j-epsg.
 * Stored coordinates are taken as CGCS2000 when the target is a CGCS2000 system and as WGS 84
 * otherwise (docs/architecture.md: the two differ far less than the data's accuracy); proj4j then applies no datum
 * shift, as PROJ does not between these two — ExportCrsTest checks the numbers against GDAL's.
 *
 * <p>Looking a code up in proj4j-epsg scans its definition file (tens of milliseconds), so the
 * parsed systems are kept per instance; transforms keep scratch state and are made per export.
 */
public final class Reprojection {

    private final CRSFactory factory = new CRSFactory();
    private final CoordinateTransformFactory transforms = new CoordinateTransformFactory();
    private final Map<Integer, CoordinateReferenceSystem> systems = new ConcurrentHashMap<>();

    /** A transformer into {@code target} for one export; not thread-safe. Identity for geographic targets. */
    public GeometryTransform to(ExportCrs target) {
        if (target.geographic()) return geometry -> geometry;
        CoordinateTransform transform = transforms.createTransform(system(target.baseGeographic()), system(target.epsg()));
        return geometry -> ProjectedGeometry.transform(geometry, transform);
    }

    /** Projects one lon/lat position; for tests and checks. */
    public double[] project(ExportCrs target, double lon, double lat) {
        if (target.geographic()) return new double[]{lon, lat};
        CoordinateTransform transform = transforms.createTransform(system(target.baseGeographic()), system(target.epsg()));
        ProjCoordinate out = new ProjCoordinate();
        transform.transform(new ProjCoordinate(lon, lat), out);
        return new double[]{out.x, out.y};
    }

    CoordinateReferenceSystem system(int epsg) {
        return systems.computeIfAbsent(epsg, code -> lookup(factory, code));
    }

    /**
     * A system by its EPSG code from proj4j-epsg, with transverse Mercator computed by etmerc (the
     * Poder/Engsager series PROJ and GDAL use for tmerc) instead of proj4j's tmerc: at 11° from a
     * zone's central meridian (Qinzhou in the 120°E zone) tmerc is 1.4 cm from GDAL, etmerc 0.1 mm.
     */
    public static CoordinateReferenceSystem lookup(CRSFactory factory, int epsg) {
        CoordinateReferenceSystem listed = factory.createFromName("EPSG:" + epsg);
        String[] parameters = listed.getParameters();
        if (!java.util.Arrays.asList(parameters).contains("+proj=tmerc")) return listed;
        String[] exact = java.util.Arrays.stream(parameters).map(p -> p.equals("+proj=tmerc") ? "+proj=etmerc" : p).toArray(String[]::new);
        return factory.createFromParameters("EPSG:" + epsg, exact);
    }

    /** Geometry in, geometry in the target CRS out; never changes its argument. */
    @FunctionalInterface
    public interface GeometryTransform {
        Geometry apply(Geometry lonLat);
    }
}
