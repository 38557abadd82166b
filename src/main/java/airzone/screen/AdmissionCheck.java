package airzone.screen;

import airzone.layer.CollectionIds;
import airzone.layer.Feature;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * Industry admission (准入) by jurisdiction: the admission rules of {@code rules/screening.json}, each
 * naming its jurisdiction, industries, whether it binds new or existing projects, optionally the
 * layer it binds inside, its severity and its citation.
 */
final class AdmissionCheck {

    private AdmissionCheck() {
    }

    static void check(ScreeningContext ctx) {
        String industry = ctx.site.industry();
        if (industry == null) return;
        for (JsonNode rule : ctx.catalogues.admissionRules()) {
            if (!ctx.inJurisdiction(rule.get("jurisdiction").asText())) continue;
            if (!lists(rule.get("industries"), industry)) continue;
            boolean forNew = rule.get("applies_to").asText().equals("new");
            if (forNew != ctx.site.isNew()) continue;
            Feature within = null;
            String layer = null;
            if (rule.has("within")) {
                layer = rule.get("within").asText();
                List<Feature> hits = layer.equals(CollectionIds.BUILT_UP_AREAS) ? ctx.index.builtUpAreas.touching(ctx.site.geometry())
                        : ctx.index.industrialParks.touching(ctx.site.geometry());
                if (hits.isEmpty()) continue;
                within = hits.get(0);
            }
            Severity severity = rule.get("severity").asText().equals("prohibited") ? Severity.PROHIBITED : Severity.ACTION_REQUIRED;
            String prefixZh = severity == Severity.PROHIBITED ? "禁止：" : "须审查：";
            String prefixEn = severity == Severity.PROHIBITED ? "Prohibited: " : "Action required: ";
            JsonNode c = rule.get("citation");
            ctx.add("admission:" + rule.get("id").asText(), severity, layer, within, within == null ? null : 0.0,
                    () -> prefixZh + rule.get("message_zh").asText() + "（本项目：" + ctx.catalogues.industryName(industry, true) + "）",
                    () -> prefixEn + rule.get("message_en").asText() + " (this project: " + ctx.catalogues.industryName(industry, false) + ")",
                    ctx.citation(c.get("document").asText(), c.get("clause").asText()));
        }
    }

    private static boolean lists(JsonNode list, String value) {
        for (JsonNode item : list) if (item.asText().equals(value)) return true;
        return false;
    }
}
