package airzone.rules;

import airzone.text.Numbers;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/** One rule parameter as the rule book declares it: type, default and the range a change must keep to. */
record ParameterSpec(String name, String type, JsonNode defaultValue, Double min, boolean minExclusive, Double max,
                     List<String> values) {

    static ParameterSpec from(String name, JsonNode spec) {
        List<String> values = new ArrayList<>();
        if (spec.has("values")) spec.get("values").forEach(v -> values.add(v.asText()));
        return new ParameterSpec(name, spec.get("type").asText(), spec.get("default"),
                spec.has("min") ? spec.get("min").asDouble() : null,
                spec.path("minExclusive").asBoolean(false),
                spec.has("max") ? spec.get("max").asDouble() : null,
                List.copyOf(values));
    }

    /** @return the reason {@code value} is not acceptable, or null when it is */
    String problemWith(JsonNode value) {
        switch (type) {
            case "number" -> {
                if (!value.isNumber()) return "must be a number";
                double v = value.asDouble();
                if (!Double.isFinite(v)) return "must be finite";
                if (min != null && (minExclusive ? v <= min : v < min)) return "must be " + (minExclusive ? "greater than " : "at least ") + Numbers.plain(min);
                if (max != null && v > max) return "must be at most " + Numbers.plain(max);
                return null;
            }
            case "boolean" -> {
                return value.isBoolean() ? null : "must be true or false";
            }
            case "enum" -> {
                return value.isTextual() && values.contains(value.asText()) ? null : "must be one of " + values;
            }
            default -> throw new IllegalStateException("rule book declares unknown parameter type " + type);
        }
    }

}
