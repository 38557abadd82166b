package airzone.io;

import com.fasterxml.jackson.core.JsonGenerator;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

import java.io.IOException;

/**
 * A JTS geometry as a GeoJSON geometry object on a Jackson generator, ordinates as plain decimals
 * ({@link Ordinates}) and rings by the right-hand rule of RFC 7946 (outer counter-clockwise, holes
 * clockwise). jts-io's GeoJsonWriter does the same in lon/lat, but prints projected eastings and
 * northings of 10⁷ or more in exponent notation with all 17 digits.
 */
final class GeoJsonGeometry {

    private GeoJsonGeometry() {
    }

    static void write(JsonGenerator gen, Geometry g, int decimals) throws IOException {
        gen.writeStartObject();
        gen.writeStringField("type", g.getGeometryType());
        if (g instanceof GeometryCollection && !(g instanceof MultiPoint || g instanceof MultiLineString || g instanceof MultiPolygon)) {
            gen.writeArrayFieldStart("geometries");
            for (int i = 0; i < g.getNumGeometries(); i++) write(gen, g.getGeometryN(i), decimals);
        } else {
            gen.writeArrayFieldStart("coordinates");
            coordinates(gen, g, decimals);
        }
        gen.writeEndArray();
        gen.writeEndObject();
    }

    /** The members of the "coordinates" array (the array itself is open). */
    private static void coordinates(JsonGenerator gen, Geometry g, int decimals) throws IOException {
        if (g instanceof Point p) {
            if (!p.isEmpty()) {
                gen.writeNumber(Ordinates.format(p.getX(), decimals));
                gen.writeNumber(Ordinates.format(p.getY(), decimals));
            }
        } else if (g instanceof LineString l) {
            positions(gen, l.getCoordinateSequence(), decimals, false);
        } else if (g instanceof Polygon p) {
            rings(gen, p, decimals);
        } else {
            for (int i = 0; i < g.getNumGeometries(); i++) {
                gen.writeStartArray();
                coordinates(gen, g.getGeometryN(i), decimals);
                gen.writeEndArray();
            }
        }
    }

    private static void rings(JsonGenerator gen, Polygon p, int decimals) throws IOException {
        if (p.isEmpty()) return;
        ring(gen, p.getExteriorRing(), decimals, true);
        for (int i = 0; i < p.getNumInteriorRing(); i++) ring(gen, p.getInteriorRingN(i), decimals, false);
    }

    private static void ring(JsonGenerator gen, LinearRing ring, int decimals, boolean counterClockwise) throws IOException {
        CoordinateSequence seq = ring.getCoordinateSequence();
        gen.writeStartArray();
        positions(gen, seq, decimals, Orientation.isCCW(seq) != counterClockwise);
        gen.writeEndArray();
    }

    private static void positions(JsonGenerator gen, CoordinateSequence seq, int decimals, boolean reversed) throws IOException {
        int n = seq.size();
        for (int k = 0; k < n; k++) {
            int i = reversed ? n - 1 - k : k;
            gen.writeStartArray();
            gen.writeNumber(Ordinates.format(seq.getX(i), decimals));
            gen.writeNumber(Ordinates.format(seq.getY(i), decimals));
            gen.writeEndArray();
        }
    }
}
