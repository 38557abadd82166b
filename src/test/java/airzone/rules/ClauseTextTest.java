package airzone.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The clause words the service quotes ({@code rules/clauses.json}) against the plans' own texts in
 * {@code docs/plans/}: every quote is in its plan, word for word, under the headings it names; every
 * clause that the rule book, the screening catalogue, the checks' code or the sample zones cite has
 * words; and docs/plans.md lists each one. No service: the plans and the book are files.
 */
class ClauseTextTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path PLANS = Path.of("docs", "plans");
    /** How far (characters, whitespace left out) a quote may end after its clause's heading: a clause, not the plan. */
    private static final int CLAUSE_REACH = 1200;
    private static final Pattern CODE_CITATION = Pattern.compile("citation\\(\"(\\d{3}_[0-9a-f]{16}\\.txt)\", \"([^\"]+)\"\\)");

    @Test
    void everyQuoteIsInItsPlanWordForWordUnderItsHeadings() throws IOException {
        JsonNode clauses = resource("rules/clauses.json").get("clauses");
        int quotes = 0;
        for (Map.Entry<String, JsonNode> document : iterable(clauses)) {
            Path plan = PLANS.resolve(document.getKey());
            assertThat(plan).as("the plan text of %s is in docs/plans/", document.getKey()).isRegularFile();
            String text = normalised(Files.readString(plan));
            for (Map.Entry<String, JsonNode> clause : iterable(document.getValue())) {
                String where = document.getKey() + " " + clause.getKey();
                int at = 0;
                for (JsonNode heading : clause.getValue().get("path_zh")) {
                    String h = normalised(heading.asText());
                    int found = text.indexOf(h, at);
                    assertThat(found).as("%s: heading %s after the one above it", where, heading.asText()).isNotNegative();
                    at = found;
                }
                int clauseStart = at;
                String quote = clause.getValue().get("text_zh").asText();
                assertThat(quote).as(where).isNotBlank();
                assertThat(clause.getValue().get("summary_en").asText()).as(where).isNotBlank().doesNotContainPattern("\\p{IsHan}{3}");
                for (String piece : quote.split("……")) {
                    if (piece.isBlank()) continue;
                    String p = normalised(piece);
                    int found = text.indexOf(p, at);
                    assertThat(found).as("%s: “%s” in the plan, in order, under its heading", where, piece).isNotNegative();
                    at = found + p.length();
                }
                assertThat(at - clauseStart).as("%s: the quote ends within its clause", where).isLessThan(CLAUSE_REACH);
                quotes++;
            }
        }
        assertThat(quotes).isGreaterThanOrEqualTo(18);
    }

    @Test
    void everyCitedClauseHasItsWords() throws IOException {
        RuleBook book = RuleBook.load();
        Map<String, String> cited = citedClauses();
        assertThat(cited).hasSizeGreaterThanOrEqualTo(18);
        List<String> missing = new ArrayList<>();
        cited.forEach((pair, where) -> {
            String[] dc = pair.split(" ", 2);
            if (book.clauseText(dc[0], dc[1]).isEmpty()) missing.add(pair + " (cited by " + where + ")");
        });
        assertThat(missing).as("cited clauses without words in rules/clauses.json").isEmpty();
        // the sample zones' 二(二) and the 18 pairs the brief named are all there
        assertThat(cited).containsKeys("000_dbaa7cefc8c1cc82.txt 二(二)", "002_526a4fb7784c0a71.txt （二）4", "003_6d6744aea8a4c578.txt 17",
                "004_729835d2cc3d7230.txt 9", "001_ef308584dc4f70ff.txt （二十一）");
    }

    @Test
    void docsPlansListsEveryQuotedClause() throws IOException {
        String table = Files.readString(Path.of("docs", "plans.md"));
        JsonNode clauses = resource("rules/clauses.json").get("clauses");
        for (Map.Entry<String, JsonNode> document : iterable(clauses)) {
            for (Map.Entry<String, JsonNode> clause : iterable(document.getValue())) {
                assertThat(table).as("docs/plans.md has a row for %s %s", document.getKey(), clause.getKey())
                        .contains("| " + document.getKey() + " | " + clause.getKey() + " |");
            }
        }
    }

    @Test
    void citationsCarryTheWordsAndAnUnknownClauseSimplyHasNone() {
        RuleBook book = RuleBook.load();
        ObjectNode known = book.citation("001_ef308584dc4f70ff.txt", "（七）");
        assertThat(known.get("title").asText()).isEqualTo("赤峰市空气质量持续改善行动实施方案（征求意见稿）");
        assertThat(known.get("text_zh").asText()).contains("供热半径15公里范围内燃煤供热锅炉关停整合");
        assertThat(known.get("summary_en").asText()).contains("15 km");
        // a label typed with ASCII parentheses or spaces is the same clause
        assertThat(book.citation("001_ef308584dc4f70ff.txt", " (七) ").get("text_zh")).isEqualTo(known.get("text_zh"));
        assertThat(book.citation("000_dbaa7cefc8c1cc82.txt", "二（二）").get("text_zh").asText()).contains("秦皇岛经济技术开发区");

        ObjectNode unknown = book.citation("001_ef308584dc4f70ff.txt", "（九十九）");
        assertThat(unknown.get("clause").asText()).isEqualTo("（九十九）");
        assertThat(unknown.has("text_zh")).isFalse();
        assertThat(unknown.has("summary_en")).isFalse();
        assertThat(book.citation("no-such-plan.txt", "1").get("title").asText()).isEmpty();

        // the published book: every rule's every citation with its words
        for (JsonNode rule : book.describe(book.defaults()).get("rules")) {
            assertThat(rule.get("citations")).isNotEmpty().allSatisfy(c -> {
                assertThat(c.get("text_zh").asText()).as("%s %s", c.get("document"), c.get("clause")).isNotBlank();
                assertThat(c.get("summary_en").asText()).isNotBlank();
                assertThat(c.get("title").asText()).isNotBlank();
            });
        }
    }

    /** "document clause" → where it is cited, from every place the service takes citations from. */
    private static Map<String, String> citedClauses() throws IOException {
        Map<String, String> cited = new TreeMap<>();
        for (JsonNode rule : resource("rules/rules.json").get("rules")) {
            for (JsonNode c : rule.get("citations")) cited.put(c.get("document").asText() + " " + c.get("clause").asText(), "rule " + rule.get("id").asText());
        }
        for (JsonNode rule : resource("rules/screening.json").get("admission")) {
            JsonNode c = rule.get("citation");
            cited.put(c.get("document").asText() + " " + c.get("clause").asText(), "admission rule " + rule.get("id").asText());
        }
        try (Stream<Path> files = Files.list(Path.of("gis-data"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".geojson")).sorted().toList()) {
                for (JsonNode feature : JSON.readTree(file.toFile()).get("features")) {
                    JsonNode p = feature.get("properties");
                    if (p.hasNonNull("document")) cited.put(p.get("document").asText() + " " + p.path("clause").asText(), file.getFileName().toString());
                }
            }
        }
        try (Stream<Path> sources = Files.walk(Path.of("src", "main", "java"))) {
            for (Path source : sources.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                Matcher m = CODE_CITATION.matcher(Files.readString(source));
                while (m.find()) cited.put(m.group(1) + " " + m.group(2), source.getFileName().toString());
            }
        }
        return cited;
    }

    /** Whitespace aside — line breaks of the OCR, full-width spaces, indents — the plan's text as it is. */
    private static String normalised(String s) {
        return s.replaceAll("[\\s\\u3000]+", "");
    }

    private static JsonNode resource(String name) {
        try (InputStream in = ClauseTextTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode object) {
        return object::fields;
    }
}
