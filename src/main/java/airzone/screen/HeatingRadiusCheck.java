package airzone.screen;

import airzone.layer.CollectionIds;
import airzone.layer.Feature;
import airzone.text.Numbers;

import java.util.Locale;

/**
 * Heating radius (Chifeng （七）; Jinzhou 3/11 and Qinzhou （五）2 for CHP heat networks): the nearest
 * qualifying CHP plant and its geodesic distance; a coal heating boiler inside its radius must
 * close or be consolidated where the rule applies.
 */
final class HeatingRadiusCheck {

    private static final String RULE = "heating-radius";

    private HeatingRadiusCheck() {
    }

    static void check(ScreeningContext ctx) {
        NearestIndex.Nearest nearest = ctx.index.qualifyingHeatSources.nearest(ctx.site.geometry(), ctx.distance);
        if (nearest == null) return;
        Feature plant = nearest.feature();
        double radiusKm = ctx.index.parameters.number(RULE, "radius_km");
        String plantZh = plant.properties().path("name").asText();
        String plantEn = plant.properties().path("name_en").asText(plantZh);
        boolean inside = nearest.metres() <= radiusKm * 1000;
        boolean coalHeating = ctx.site.burnsCoal(ctx.catalogues) && "heating".equals(ctx.site.boilerUse());
        Citation citation = ctx.ruleCitation(RULE);
        if (inside && coalHeating && ctx.appliesHere(RULE)) {
            ctx.add(RULE, Severity.ACTION_REQUIRED, CollectionIds.HEAT_SOURCES, nearest,
                    () -> "须关停整合：燃煤供热锅炉位于热电联产电厂“" + plantZh + "”（最大单机" + unit(plant) + "兆瓦）供热半径" + Numbers.plain(radiusKm)
                            + "公里内，距离" + ScreeningContext.km(nearest.metres()) + "公里" + (ctx.site.isNew() ? "；不宜新建，应接入集中供热。" : "。"),
                    () -> "Action required: a coal heating boiler " + ScreeningContext.km(nearest.metres()) + " km from CHP plant " + plantEn
                            + " (largest unit " + unit(plant) + " MW), inside its " + Numbers.plain(radiusKm) + " km heating radius, must close or be consolidated"
                            + (ctx.site.isNew() ? "; connect to the district heating instead of building one." : "."),
                    citation);
        } else {
            ctx.add(RULE, Severity.INFO, CollectionIds.HEAT_SOURCES, nearest,
                    () -> (inside ? "位于" : "不在") + "热电联产电厂“" + plantZh + "”（最大单机" + unit(plant) + "兆瓦）供热半径" + Numbers.plain(radiusKm)
                            + "公里" + (inside ? "内" : "范围内") + "，距离" + ScreeningContext.km(nearest.metres()) + "公里。",
                    () -> (inside ? "Inside" : "Outside") + " the " + Numbers.plain(radiusKm) + " km heating radius of CHP plant " + plantEn
                            + " (largest unit " + unit(plant) + " MW), " + ScreeningContext.km(nearest.metres()) + " km away.",
                    citation);
        }
    }

    private static String unit(Feature plant) {
        return String.format(Locale.ROOT, "%.0f", plant.properties().path("largest_unit_mw").asDouble());
    }
}
