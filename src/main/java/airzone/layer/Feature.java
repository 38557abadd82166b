package airzone.layer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.locationtech.jts.geom.Geometry;

/**
 * One feature of a collection: geometry in EPSG:4326 (lon/lat), free-form properties, and the
 * version the store gave it — every write raises the version, so it serves as the ETag.
 */
public record Feature(String id, ObjectNode properties, Geometry geometry, long version) {
}
