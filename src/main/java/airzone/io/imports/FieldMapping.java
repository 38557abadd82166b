package airzone.io.imports;

import airzone.geo.GeoJson;
import airzone.io.ValueType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which property each field of the file fills: the one the export's fields.csv names; else the
 * property of the same name; else the one whose name differs only in case ({@code NAME},
 * {@code Class}); else, for a shapefile field cut to 10 characters, the one property it is the
 * start of ({@code effective_} → {@code effective_date}); else the field is kept as an extra
 * property under its own name. Values are then converted to the type the collection stores the
 * property as, when that loses nothing ({@link Values}).
 */
final class FieldMapping {

    private static final int DBF_NAME_LENGTH = 10;

    private final Map<String, String> propertyOf = new LinkedHashMap<>();
    private final Map<String, ValueType> typeOf = new HashMap<>();
    private final Map<String, Integer> converted = new LinkedHashMap<>();
    private final Map<String, String> notes = new LinkedHashMap<>();
    private final String idField;

    private FieldMapping(String idField) {
        this.idField = idField;
    }

    static FieldMapping of(SourceLayer layer, PropertyTypes known) {
        FieldMapping m = new FieldMapping(layer.idField());
        Set<String> taken = new HashSet<>();
        for (SourceField f : layer.fields()) {
            String property;
            String note;
            if (f.sidecarProperty() != null) {
                property = f.sidecarProperty();
                note = property.equals(f.name()) ? "same name (fields.csv)" : "renamed by fields.csv (dBase names have at most 10 characters)";
            } else if (known.has(f.name())) {
                property = f.name();
                note = "same name";
            } else {
                property = caseInsensitive(f.name(), known);
                note = property == null ? null : "matched without regard to case";
                if (property == null && layer.format() == ImportFormat.SHAPEFILE && f.name().length() == DBF_NAME_LENGTH) {
                    property = prefix(f.name(), known);
                    if (property != null) note = "dBase field names are cut to 10 characters; '" + property + "' is the only property starting with it";
                }
                if (property == null) {
                    property = f.name();
                    note = "kept as an extra property: the collection's features have no such property";
                }
            }
            if (!taken.add(property)) {
                note = "kept under its own name: '" + property + "' is already filled by another field";
                property = f.name();
                if (!taken.add(property)) {
                    note = "left out: its name is already taken by another field";
                    property = null;
                }
            }
            m.notes.put(f.name(), note);
            if (property == null) continue;
            m.propertyOf.put(f.name(), property);
            ValueType type = known.type(property);
            if (type != null && type != ValueType.JSON) m.typeOf.put(f.name(), type);
        }
        return m;
    }

    private static String caseInsensitive(String name, PropertyTypes known) {
        String found = null;
        for (String p : known.names()) {
            if (p.equalsIgnoreCase(name)) {
                if (found != null) return null;
                found = p;
            }
        }
        return found;
    }

    private static String prefix(String name, PropertyTypes known) {
        String lower = name.toLowerCase(Locale.ROOT);
        String found = null;
        for (String p : known.names()) {
            if (p.length() > DBF_NAME_LENGTH && p.toLowerCase(Locale.ROOT).startsWith(lower)) {
                if (found != null) return null;
                found = p;
            }
        }
        return found;
    }

    /** The properties of a feature: mapped names, values converted where the collection's type says so. */
    ObjectNode properties(SourceFeature feature) {
        ObjectNode out = GeoJson.MAPPER.createObjectNode();
        for (Map.Entry<String, JsonNode> e : feature.attributes().entrySet()) {
            String property = propertyOf.get(e.getKey());
            if (property == null) {
                if (!notes.containsKey(e.getKey())) out.set(e.getKey(), e.getValue()); // a field only some features have
                continue;
            }
            JsonNode v = e.getValue();
            ValueType type = typeOf.get(e.getKey());
            if (type != null) {
                JsonNode as = Values.as(v, type);
                if (as != v && Values.typeOf(as) != Values.typeOf(v)) converted.merge(e.getKey(), 1, Integer::sum);
                v = as;
            }
            out.set(property, v);
        }
        return out;
    }

    /** The report's lines, the id field first; call after {@link #properties} has seen every feature. */
    List<ImportReport.Field> report(SourceLayer layer) {
        List<ImportReport.Field> lines = new ArrayList<>();
        if (idField != null) {
            lines.add(new ImportReport.Field(idField, "(feature id)", "the feature's id: a feature whose id exists is updated, others are created"));
        } else {
            lines.add(new ImportReport.Field(null, "(feature id)", layer.format() == ImportFormat.GEOJSON
                    ? "the GeoJSON features' \"id\" members (fresh ids where there are none)"
                    : "no id field (feature_id or id): every feature gets a fresh id"));
        }
        notes.forEach((source, note) -> {
            String property = propertyOf.get(source);
            Integer n = converted.get(source);
            String full = n == null ? note : note + "; " + n + (n == 1 ? " value" : " values") + " converted to "
                    + typeOf.get(source).name().toLowerCase(Locale.ROOT) + " as the collection stores it";
            lines.add(new ImportReport.Field(source, property, full));
        });
        return lines;
    }
}
