package airzone.rules;

import airzone.geo.GeoJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The plans' rules as data ({@code rules/rules.json}): each rule's citations, jurisdictions and
 * parameters with defaults and ranges, and the words of the clauses cited ({@link Clauses}).
 * Parameter values themselves live in {@link RuleParameters}.
 */
public final class RuleBook {

    private final ObjectNode book;
    private final Clauses clauses;
    private final Map<String, Map<String, ParameterSpec>> specs = new LinkedHashMap<>();

    private RuleBook(ObjectNode book, Clauses clauses) {
        this.book = book;
        this.clauses = clauses;
        for (JsonNode rule : book.get("rules")) {
            Map<String, ParameterSpec> ruleSpecs = new LinkedHashMap<>();
            rule.get("parameters").fields().forEachRemaining(p -> ruleSpecs.put(p.getKey(), ParameterSpec.from(p.getKey(), p.getValue())));
            specs.put(rule.get("id").asText(), ruleSpecs);
        }
    }

    public static RuleBook load() {
        try (InputStream in = RuleBook.class.getClassLoader().getResourceAsStream("rules/rules.json")) {
            if (in == null) throw new IllegalStateException("rules/rules.json is missing from the jar");
            return new RuleBook((ObjectNode) GeoJson.MAPPER.readTree(in), Clauses.load());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every parameter at its default. */
    public RuleParameters defaults() {
        ObjectNode values = GeoJson.MAPPER.createObjectNode();
        specs.forEach((rule, params) -> {
            ObjectNode ruleValues = values.putObject(rule);
            params.forEach((name, spec) -> ruleValues.set(name, spec.defaultValue()));
        });
        return new RuleParameters(values);
    }

    /**
     * {@code base} with {@code changes} ({@code {ruleId: {parameter: value}}}) applied, every change
     * checked; the first bad one is reported naming its field, and nothing is applied.
     */
    public RuleParameters apply(RuleParameters base, JsonNode changes) {
        if (changes == null || !changes.isObject()) {
            throw new InvalidParameter("body", "must be a JSON object {ruleId: {parameter: value}}");
        }
        ObjectNode values = base.values().deepCopy();
        for (Iterator<Map.Entry<String, JsonNode>> rules = changes.fields(); rules.hasNext(); ) {
            Map.Entry<String, JsonNode> rule = rules.next();
            Map<String, ParameterSpec> ruleSpecs = specs.get(rule.getKey());
            if (ruleSpecs == null) throw new InvalidParameter(rule.getKey(), "is not a rule id; known: " + specs.keySet());
            if (!rule.getValue().isObject()) throw new InvalidParameter(rule.getKey(), "must be an object of parameters");
            for (Iterator<Map.Entry<String, JsonNode>> params = rule.getValue().fields(); params.hasNext(); ) {
                Map.Entry<String, JsonNode> param = params.next();
                String field = rule.getKey() + "." + param.getKey();
                ParameterSpec spec = ruleSpecs.get(param.getKey());
                if (spec == null) throw new InvalidParameter(field, "is not a parameter of " + rule.getKey() + "; known: " + ruleSpecs.keySet());
                String problem = spec.problemWith(param.getValue());
                if (problem != null) throw new InvalidParameter(field, problem + ", got " + param.getValue());
                ((ObjectNode) values.get(rule.getKey())).set(param.getKey(), param.getValue());
            }
        }
        return new RuleParameters(values);
    }

    /** Stored values laid over the defaults: a parameter added in a later release starts at its default. */
    public RuleParameters restore(ObjectNode stored) {
        ObjectNode known = GeoJson.MAPPER.createObjectNode();
        specs.forEach((rule, params) -> {
            JsonNode storedRule = stored.path(rule);
            ObjectNode ruleValues = known.putObject(rule);
            params.forEach((name, spec) -> {
                JsonNode value = storedRule.get(name);
                if (value != null && spec.problemWith(value) == null) ruleValues.set(name, value);
            });
        });
        return apply(defaults(), known);
    }

    /** The rule book as published by GET /api/rules, each rule with its current parameter values. */
    public ObjectNode describe(RuleParameters current) {
        ObjectNode out = book.deepCopy();
        for (JsonNode rule : out.withArray("rules")) {
            ObjectNode document = (ObjectNode) rule;
            ArrayNode cited = (ArrayNode) document.get("citations");
            ArrayNode citations = GeoJson.MAPPER.createArrayNode();
            for (JsonNode c : cited) citations.add(citation(c.get("document").asText(), c.get("clause").asText()));
            document.set("citations", citations);
            document.set("values", current.values().get(rule.get("id").asText()));
        }
        return out;
    }

    /**
     * The citation of a document's clause as the service gives it out: {@code {document, title,
     * clause, text_zh, summary_en}}, the words only when the book has them.
     */
    public ObjectNode citation(String document, String clause) {
        ObjectNode citation = GeoJson.MAPPER.createObjectNode();
        citation.put("document", document);
        citation.put("title", documentTitle(document));
        citation.put("clause", clause);
        clauseText(document, clause).ifPresent(text -> text.addTo(citation));
        return citation;
    }

    /** The words of a document's clause; empty when the book has none for it. */
    public Optional<ClauseText> clauseText(String document, String clause) {
        return clauses.of(document, clause);
    }

    /**
     * The rule's first (main) clause as a derived feature stores it: {@code {document, title,
     * clause}} without the words, which a stored feature would keep after the book corrects them
     * (recomputing follows inputs and parameters only) and which a shapefile's 254-byte text field
     * would cut into unreadable JSON. {@link #citation(String, String)} gives the words.
     */
    public ObjectNode citation(String ruleId) {
        for (JsonNode rule : book.get("rules")) {
            if (rule.get("id").asText().equals(ruleId)) {
                ObjectNode citation = rule.get("citations").get(0).deepCopy();
                citation.put("title", book.get("documents").path(citation.get("document").asText()).asText());
                return citation;
            }
        }
        throw new IllegalArgumentException("no rule " + ruleId);
    }

    /** The title of a seed document, by its file name; empty when the book does not know it. */
    public String documentTitle(String document) {
        return book.get("documents").path(document).asText("");
    }

    /** The jurisdictions (city or province names) a rule applies in. */
    public java.util.List<String> jurisdictions(String ruleId) {
        for (JsonNode rule : book.get("rules")) {
            if (rule.get("id").asText().equals(ruleId)) {
                java.util.List<String> names = new java.util.ArrayList<>();
                rule.path("jurisdictions").forEach(j -> names.add(j.asText()));
                return names;
            }
        }
        throw new IllegalArgumentException("no rule " + ruleId);
    }

    /** The class definitions of the ban-zone-class rule (I, II, III). */
    public JsonNode banZoneClasses() {
        for (JsonNode rule : book.get("rules")) {
            if (rule.get("id").asText().equals("ban-zone-class")) return rule.get("classes");
        }
        throw new IllegalStateException("rules.json has no ban-zone-class rule");
    }
}
