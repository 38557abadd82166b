package airzone.rules;

import org.locationtech.jts.geom.Geometry;

/** The shared boundary of two jurisdictions, its lines oriented so that {@code left} lies on their left. */
record Border(Jurisdiction left, Jurisdiction right, Geometry lines) {

    String id() {
        return left.code() + "-" + right.code();
    }

    String name() {
        return left.name() + "—" + right.name();
    }
}
