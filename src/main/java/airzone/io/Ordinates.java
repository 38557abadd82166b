package airzone.io;

import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.precision.GeometryPrecisionReducer;

/**
 * Coordinates of the text formats at a fixed number of decimals ({@link ExportCrs#decimals()}: about
 * a centimetre), written as plain decimals: Gauss-Krüger eastings with zone prefix and Web Mercator
 * values exceed 10⁷, where {@code Double.toString} — and jts-io's GeoJSON writer with it — switches
 * to exponent notation at full precision ("4.0377310510037996E7").
 */
final class Ordinates {

    private Ordinates() {
    }

    /** {@code value} rounded half up to {@code decimals} places, trailing zeros dropped: "40377310.51", "118.5". */
    static String format(double value, int decimals) {
        if (!Double.isFinite(value)) throw new IllegalArgumentException("coordinate " + value + " is not finite");
        long scale = pow10(decimals);
        long scaled = Math.round(Math.abs(value) * scale);
        boolean negative = value < 0 && scaled != 0;
        String digits = Long.toString(scaled);
        StringBuilder out = new StringBuilder(digits.length() + 3);
        if (negative) out.append('-');
        if (digits.length() <= decimals) {
            out.append("0.");
            for (int i = digits.length(); i < decimals; i++) out.append('0');
            out.append(digits);
        } else {
            out.append(digits, 0, digits.length() - decimals);
            if (decimals > 0) out.append('.').append(digits, digits.length() - decimals, digits.length());
        }
        // drop trailing zeros of the fraction, and the point if nothing is left after it
        int end = out.length();
        if (decimals > 0) {
            while (out.charAt(end - 1) == '0') end--;
            if (out.charAt(end - 1) == '.') end--;
        }
        out.setLength(end);
        return out.toString();
    }

    /**
     * {@code g} at {@code decimals} places for a text format, still valid: rounding each vertex can
     * collapse a ring narrower than the rounding step (a derived border buffer over PostGIS had one,
     * "Too few points in geometry component" in GEOS); such a geometry is reduced with JTS's
     * topology-preserving {@link GeometryPrecisionReducer} instead, which drops the collapsed part.
     */
    static Geometry roundKeepingValid(Geometry g, int decimals) {
        if (g == null) return null;
        Geometry rounded = round(g, decimals);
        if (rounded.isValid() || !g.isValid()) return rounded;
        Geometry reduced = GeometryPrecisionReducer.reduce(g, new PrecisionModel(pow10(decimals)));
        if (g instanceof MultiPolygon && reduced instanceof Polygon p) {
            return reduced.getFactory().createMultiPolygon(new Polygon[]{p});
        }
        if (g instanceof MultiLineString && reduced instanceof LineString l) {
            return reduced.getFactory().createMultiLineString(new LineString[]{l});
        }
        return reduced;
    }

    /** A copy of {@code g} with every ordinate rounded to {@code decimals} places, for writers that print doubles as they are. */
    static Geometry round(Geometry g, int decimals) {
        if (g == null) return null;
        double scale = pow10(decimals);
        Geometry copy = g.copy();
        copy.apply(new CoordinateSequenceFilter() {
            @Override
            public void filter(CoordinateSequence seq, int i) {
                seq.setOrdinate(i, 0, Math.round(seq.getX(i) * scale) / scale);
                seq.setOrdinate(i, 1, Math.round(seq.getY(i) * scale) / scale);
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
        return copy;
    }

    private static long pow10(int decimals) {
        long p = 1;
        for (int i = 0; i < decimals; i++) p *= 10;
        return p;
    }
}
