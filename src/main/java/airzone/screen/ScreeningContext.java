package airzone.screen;

import airzone.geo.GeodesicDistance;
import airzone.geo.GeodesicLine;
import airzone.layer.Feature;
import airzone.rules.RuleBook;
import airzone.text.Numbers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** What the rule checks of one screening share: the site, where it lies, and the findings so far. */
final class ScreeningContext {

    final Site site;
    final ScreeningIndex index;
    final RuleBook book;
    private final Citations citations;
    final Catalogues catalogues;
    final GeodesicDistance distance;
    /** The district the site lies in (its properties), or an empty object outside the data. */
    final ObjectNode district;
    final List<Finding> findings = new ArrayList<>();

    ScreeningContext(Site site, ScreeningIndex index, Citations citations, Catalogues catalogues, GeodesicDistance distance, ObjectNode district) {
        this.site = site;
        this.index = index;
        this.citations = citations;
        this.book = citations.book();
        this.catalogues = catalogues;
        this.distance = distance;
        this.district = district;
    }

    String city() {
        return district.path("city").asText("");
    }

    String province() {
        return district.path("province").asText("");
    }

    /** Whether a rule's jurisdictions (cities or provinces) include the site's. */
    boolean appliesHere(String ruleId) {
        return inJurisdiction(citations.jurisdictions(ruleId));
    }

    boolean inJurisdiction(List<String> jurisdictions) {
        return jurisdictions.contains(city()) || jurisdictions.contains(province());
    }

    boolean inJurisdiction(String jurisdiction) {
        return jurisdiction.equals(city()) || jurisdiction.equals(province());
    }

    Citation ruleCitation(String ruleId) {
        return citations.ofRule(ruleId);
    }

    Citation citation(String document, String clause) {
        return citations.of(document, clause);
    }

    /** A drawn zone's own legal basis when it records one, else the rule's. */
    Citation zoneCitation(Feature zone, String fallbackRule) {
        String document = zone.properties().path("document").asText("");
        if (document.isEmpty()) {
            JsonNode own = zone.properties().path("citation");
            if (own.has("document")) return citation(own.get("document").asText(), own.path("clause").asText());
            return ruleCitation(fallbackRule);
        }
        return citation(document, zone.properties().path("clause").asText());
    }

    void add(String rule, Severity severity, String layer, Feature feature, Double distanceKm,
             Supplier<String> zh, Supplier<String> en, Citation citation) {
        add(rule, severity, layer, feature, distanceKm, zh, en, citation, null);
    }

    /** A finding about the distance to a feature: its distance and the geodesic line to it. */
    void add(String rule, Severity severity, String layer, NearestIndex.Nearest nearest, Supplier<String> zh, Supplier<String> en, Citation citation) {
        add(rule, severity, layer, nearest.feature(), roundedKm(nearest.metres()), zh, en, citation, nearest.line());
    }

    private void add(String rule, Severity severity, String layer, Feature feature, Double distanceKm,
                     Supplier<String> zh, Supplier<String> en, Citation citation, GeodesicLine line) {
        findings.add(new Finding(rule, severity, layer, feature == null ? null : feature.id(),
                feature == null ? null : feature.properties().path("name").asText(null), distanceKm, zh, en, citation, line));
    }

    /** A distance in metres as the sentences give it: kilometres to two decimals. */
    static String km(double metres) {
        return Numbers.kilometres(metres / 1000);
    }

    static Double roundedKm(double metres) {
        return Math.round(metres) / 1000.0;
    }
}
