package airzone.edit;

import airzone.text.Numbers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * What one property of a collection must be: its type, whether it is required, and its allowed values
 * (in the order a form offers them: ban classes I, II, III) or range.
 */
public record PropertyRule(String name, Type type, boolean required, List<String> allowed, double min, double max) {

    public enum Type { TEXT, NUMBER, BOOLEAN, DATE }

    static PropertyRule text(String name, boolean required) {
        return new PropertyRule(name, Type.TEXT, required, List.of(), 0, 0);
    }

    static PropertyRule oneOf(String name, boolean required, String... allowed) {
        return new PropertyRule(name, Type.TEXT, required, List.of(allowed), 0, 0);
    }

    static PropertyRule number(String name, boolean required, double min, double max) {
        return new PropertyRule(name, Type.NUMBER, required, List.of(), min, max);
    }

    static PropertyRule bool(String name) {
        return new PropertyRule(name, Type.BOOLEAN, false, List.of(), 0, 0);
    }

    static PropertyRule date(String name) {
        return new PropertyRule(name, Type.DATE, false, List.of(), 0, 0);
    }

    /** @throws InvalidFeature naming the property and what it should be */
    void check(JsonNode value) {
        if (value == null || value.isNull()) {
            if (required) throw new InvalidFeature("property '" + name + "' is required" + choices());
            return;
        }
        switch (type) {
            case TEXT -> {
                if (!value.isTextual() || value.asText().isBlank()) throw new InvalidFeature("property '" + name + "' must be non-empty text" + choices());
                if (!allowed.isEmpty() && !allowed.contains(value.asText())) {
                    throw new InvalidFeature("property '" + name + "' is '" + value.asText() + "'" + choices());
                }
            }
            case NUMBER -> {
                if (!value.isNumber() || !Double.isFinite(value.asDouble()) || value.asDouble() < min || value.asDouble() > max) {
                    throw new InvalidFeature("property '" + name + "' must be a number from " + Numbers.plain(min) + " to " + Numbers.plain(max) + ", got " + value);
                }
            }
            case BOOLEAN -> {
                if (!value.isBoolean()) throw new InvalidFeature("property '" + name + "' must be true or false, got " + value);
            }
            case DATE -> {
                try {
                    LocalDate.parse(value.asText());
                } catch (DateTimeParseException e) {
                    throw new InvalidFeature("property '" + name + "' must be a date like 2025-01-01, got " + value);
                }
                if (!value.isTextual()) throw new InvalidFeature("property '" + name + "' must be a date like 2025-01-01, got " + value);
            }
        }
    }

    /**
     * What {@link #check} accepts, as the JSON Schema (draft 2020-12) of one property, for the page's form
     * to check before it sends. (A null, which check takes for an absent property, is left out.)
     */
    ObjectNode jsonSchema() {
        ObjectNode schema = JsonNodeFactory.instance.objectNode();
        switch (type) {
            case TEXT -> {
                schema.put("type", "string");
                if (!allowed.isEmpty()) {
                    ArrayNode values = schema.putArray("enum");
                    allowed.forEach(values::add);
                } else {
                    // check() refuses blank text, and every text property is bounded by FeatureValidator
                    schema.put("minLength", 1).put("maxLength", FeatureValidator.MAX_TEXT_LENGTH).put("pattern", "\\S");
                }
            }
            case NUMBER -> schema.put("type", "number").<ObjectNode>set("minimum", whole(min)).set("maximum", whole(max));
            case BOOLEAN -> schema.put("type", "boolean");
            case DATE -> schema.put("type", "string").put("format", "date");
        }
        return schema;
    }

    private String choices() {
        return allowed.isEmpty() ? "" : " (one of " + String.join(", ", allowed) + ")";
    }

    /** 5000 rather than 5000.0 where the bound is whole, as people write it. */
    private static JsonNode whole(double v) {
        return v == Math.rint(v) ? JsonNodeFactory.instance.numberNode((long) v) : JsonNodeFactory.instance.numberNode(v);
    }

}
