package airzone.geo;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.ProjCoordinate;

/** JTS geometries through a proj4j transform: the one place coordinates change reference system. */
public final class ProjectedGeometry {

    private ProjectedGeometry() {
    }

    /** A transformed copy; the argument is left as it was. Not thread-safe per transform (proj4j keeps scratch state). */
    public static Geometry transform(Geometry geometry, CoordinateTransform transform) {
        ProjCoordinate in = new ProjCoordinate();
        ProjCoordinate out = new ProjCoordinate();
        return CoordinateMapping.apply(geometry, (x, y, xy) -> {
            in.x = x;
            in.y = y;
            transform.transform(in, out);
            xy[0] = out.x;
            xy[1] = out.y;
        });
    }
}
