package airzone.io.imports;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;

/**
 * What an import did — or, on a dry run, would do: the file's format, CRS and text encoding (and
 * where each was found), how many features it holds and of which geometry types, how its fields map
 * to the collection's properties, and per feature (by its 0-based position in the file) what was
 * repaired, skipped or rejected. A real import with any rejected feature imports nothing.
 *
 * <p>{@code features}, only in a dry run with preview: a GeoJSON FeatureCollection of the features
 * that would be written — repaired, in lon/lat, properties as mapped — each with its position in the
 * file ({@code airzone:index}) and whether it would be created or update a stored feature
 * ({@code airzone:action}); at most {@link #PREVIEW_LIMIT} of them, {@code numberMatched} saying how
 * many there are in all. Absent otherwise.
 */
public record ImportReport(String collection, String format, String layer, boolean dryRun, String sourceCrs, String crsFrom,
                           String encoding, String encodingDetectedFrom, int count, Map<String, Integer> geometryTypes,
                           List<Field> fields, int imported, int created, int updated,
                           List<Repaired> repaired, List<Problem> skipped, List<Problem> rejected, List<String> notes,
                           @JsonInclude(JsonInclude.Include.NON_NULL) ObjectNode features) {

    /** The most features a preview carries: enough for any plan's zones, small enough for a page to draw. */
    public static final int PREVIEW_LIMIT = 5_000;

    /** How one field of the file maps to a property ("(feature id)" for the ids; null when left out). */
    public record Field(String source, String property, String note) {
    }

    /** A feature whose geometry was repaired on the way in. */
    public record Repaired(int index, String id, List<String> repairs) {
    }

    /** A feature left out, and why. */
    public record Problem(int index, String id, String reason) {
    }
}
