package airzone.rules;

import airzone.geo.GeoJson;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.Collection;

/** The properties every derived feature records: which rule, with which parameters, from what, when. */
final class DerivedFeature {

    private DerivedFeature() {
    }

    static ObjectNode properties(String rule, RuleParameters parameters, RuleBook book, Collection<String> sourceIds, Instant computedAt) {
        ObjectNode p = GeoJson.MAPPER.createObjectNode();
        p.put("source", "derived");
        p.put("rule", rule);
        p.set("parameters", parameters.of(rule));
        p.set("citation", book.citation(rule));
        sourceIds.forEach(p.putArray("source_ids")::add);
        p.put("computed_at", computedAt.toString());
        return p;
    }
}
