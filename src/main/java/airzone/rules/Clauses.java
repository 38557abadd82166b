package airzone.rules;

import airzone.geo.GeoJson;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The words of the clauses the rules and the sample zones cite ({@code rules/clauses.json}), looked
 * up by document file name and clause label. Labels match whatever the parentheses and spaces: a
 * planner may type 二(二) or 二（二）, (七) or （七）.
 */
final class Clauses {

    private final Map<String, ClauseText> byKey = new HashMap<>();

    private Clauses(JsonNode clauses) {
        clauses.fields().forEachRemaining(document -> document.getValue().fields().forEachRemaining(clause -> {
            JsonNode c = clause.getValue();
            ClauseText text = new ClauseText(c.get("text_zh").asText(), c.get("summary_en").asText());
            if (byKey.put(key(document.getKey(), clause.getKey()), text) != null) {
                throw new IllegalStateException("rules/clauses.json has " + document.getKey() + " " + clause.getKey() + " twice");
            }
        }));
    }

    static Clauses load() {
        try (InputStream in = Clauses.class.getClassLoader().getResourceAsStream("rules/clauses.json")) {
            if (in == null) throw new IllegalStateException("rules/clauses.json is missing from the jar");
            return new Clauses(GeoJson.MAPPER.readTree(in).get("clauses"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The clause's words; empty for a clause the book has none for (any clause a planner types). */
    Optional<ClauseText> of(String document, String clause) {
        if (document == null || clause == null) return Optional.empty();
        return Optional.ofNullable(byKey.get(key(document, clause)));
    }

    private static String key(String document, String clause) {
        String label = clause.replaceAll("[\\s\\u3000]+", "").replace('(', '（').replace(')', '）');
        return document.strip() + "\u0000" + label;
    }
}
