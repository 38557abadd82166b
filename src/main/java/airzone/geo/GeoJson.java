package airzone.geo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.geojson.GeoJsonWriter;

/**
 * JSON and GeoJSON (RFC 7946) in one place: the shared Jackson mapper, and JTS geometries written
 * as GeoJSON with counter-clockwise outer rings and 7 decimals (1 cm, finer than any source here).
 */
public final class GeoJson {

    /** Thread-safe once configured; configured here only. */
    public static final ObjectMapper MAPPER = new ObjectMapper();

    static final int DECIMALS = 7;

    private GeoJson() {
    }

    public static ObjectNode parseObject(String json) {
        try {
            JsonNode node = MAPPER.readTree(json);
            if (node instanceof ObjectNode object) return object;
            throw new IllegalArgumentException("expected a JSON object, got " + node.getNodeType());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * A geometry as a JSON tree. Points and lines (a site, the geodesic lines of a screening) are
     * written straight into the tree, rounded as {@link #geometry} rounds them: going through GeoJSON
     * text and parsing it back was a third of a single-site screening's time. Polygons, whose rings
     * need orienting and whose rounding needs repair, take that way still.
     */
    public static ObjectNode geometryNode(Geometry geometry) {
        if (geometry instanceof Point point && !point.isEmpty()) {
            ObjectNode out = MAPPER.createObjectNode().put("type", "Point");
            position(out.putArray("coordinates"), point.getCoordinate());
            return out;
        }
        if (geometry instanceof LineString line && !(geometry instanceof LinearRing) && !line.isEmpty()) {
            ObjectNode out = MAPPER.createObjectNode().put("type", "LineString");
            ArrayNode positions = out.putArray("coordinates");
            for (Coordinate c : line.getCoordinates()) position(positions.addArray(), c);
            return out;
        }
        return parseObject(geometry(geometry));
    }

    private static void position(ArrayNode array, Coordinate c) {
        array.add(round(c.x)).add(round(c.y));
    }

    private static double round(double degrees) {
        return Math.round(degrees * 1e7) / 1e7;
    }

    /** GeoJSON text of a geometry, for embedding as a raw value while streaming. */
    public static String geometry(Geometry geometry) {
        // GeoJsonWriter keeps state per call only, but it is cheap: one per call keeps this thread-safe
        GeoJsonWriter writer = new GeoJsonWriter(DECIMALS);
        writer.setEncodeCRS(false);
        writer.setForceCCW(true);
        // rounding each vertex to 7 decimals can collapse a sliver thinner than 1 cm (one derived
        // border band has one); GridRounding keeps the written geometry valid
        return writer.write(GridRounding.roundKeepingValid(geometry, DECIMALS));
    }
}
