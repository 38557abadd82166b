package airzone.io.imports;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Locale;

/**
 * Which attribute holds the feature ids when the format has no place of its own for them: a
 * {@code feature_id} field (what the service's exports write), else an {@code id} field (what GDAL
 * writes from a GeoJSON id), matched without regard to case.
 */
final class IdField {

    static final String EXPORTED = "feature_id";

    private IdField() {
    }

    static String pick(List<SourceField> fields) {
        for (String wanted : List.of(EXPORTED, "id")) {
            for (SourceField f : fields) if (f.name().toLowerCase(Locale.ROOT).equals(wanted)) return f.name();
        }
        return null;
    }

    /** An id value as text: strings as they are, integral numbers without a decimal point. */
    static String text(JsonNode id) {
        if (id == null || id.isNull()) return null;
        if (id.isIntegralNumber()) return id.asText();
        if (id.isNumber() && id.doubleValue() == Math.rint(id.doubleValue())) return Long.toString((long) id.doubleValue());
        String t = id.isTextual() ? id.textValue().trim() : id.toString();
        return t.isEmpty() ? null : t;
    }
}
