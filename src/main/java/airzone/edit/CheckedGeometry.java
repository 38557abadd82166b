package airzone.edit;

import org.locationtech.jts.geom.Geometry;

import java.util.List;

/** A geometry that passed the checks a write makes, with what was repaired on the way (empty when nothing was). */
public record CheckedGeometry(Geometry geometry, List<String> repairs) {
}
