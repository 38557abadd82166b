package airzone.screen;

import airzone.layer.CollectionIds;
import airzone.layer.Feature;
import airzone.text.Numbers;

import java.util.List;

/**
 * Boiler-size limits by city (rule boiler-size): inside built-up areas and industrial parks versus
 * elsewhere, for new boilers and for the phase-out of existing ones. The thresholds are rule
 * parameters; which city says what is the plans' text, so it is written out here city by city.
 */
final class BoilerSizeCheck {

    private static final String RULE = "boiler-size";

    private BoilerSizeCheck() {
    }

    static void check(ScreeningContext ctx) {
        Site site = ctx.site;
        boolean coal = site.burnsCoal(ctx.catalogues);
        boolean biomass = site.fuel() != null && ctx.catalogues.isBiomass(site.fuel());
        if (!coal && !biomass) return;
        if (!ctx.appliesHere(RULE)) return;
        if (site.boilerTph() == null) {
            ctx.add(RULE, Severity.INFO, null, null, null,
                    () -> "未填锅炉规模（蒸吨/小时），无法判断" + ctx.city() + "的锅炉规模要求。",
                    () -> "No boiler capacity (t/h) given: the boiler-size rules of " + ctx.city() + " cannot be checked.",
                    ctx.ruleCitation(RULE));
            return;
        }
        List<Feature> builtUp = ctx.index.builtUpAreas.touching(site.geometry());
        List<Feature> parks = ctx.index.industrialParks.touching(site.geometry());
        Feature zone = !builtUp.isEmpty() ? builtUp.get(0) : parks.isEmpty() ? null : parks.get(0);
        String where = zone == null ? "其他地区" : "“" + zone.properties().path("name").asText() + "”内";
        String whereEn = zone == null ? "outside built-up areas and parks" : "inside " + zone.properties().path("name_en").asText(zone.id());
        String layer = !builtUp.isEmpty() ? CollectionIds.BUILT_UP_AREAS : parks.isEmpty() ? null : CollectionIds.INDUSTRIAL_PARKS;
        boolean centralCity = builtUp.stream().anyMatch(b -> "city".equals(b.properties().path("level").asText()));
        double tph = site.boilerTph();
        String t = Numbers.plain(tph);
        Limits limits = new Limits(ctx);
        switch (ctx.city()) {
            case "赤峰市" -> {
                if (!coal) return;
                if (site.isNew() && zone != null && tph <= limits.p("chifeng_builtup_max_new_tph")) {
                    ctx.add(RULE, Severity.PROHIBITED, layer, zone, 0.0,
                            () -> "禁止：" + where + "原则上不再新建" + limits.f("chifeng_builtup_max_new_tph") + "蒸吨/小时及以下燃煤锅炉（本项目" + t + "蒸吨/小时）。",
                            () -> "Prohibited: no new coal boilers of " + limits.f("chifeng_builtup_max_new_tph") + " t/h or less " + whereEn + " (this one: " + t + " t/h).",
                            ctx.citation("001_ef308584dc4f70ff.txt", "（七）"));
                } else if (site.isNew() && zone == null && tph < limits.p("chifeng_elsewhere_min_new_tph")) {
                    ctx.add(RULE, Severity.PROHIBITED, null, null, null,
                            () -> "禁止：其他地区原则上不再新建" + limits.f("chifeng_elsewhere_min_new_tph") + "蒸吨/小时以下燃煤锅炉（本项目" + t + "蒸吨/小时）。",
                            () -> "Prohibited: no new coal boilers under " + limits.f("chifeng_elsewhere_min_new_tph") + " t/h outside built-up areas and parks (this one: " + t + " t/h).",
                            ctx.citation("001_ef308584dc4f70ff.txt", "（七）"));
                } else if (!site.isNew() && centralCity && tph < limits.p("chifeng_builtup_max_new_tph")) {
                    ctx.add(RULE, Severity.ACTION_REQUIRED, layer, zone, 0.0,
                            () -> "须淘汰：中心城市建成区2025年底前基本淘汰现役35蒸吨/小时（不含）以下燃煤锅炉（本锅炉" + t + "蒸吨/小时）。",
                            () -> "Action required: existing coal boilers under 35 t/h in the central city's built-up area are phased out by the end of 2025 (this one: " + t + " t/h).",
                            ctx.citation("001_ef308584dc4f70ff.txt", "（七）"));
                }
            }
            case "钦州市" -> {
                if (!coal) return;
                if (site.isNew() && !builtUp.isEmpty() && tph < limits.p("qinzhou_builtup_min_new_tph")) {
                    ctx.add(RULE, Severity.PROHIBITED, layer, zone, 0.0,
                            () -> "禁止：县级及以上城市建成区原则上不再新建每小时" + limits.f("qinzhou_builtup_min_new_tph") + "蒸吨以下的燃煤锅炉（本项目" + t + "蒸吨/小时）。",
                            () -> "Prohibited: no new coal boilers under " + limits.f("qinzhou_builtup_min_new_tph") + " t/h in built-up areas (this one: " + t + " t/h).",
                            ctx.citation("002_526a4fb7784c0a71.txt", "（五）2"));
                } else if (site.isNew() && builtUp.isEmpty() && tph < limits.p("qinzhou_elsewhere_min_new_tph")) {
                    ctx.add(RULE, Severity.PROHIBITED, null, null, null,
                            () -> "禁止：其他地区原则上不再新建每小时" + limits.f("qinzhou_elsewhere_min_new_tph") + "蒸吨以下的燃煤锅炉（本项目" + t + "蒸吨/小时）。",
                            () -> "Prohibited: no new coal boilers under " + limits.f("qinzhou_elsewhere_min_new_tph") + " t/h outside built-up areas (this one: " + t + " t/h).",
                            ctx.citation("002_526a4fb7784c0a71.txt", "（五）2"));
                } else if (!site.isNew() && !builtUp.isEmpty() && tph <= limits.p("qinzhou_builtup_phaseout_tph")) {
                    ctx.add(RULE, Severity.ACTION_REQUIRED, layer, zone, 0.0,
                            () -> "须淘汰：县级及以上城市建成区淘汰每小时" + limits.f("qinzhou_builtup_phaseout_tph") + "蒸吨及以下燃煤锅炉（本锅炉" + t + "蒸吨/小时）。",
                            () -> "Action required: coal boilers of " + limits.f("qinzhou_builtup_phaseout_tph") + " t/h or less in built-up areas are eliminated (this one: " + t + " t/h).",
                            ctx.citation("002_526a4fb7784c0a71.txt", "（二）4"));
                }
            }
            case "秦皇岛市" -> {
                Citation citation = ctx.citation("000_dbaa7cefc8c1cc82.txt", "7");
                if (biomass && tph <= limits.p("qinhuangdao_biomass_consolidate_tph")) {
                    ctx.add(RULE, Severity.ACTION_REQUIRED, layer, zone, zone == null ? null : 0.0,
                            () -> "须整合：" + limits.f("qinhuangdao_biomass_consolidate_tph") + "蒸吨/小时及以下生物质锅炉整合升级或有序退出（本锅炉" + t + "蒸吨/小时）。",
                            () -> "Action required: biomass boilers of " + limits.f("qinhuangdao_biomass_consolidate_tph") + " t/h or less consolidate or exit (this one: " + t + " t/h).",
                            citation);
                }
                if (!coal) return;
                boolean heating = "heating".equals(site.boilerUse());
                if (site.isNew() && !heating) {
                    ctx.add(RULE, Severity.PROHIBITED, layer, zone, zone == null ? null : 0.0,
                            () -> "禁止：原则上不再新建除集中供暖外的燃煤锅炉（本项目" + t + "蒸吨/小时，用途" + (site.boilerUse() == null ? "未填" : "工业") + "）。",
                            () -> "Prohibited: no new coal boilers except for central heating (this one: " + t + " t/h, use "
                                    + (site.boilerUse() == null ? "not stated" : site.boilerUse()) + ").",
                            citation);
                } else if (!site.isNew() && !heating && tph <= limits.p("qinhuangdao_industrial_phaseout_tph")) {
                    ctx.add(RULE, Severity.ACTION_REQUIRED, layer, zone, zone == null ? null : 0.0,
                            () -> "须淘汰：到2027年全面淘汰" + limits.f("qinhuangdao_industrial_phaseout_tph") + "蒸吨/小时及以下工业燃煤锅炉（本锅炉" + t + "蒸吨/小时）。",
                            () -> "Action required: industrial coal boilers of " + limits.f("qinhuangdao_industrial_phaseout_tph") + " t/h or less are phased out by 2027 (this one: " + t + " t/h).",
                            citation);
                } else if (!site.isNew() && heating && centralCity) {
                    ctx.add(RULE, Severity.ACTION_REQUIRED, layer, zone, 0.0,
                            () -> "须淘汰：到2027年全面淘汰城市主城区供暖燃煤锅炉。",
                            () -> "Action required: coal heating boilers in the main urban area are phased out by 2027.",
                            citation);
                }
            }
            default -> {
                // the rule's jurisdictions are exactly the cities above
            }
        }
    }

    /** The boiler-size parameters, read and printed the same way everywhere. */
    private record Limits(ScreeningContext ctx) {
        double p(String name) {
            return ctx.index.parameters.number(RULE, name);
        }

        String f(String name) {
            return Numbers.plain(p(name));
        }
    }
}
