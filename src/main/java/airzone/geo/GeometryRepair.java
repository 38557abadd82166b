package airzone.geo;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.util.GeometryFixer;

/** Making geometries valid before any overlay: many source polygons self-intersect (docs/architecture.md, "Data sources"). */
public final class GeometryRepair {

    private GeometryRepair() {
    }

    /** The geometry itself when valid (checking is ten times cheaper than fixing), else its JTS repair. */
    public static Geometry valid(Geometry geometry) {
        return geometry.isValid() ? geometry : GeometryFixer.fix(geometry);
    }
}
