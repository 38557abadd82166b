package airzone.rules;

import airzone.geo.MetricBuffer;
import airzone.layer.Feature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Rule heating-radius (Chifeng （七）): a circle of R km around every heat source whose largest unit
 * is at least P MW and which supplies heat. Plants whose heat supply is unconfirmed, and planned
 * plants, count only when the parameters say so — the heat-source table flags both.
 */
final class HeatingRadii {

    static final String RULE = "heating-radius";

    private HeatingRadii() {
    }

    static List<Feature> compute(List<Feature> heatSources, RuleParameters parameters, RuleBook book, Instant now) {
        double radiusMetres = parameters.number(RULE, "radius_km") * 1000;
        List<Feature> radii = new ArrayList<>();
        for (Feature source : heatSources) {
            if (!qualifies(source.properties(), parameters)) continue;
            ObjectNode p = DerivedFeature.properties(RULE, parameters, book, List.of(source.id()), now);
            p.put("heat_source_id", source.id());
            p.put("name", source.properties().path("name").asText() + " 供热半径");
            p.put("name_en", "Heating radius of " + source.properties().path("name_en").asText());
            p.put("heat_source_name", source.properties().path("name").asText());
            p.put("largest_unit_mw", source.properties().path("largest_unit_mw").asDouble());
            p.put("chp", source.properties().path("chp").asText());
            p.put("status", source.properties().path("status").asText());
            p.put("radius_km", radiusMetres / 1000);
            radii.add(new Feature("radius-" + source.id(), p, MetricBuffer.buffer(source.geometry(), radiusMetres), 0));
        }
        return radii;
    }

    static boolean qualifies(ObjectNode heatSource, RuleParameters parameters) {
        if (heatSource.path("largest_unit_mw").asDouble(-1) < parameters.number(RULE, "min_unit_mw")) return false;
        String chp = heatSource.path("chp").asText();
        boolean suppliesHeat = chp.equals("yes") || (chp.equals("unknown") && parameters.flag(RULE, "include_unconfirmed_chp"));
        String status = heatSource.path("status").asText();
        boolean running = status.equals("operating") || (status.equals("planned") && parameters.flag(RULE, "include_planned"));
        return suppliesHeat && running;
    }
}
