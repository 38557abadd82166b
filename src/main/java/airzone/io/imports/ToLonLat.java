package airzone.io.imports;

import airzone.io.ExportCrs;
import airzone.io.Reprojection;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

import java.util.function.UnaryOperator;

/**
 * Geometries from a supported CRS back to lon/lat with proj4j and proj4j-epsg: the inverse of the
 * export's {@code Reprojection}. Gauss-Krüger zones go to CGCS2000 and Web Mercator to WGS 84,
 * both stored as lon/lat (DESIGN: 4490 is taken as 4326); geographic systems pass unchanged.
 *
 * <p>A projection's inverse need not undo its forward exactly far from the central meridian (proj4j's
 * tmerc missed by 1.5 cm at 11° off, where the sample data of Qinzhou lies in the 120°E zone), so
 * each point is refined by Newton's method against the forward projection the export uses until
 * that gives back the file's coordinates to within 0.01 mm: an export imported again lands where
 * it started, whatever the projection's own inverse does.
 */
final class ToLonLat {

    /** Metres: a point is done when the forward projection of the result is this close to the input. */
    private static final double TOLERANCE = 1e-5;
    private static final double STEP_DEGREES = 1e-7;
    private static final int MAX_ITERATIONS = 8;

    private final CRSFactory factory = new CRSFactory();
    private final CoordinateTransformFactory transforms = new CoordinateTransformFactory();

    /** A transform for one import (proj4j transforms keep scratch state: not shared between threads). */
    UnaryOperator<Geometry> from(ExportCrs source) {
        if (source.geographic()) return g -> g;
        CoordinateReferenceSystem projected = Reprojection.lookup(factory, source.epsg());
        CoordinateReferenceSystem geographic = Reprojection.lookup(factory, source.baseGeographic());
        CoordinateTransform inverse = transforms.createTransform(projected, geographic);
        CoordinateTransform forward = transforms.createTransform(geographic, projected);
        return g -> g == null ? null : transform(g, inverse, forward);
    }

    private static Geometry transform(Geometry geometry, CoordinateTransform inverse, CoordinateTransform forward) {
        Geometry copy = geometry.copy();
        ProjCoordinate in = new ProjCoordinate();
        ProjCoordinate out = new ProjCoordinate();
        copy.apply(new CoordinateSequenceFilter() {
            @Override
            public void filter(CoordinateSequence seq, int i) {
                in.x = seq.getX(i);
                in.y = seq.getY(i);
                inverse.transform(in, out);
                double[] refined = refine(forward, in.x, in.y, out.x, out.y);
                seq.setOrdinate(i, 0, refined[0]);
                seq.setOrdinate(i, 1, refined[1]);
            }

            @Override
            public boolean isDone() {
                return false;
            }

            @Override
            public boolean isGeometryChanged() {
                return true;
            }
        });
        copy.geometryChanged();
        return copy;
    }

    /** Newton's method on forward(lon, lat) = (x, y), from proj4j's inverse as the first guess. */
    static double[] refine(CoordinateTransform forward, double x, double y, double lon, double lat) {
        if (!Double.isFinite(lon) || !Double.isFinite(lat)) return new double[]{lon, lat};
        ProjCoordinate p = new ProjCoordinate();
        ProjCoordinate q = new ProjCoordinate();
        for (int k = 0; k < MAX_ITERATIONS; k++) {
            forward.transform(new ProjCoordinate(lon, lat), p);
            double fx = p.x - x;
            double fy = p.y - y;
            if (Math.abs(fx) < TOLERANCE && Math.abs(fy) < TOLERANCE) break;
            forward.transform(new ProjCoordinate(lon + STEP_DEGREES, lat), q);
            double a = (q.x - p.x) / STEP_DEGREES;
            double c = (q.y - p.y) / STEP_DEGREES;
            forward.transform(new ProjCoordinate(lon, lat + STEP_DEGREES), q);
            double b = (q.x - p.x) / STEP_DEGREES;
            double d = (q.y - p.y) / STEP_DEGREES;
            double det = a * d - b * c;
            if (!Double.isFinite(det) || det == 0) break;
            lon -= (d * fx - b * fy) / det;
            lat -= (a * fy - c * fx) / det;
        }
        return new double[]{lon, lat};
    }
}
