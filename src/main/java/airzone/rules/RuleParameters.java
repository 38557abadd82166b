package airzone.rules;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The current value of every rule parameter, {@code {ruleId: {parameter: value}}}, with typed
 * accessors for those the derived layers read. Treat as immutable: changes go through {@link RuleBook#apply}.
 */
public record RuleParameters(ObjectNode values) {

    public double number(String rule, String parameter) {
        return values.get(rule).get(parameter).asDouble();
    }

    public boolean flag(String rule, String parameter) {
        return values.get(rule).get(parameter).asBoolean();
    }

    public String text(String rule, String parameter) {
        return values.get(rule).get(parameter).asText();
    }

    /** The parameters of one rule, as recorded on the features it derives. */
    public ObjectNode of(String rule) {
        return values.get(rule).deepCopy();
    }
}
