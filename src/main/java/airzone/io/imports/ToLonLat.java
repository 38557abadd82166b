package airzone.io.imports;

import airzone.geo.ProjectedGeometry;
import airzone.io.ExportCrs;
import airzone.io.Reprojection;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;

import java.util.function.UnaryOperator;

/**
 * Geometries from a supported CRS back to lon/lat: the inverse of the export's {@link Reprojection},
 * with the same system definitions (etmerc for Gauss-Krüger, whose inverse undoes its forward to
 * 1e-10° even 11° off the central meridian, so an export imported again lands where it started).
 * Gauss-Krüger zones go to CGCS2000 and Web Mercator to WGS 84, both stored as lon/lat (docs/architecture.md:
 * 4490 is taken as 4326); geographic systems pass unchanged.
 */
final class ToLonLat {

    private final CRSFactory factory = new CRSFactory();
    private final CoordinateTransformFactory transforms = new CoordinateTransformFactory();

    /** A transform for one import (proj4j transforms keep scratch state: not shared between threads). */
    UnaryOperator<Geometry> from(ExportCrs source) {
        if (source.geographic()) return g -> g;
        CoordinateTransform inverse = transforms.createTransform(
                Reprojection.lookup(factory, source.epsg()), Reprojection.lookup(factory, source.baseGeographic()));
        return g -> g == null ? null : ProjectedGeometry.transform(g, inverse);
    }
}
