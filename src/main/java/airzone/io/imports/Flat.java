package airzone.io.imports;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;

/** Geometries reduced to x and y: the store keeps 2D, while shapefile and KML readers hand out Z (often NaN). */
final class Flat {

    private Flat() {
    }

    static Geometry xy(Geometry g) {
        if (g == null || g.isEmpty()) return null;
        try {
            return new WKBReader().read(new WKBWriter(2).write(g));
        } catch (ParseException e) {
            throw new IllegalStateException("JTS could not read its own WKB", e);
        }
    }
}
