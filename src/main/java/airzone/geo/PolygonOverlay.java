package airzone.geo;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.util.PolygonExtracter;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.operation.union.UnaryUnionOp;

import java.util.Collection;

/**
 * Overlays of polygons, each input made valid first ({@link GeometryRepair}): many source polygons
 * self-intersect, and JTS cannot overlay those.
 */
public final class PolygonOverlay {

    private PolygonOverlay() {
    }

    /** The union of at least one polygon: neighbours that share their border vertex for vertex merge without a seam. */
    public static Geometry union(Collection<? extends Geometry> polygons) {
        return UnaryUnionOp.union(polygons.stream().map(GeometryRepair::valid).toList());
    }

    /**
     * The area both cover, as polygons only: where the two merely touch (an edge, a corner) there is no
     * area, and OverlayNG's lines and points there are dropped. Empty when they do not overlap.
     */
    public static Geometry intersection(Geometry a, Geometry b) {
        Geometry both = OverlayNGRobust.overlay(GeometryRepair.valid(a), GeometryRepair.valid(b), OverlayNG.INTERSECTION);
        return a.getFactory().buildGeometry(PolygonExtracter.getPolygons(both));
    }
}
