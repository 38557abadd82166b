package airzone.layer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.locationtech.jts.geom.Geometry;

import java.time.Instant;

/** One stored version of a feature: what it was, who made it so, when, and by which action. */
public record HistoryEntry(long version, String action, String user, Instant at, boolean deleted,
                           ObjectNode properties, Geometry geometry) {
}
