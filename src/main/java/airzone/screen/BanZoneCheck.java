package airzone.screen;

import airzone.layer.CollectionIds;
import airzone.layer.Feature;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Ban zones (《高污染燃料目录》 classes I–III, Jinzhou plan 4, Hebei 9): every zone the site touches,
 * and whether the project's fuel is prohibited there — outright, only in boilers under 20 t/h, or
 * allowed only on conditions the planner must check.
 */
final class BanZoneCheck {

    private static final String RULE = "ban-zone-class";

    private BanZoneCheck() {
    }

    static void check(ScreeningContext ctx) {
        for (Feature zone : ctx.index.banZones.touching(ctx.site.geometry())) {
            String zoneClass = zone.properties().path("class").asText("");
            JsonNode definition = ctx.book.banZoneClasses().path(zoneClass);
            String zoneName = zone.properties().path("name").asText(zone.id());
            String fuel = ctx.site.fuel();
            Citation citation = ctx.zoneCitation(zone, RULE);
            String classZh = definition.path("name_zh").asText(zoneClass);
            String classEn = definition.path("name_en").asText("class " + zoneClass);
            if (fuel == null) {
                ctx.add(RULE, Severity.INFO, CollectionIds.BAN_ZONES, zone, 0.0,
                        () -> "位于" + classZh + "禁燃区“" + zoneName + "”内；禁止燃用：" + definition.path("prohibited_zh").asText(),
                        () -> "Inside ban zone \"" + zoneName + "\", " + classEn + "; prohibited: " + definition.path("prohibited_en").asText(),
                        citation);
                continue;
            }
            String fuelZh = ctx.catalogues.fuelName(fuel, true);
            String fuelEn = ctx.catalogues.fuelName(fuel, false);
            if (prohibited(definition, fuel, ctx.site.boilerTph())) {
                Severity severity = ctx.site.isNew() ? Severity.PROHIBITED : Severity.ACTION_REQUIRED;
                ctx.add(RULE, severity, CollectionIds.BAN_ZONES, zone, 0.0,
                        () -> (ctx.site.isNew() ? "禁止：" : "须整改：") + classZh + "禁燃区“" + zoneName + "”内禁止燃用" + fuelZh
                                + (ctx.site.isNew() ? "。" : "，现有设施须改用清洁能源或关停。"),
                        () -> (ctx.site.isNew() ? "Prohibited: " : "Action required: ") + fuelEn + " may not be burnt in ban zone \""
                                + zoneName + "\" (" + classEn + ")" + (ctx.site.isNew() ? "." : "; the existing installation must switch to clean energy or close."),
                        citation);
            } else if (contains(definition.path("check_fuels"), fuel) && inSmallBoiler(definition, ctx.site.boilerTph())) {
                ctx.add(RULE, Severity.ACTION_REQUIRED, CollectionIds.BAN_ZONES, zone, 0.0,
                        () -> classZh + "禁燃区“" + zoneName + "”内燃用" + fuelZh + "须满足条件：" + definition.path("prohibited_zh").asText(),
                        () -> fuelEn + " in ban zone \"" + zoneName + "\" (" + classEn + ") is allowed only on conditions; check: "
                                + definition.path("prohibited_en").asText(),
                        citation);
            } else {
                ctx.add(RULE, Severity.INFO, CollectionIds.BAN_ZONES, zone, 0.0,
                        () -> "位于" + classZh + "禁燃区“" + zoneName + "”内；" + fuelZh + "不在禁燃之列。",
                        () -> "Inside ban zone \"" + zoneName + "\" (" + classEn + "); " + fuelEn + " is not prohibited there.",
                        citation);
            }
        }
    }

    /** Outright prohibited, or prohibited in small boilers (under the class's threshold, or household use). */
    private static boolean prohibited(JsonNode definition, String fuel, Double boilerTph) {
        if (contains(definition.path("prohibited_fuels"), fuel)) return true;
        JsonNode small = definition.path("prohibited_below_tph");
        return contains(small.path("fuels"), fuel) && (boilerTph == null || boilerTph < small.path("below_tph").asDouble());
    }

    /** Class I's condition on coal quality binds only boilers under its threshold; class III's binds all. */
    private static boolean inSmallBoiler(JsonNode definition, Double boilerTph) {
        JsonNode small = definition.path("prohibited_below_tph");
        return small.isMissingNode() || boilerTph == null || boilerTph < small.path("below_tph").asDouble();
    }

    private static boolean contains(JsonNode list, String value) {
        for (JsonNode item : list) if (item.asText().equals(value)) return true;
        return false;
    }
}
