package airzone.rules;

import airzone.geo.PolygonOverlay;
import airzone.layer.Feature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Rule clean-heating-ban-zone (Chifeng （九）): districts flagged {@code clean_heating_complete}
 * become ban zones — one derived ban zone per city, the union of its flagged districts.
 */
final class CleanHeatingBanZones {

    static final String RULE = "clean-heating-ban-zone";

    private CleanHeatingBanZones() {
    }

    static List<Feature> compute(List<Feature> districts, RuleParameters parameters, RuleBook book, Instant now) {
        Map<String, List<Feature>> flaggedByCity = new TreeMap<>();
        for (Feature d : districts) {
            if (d.properties().path("clean_heating_complete").asBoolean(false)) {
                flaggedByCity.computeIfAbsent(d.properties().path("city_adcode").asText(), k -> new ArrayList<>()).add(d);
            }
        }
        List<Feature> zones = new ArrayList<>();
        flaggedByCity.forEach((cityCode, flagged) -> {
            String city = flagged.get(0).properties().path("city").asText();
            ObjectNode p = DerivedFeature.properties(RULE, parameters, book, flagged.stream().map(Feature::id).toList(), now);
            p.put("name", city + "清洁取暖完成区禁燃区");
            p.put("name_en", "Clean-heating ban zone of " + city);
            p.put("class", parameters.text(RULE, "ban_class"));
            p.put("city", city);
            p.put("city_adcode", cityCode);
            flagged.forEach(d -> p.withArray("districts").add(d.properties().path("name").asText()));
            zones.add(new Feature("derived-clean-heating-" + cityCode, p, PolygonOverlay.union(flagged.stream().map(Feature::geometry).toList()), 0));
        });
        return zones;
    }
}
