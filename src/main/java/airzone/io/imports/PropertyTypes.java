package airzone.io.imports;

import airzone.io.ValueType;
import airzone.layer.Feature;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The properties a collection's features have and the type of each — what an imported field is
 * matched against and converted to (a dBase logical or a GDAL integer 0/1 to the booleans the
 * collection stores, a number to the text the collection stores). Read from the features stored
 * now, on top of the few every writable collection has by rule (the edit package's property
 * schemas), so that an empty collection still gets its dates and booleans right.
 */
final class PropertyTypes {

    private static final Map<String, ValueType> BY_RULE = Map.ofEntries(
            Map.entry("name", ValueType.TEXT),
            Map.entry("class", ValueType.TEXT),
            Map.entry("level", ValueType.TEXT),
            Map.entry("zone_type", ValueType.TEXT),
            Map.entry("effective_date", ValueType.DATE),
            Map.entry("illustrative", ValueType.BOOLEAN),
            Map.entry("largest_unit_mw", ValueType.REAL),
            Map.entry("total_capacity_mw", ValueType.REAL),
            Map.entry("chp", ValueType.TEXT),
            Map.entry("status", ValueType.TEXT));

    private final Map<String, ValueType> types;

    private PropertyTypes(Map<String, ValueType> types) {
        this.types = types;
    }

    static PropertyTypes of(Iterable<Feature> stored) {
        Map<String, ValueType> seen = new LinkedHashMap<>();
        Map<String, Boolean> mixed = new LinkedHashMap<>();
        for (Feature f : stored) {
            for (Iterator<Map.Entry<String, JsonNode>> it = f.properties().fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                ValueType t = Values.typeOf(e.getValue());
                if (t == null) {
                    seen.putIfAbsent(e.getKey(), null);
                    continue;
                }
                ValueType before = seen.get(e.getKey());
                ValueType after = Values.widen(before, t);
                if (before != null && before != t && after == ValueType.TEXT) mixed.put(e.getKey(), true);
                seen.put(e.getKey(), after);
            }
        }
        Map<String, ValueType> types = new LinkedHashMap<>(BY_RULE);
        seen.forEach((name, type) -> {
            if (mixed.containsKey(name)) types.put(name, null); // no single type to convert to
            else if (type != null && !(BY_RULE.get(name) == ValueType.DATE && type == ValueType.TEXT)) types.put(name, type);
            else types.putIfAbsent(name, null);
        });
        return new PropertyTypes(types);
    }

    boolean has(String property) {
        return types.containsKey(property);
    }

    /** The type the collection stores the property as; null when unknown or mixed. */
    ValueType type(String property) {
        return types.get(property);
    }

    Iterable<String> names() {
        return types.keySet();
    }
}
