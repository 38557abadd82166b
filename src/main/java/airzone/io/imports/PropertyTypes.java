package airzone.io.imports;

import airzone.edit.FeatureValidator;
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
 * now, on top of those the collection's validation rules type ({@link FeatureValidator#ruleTypes}),
 * so that an empty collection still gets its dates and booleans right.
 */
final class PropertyTypes {

    private final Map<String, ValueType> types;

    private PropertyTypes(Map<String, ValueType> types) {
        this.types = types;
    }

    static PropertyTypes of(String collection, Iterable<Feature> stored) {
        Map<String, ValueType> byRule = new LinkedHashMap<>();
        FeatureValidator.ruleTypes(collection).forEach((name, type) -> byRule.put(name, switch (type) {
            case TEXT -> ValueType.TEXT;
            case NUMBER -> ValueType.REAL;
            case BOOLEAN -> ValueType.BOOLEAN;
            case DATE -> ValueType.DATE;
        }));
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
        Map<String, ValueType> types = new LinkedHashMap<>(byRule);
        seen.forEach((name, type) -> {
            if (mixed.containsKey(name)) types.put(name, null); // no single type to convert to
            else if (type != null && !(byRule.get(name) == ValueType.DATE && type == ValueType.TEXT)) types.put(name, type);
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
