package airzone.rules;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A clause's own words as the service quotes them: the sentences that carry the rule, verbatim in
 * Chinese ("……" where some are left out), and a short English summary.
 */
public record ClauseText(String zh, String summaryEn) {

    /** Adds the words to a citation object — the one place their field names are written. */
    public void addTo(ObjectNode citation) {
        citation.put("text_zh", zh);
        citation.put("summary_en", summaryEn);
    }
}
