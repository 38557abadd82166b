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
        boolean line = geometry instanceof LineString && !(geometry instanceof LinearRing);
        if (!(geometry instanceof Point || line) || geometry.isEmpty()) return parseObject(geometry(geometry));
        Coordinate[] rounded = GridRounding.round(geometry, DECIMALS).getCoordinates();
        ObjectNode out = MAPPER.createObjectNode().put("type", line ? "LineString" : "Point");
        if (!line) {
            out.putArray("coordinates").add(rounded[0].x).add(rounded[0].y);
            return out;
        }
        ArrayNode positions = out.putArray("coordinates");
        for (Coordinate c : rounded) positions.addArray().add(c.x).add(c.y);
        return out;
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
