package airzone.screen;

import org.locationtech.jts.geom.Geometry;

import java.util.List;

/**
 * A project site and its attributes as the screening reads them. Absent attributes are null (or
 * false); {@code isNew} is true for a proposed project, false for an existing installation.
 * {@code notes} says what was done to the input on the way in (a repaired polygon, say).
 */
public record Site(String name, Geometry geometry, String industry, String fuel, Double boilerTph,
                   String boilerUse, boolean isNew, boolean keyGasIndustry, Double stackHeightM, List<String> notes) {

    /** Stacks higher than this are elevated sources (Qinzhou plan （八）1: > 45 m). */
    static final double ELEVATED_STACK_M = 45;

    boolean burnsCoal(Catalogues catalogues) {
        return fuel != null && catalogues.isCoal(fuel);
    }

    boolean elevatedSource() {
        return stackHeightM != null && stackHeightM > ELEVATED_STACK_M;
    }
}
