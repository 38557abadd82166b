package airzone.geo;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * A transverse-Mercator projection on the CGCS2000 ellipsoid (GRS 80) with a chosen central
 * meridian: the metric plane in which buffers are drawn. Close to its central meridian it keeps
 * distances to within (x/R)²/2 — 2·10⁻⁴ at the edge of a 3-degree Gauss-Krüger zone — so a buffer
 * drawn here matches the geodesic distance far inside the 0.2 % docs/architecture.md allows.
 * Not thread-safe (proj4j transforms keep scratch state): make one per task.
 */
public final class TransverseMercator {

    private static final CRSFactory CRS = new CRSFactory();
    private static final CoordinateTransformFactory TRANSFORMS = new CoordinateTransformFactory();
    /** CGCS2000 and WGS 84 differ far less than the data's accuracy (docs/architecture.md); both use this ellipsoid here. */
    private static final CoordinateReferenceSystem GEOGRAPHIC =
            CRS.createFromParameters("CGCS2000", "+proj=longlat +ellps=GRS80 +no_defs");

    private final double centralMeridian;
    private final CoordinateTransform forward;
    private final CoordinateTransform inverse;
    private final ProjCoordinate in = new ProjCoordinate();
    private final ProjCoordinate out = new ProjCoordinate();

    private TransverseMercator(double centralMeridian) {
        this.centralMeridian = centralMeridian;
        CoordinateReferenceSystem projected = CRS.createFromParameters("TM" + centralMeridian,
                "+proj=etmerc +lat_0=0 +lon_0=" + centralMeridian + " +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs");
        forward = TRANSFORMS.createTransform(GEOGRAPHIC, projected);
        inverse = TRANSFORMS.createTransform(projected, GEOGRAPHIC);
    }

    /** A projection whose central meridian runs through {@code lon}: the least distortion around it. */
    public static TransverseMercator centredOn(double lon) {
        return new TransverseMercator(lon);
    }

    /** The CGCS2000 3-degree Gauss-Krüger zone {@code zone} (central meridian 3·zone degrees east). */
    public static TransverseMercator gaussKrugerZone(int zone) {
        return new TransverseMercator(3.0 * zone);
    }

    /** The 3-degree zone a longitude falls in: zone 40 spans 118.5°E–121.5°E around 120°E. */
    public static int gaussKrugerZoneOf(double lon) {
        return (int) Math.floor((lon + 1.5) / 3.0);
    }

    public double centralMeridian() {
        return centralMeridian;
    }

    /** Lon/lat degrees → metres east/north. */
    public Geometry project(Geometry lonLat) {
        return ProjectedGeometry.transform(lonLat, forward);
    }

    /** One point, lon/lat degrees → metres east/north into {@code xy}: no geometry built, for the hot loops of screening. */
    public void project(double lon, double lat, double[] xy) {
        transform(forward, lon, lat, xy);
    }

    /** One point, metres east/north → lon/lat degrees into {@code lonLat}. */
    public void unproject(double x, double y, double[] lonLat) {
        transform(inverse, x, y, lonLat);
    }

    private void transform(CoordinateTransform transform, double x, double y, double[] result) {
        in.x = x;
        in.y = y;
        transform.transform(in, out);
        result[0] = out.x;
        result[1] = out.y;
    }

    /** Metres east/north → lon/lat degrees. */
    public Geometry unproject(Geometry metres) {
        return ProjectedGeometry.transform(metres, inverse);
    }
}
