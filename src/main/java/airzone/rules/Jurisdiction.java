package airzone.rules;

import org.locationtech.jts.geom.Geometry;

/** A province or city as the border rules see it: code, name, level and its area in lon/lat. */
record Jurisdiction(String code, String name, String level, Geometry area) {
}
