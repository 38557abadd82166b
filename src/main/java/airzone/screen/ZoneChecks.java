package airzone.screen;

import airzone.layer.CollectionIds;
import airzone.layer.Feature;

/** The key-area flag of the site's district (Chifeng 一(一)) and every other control zone the site touches. */
final class ZoneChecks {

    private ZoneChecks() {
    }

    static void keyArea(ScreeningContext ctx) {
        if (!ctx.district.path("is_key_area").asBoolean(false)) return;
        String name = ctx.district.path("name").asText();
        ctx.add("key-area", Severity.INFO, CollectionIds.DISTRICTS, null, 0.0,
                () -> name + "为赤峰市大气污染防治重点区域，执行更严格的联防联控要求。",
                () -> name + " is a key area of Chifeng's air-quality plan, under stricter joint control.",
                ctx.citation("001_ef308584dc4f70ff.txt", "一（一）"));
    }

    static void controlZones(ScreeningContext ctx) {
        for (Feature zone : ctx.index.controlZones.touching(ctx.site.geometry())) {
            String name = zone.properties().path("name").asText(zone.id());
            String type = zone.properties().path("zone_type").asText("control_zone");
            ctx.add(type, Severity.INFO, CollectionIds.CONTROL_ZONES, zone, 0.0,
                    () -> "位于管控区“" + name + "”内，须遵守该区管控要求。",
                    () -> "Inside control zone \"" + zone.properties().path("name_en").asText(name) + "\"; its restrictions apply.",
                    ctx.zoneCitation(zone, "ban-zone-class"));
        }
    }
}
