package airzone.io;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.locationtech.jts.geom.Geometry;

/** One feature ready to write: its id, its geometry in the export CRS, and its properties as stored. */
public record ExportRow(String id, Geometry geometry, ObjectNode properties) {
}
