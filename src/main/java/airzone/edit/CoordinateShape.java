package airzone.edit;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Checks the nesting of a GeoJSON "coordinates" array before JTS builds anything from it: positions
 * of 2 or 3 numbers at the depth the type puts them, closed rings of at least 4 positions, and no
 * more than the allowed number of vertices — JTS would otherwise quietly accept a position of one
 * number or build a ring that is not one.
 */
final class CoordinateShape {

    private final int maxVertices;
    private final boolean polygonal;
    private int vertices;

    CoordinateShape(int maxVertices, boolean polygonal) {
        this.maxVertices = maxVertices;
        this.polygonal = polygonal;
    }

    /** @param depth how many array levels lie above the positions (0: coordinates is a position) */
    void check(JsonNode coordinates, int depth) {
        if (!coordinates.isArray()) throw new InvalidFeature("coordinates must be nested arrays of numbers");
        if (depth == 0) {
            position(coordinates);
            return;
        }
        for (JsonNode child : coordinates) check(child, depth - 1);
        if (depth == 1 && polygonal) ring(coordinates);
    }

    private void position(JsonNode position) {
        if (position.size() < 2 || position.size() > 3) {
            throw new InvalidFeature("a position must be [lon, lat] (or [lon, lat, height]), got " + FeatureValidator.abbreviate(position.toString()));
        }
        for (JsonNode n : position) {
            if (!n.isNumber()) throw new InvalidFeature("a coordinate must be a number, got " + FeatureValidator.abbreviate(n.toString()));
        }
        if (++vertices > maxVertices) {
            throw new InvalidFeature("the geometry has more than " + maxVertices + " vertices (AIRZONE_MAX_VERTICES)");
        }
    }

    private static void ring(JsonNode ring) {
        if (ring.size() < 4) {
            throw new InvalidFeature("a polygon ring has " + ring.size() + " positions; it needs at least 4, the last repeating the first");
        }
        JsonNode first = ring.get(0);
        JsonNode last = ring.get(ring.size() - 1);
        if (first.get(0).asDouble() != last.get(0).asDouble()
                || first.get(1).asDouble() != last.get(1).asDouble()) {
            throw new InvalidFeature("a polygon ring is not closed: its last position must repeat the first");
        }
    }
}
