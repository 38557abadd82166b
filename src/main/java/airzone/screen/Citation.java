package airzone.screen;

import airzone.geo.GeoJson;
import airzone.rules.ClauseText;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Where a finding's rule is written: the seed document's file name, its title, the clause, and the
 * clause's own words when the rule book has them ({@code text} null otherwise — a drawn zone may
 * cite any clause).
 */
public record Citation(String document, String title, String clause, ClauseText text) {

    /** As the contract gives it: {@code {document, title, clause, text_zh, summary_en}}, the words only when known. */
    public ObjectNode json() {
        ObjectNode out = GeoJson.MAPPER.createObjectNode();
        out.put("document", document);
        out.put("title", title);
        out.put("clause", clause);
        if (text != null) text.addTo(out);
        return out;
    }
}
