package airzone.io.imports;

import com.fasterxml.jackson.databind.JsonNode;
import org.locationtech.jts.geom.Geometry;

import java.util.Map;

/**
 * One feature as read from the file: its id (null when the file gives none), its non-empty
 * attribute values keyed by the file's field names, its geometry in the file's CRS, and why it
 * cannot be imported when the reader already knows (a geometry it could not parse); null otherwise.
 */
record SourceFeature(String id, Map<String, JsonNode> attributes, Geometry geometry, String problem) {

    SourceFeature(String id, Map<String, JsonNode> attributes, Geometry geometry) {
        this(id, attributes, geometry, null);
    }
}
