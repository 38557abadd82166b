package airzone.screen;

import airzone.rules.RuleBook;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a screening asks the rule book for, looked up once: a rule's citation and jurisdictions, a
 * clause's citation. The book is read-only (its parameters live elsewhere), so what it answered once
 * holds; without this, each finding walked the book's JSON and copied a citation out of it.
 */
final class Citations {

    private final RuleBook book;
    private final Map<String, Citation> byRule = new ConcurrentHashMap<>();
    private final Map<List<String>, Citation> byClause = new ConcurrentHashMap<>();
    private final Map<String, List<String>> jurisdictions = new ConcurrentHashMap<>();

    Citations(RuleBook book) {
        this.book = book;
    }

    RuleBook book() {
        return book;
    }

    Citation ofRule(String ruleId) {
        return byRule.computeIfAbsent(ruleId, id -> {
            JsonNode c = book.citation(id);
            return of(c.get("document").asText(), c.get("clause").asText());
        });
    }

    Citation of(String document, String clause) {
        return byClause.computeIfAbsent(List.of(document, clause),
                key -> new Citation(document, book.documentTitle(document), clause, book.clauseText(document, clause).orElse(null)));
    }

    List<String> jurisdictions(String ruleId) {
        return jurisdictions.computeIfAbsent(ruleId, id -> List.copyOf(book.jurisdictions(id)));
    }
}
