package airzone.screen;

import airzone.layer.Feature;

/**
 * Provincial border consultation (Chifeng （二十一）, Qinhuangdao 30): the nearest border and which
 * province lies across it; a key gas-emitting project or an elevated source within the band needs
 * EIA consistency consultation with that province where the rule applies.
 */
final class BorderCheck {

    private static final String RULE = "border-consultation";

    private BorderCheck() {
    }

    static void check(ScreeningContext ctx) {
        NearestIndex.Nearest nearest = ctx.index.borderLines.nearest(ctx.site.geometry(), ctx.distance);
        if (nearest == null) return;
        Feature border = nearest.feature();
        double bandKm = ctx.index.parameters.number(RULE, "buffer_km");
        String neighbour = neighbour(ctx, border);
        boolean inside = nearest.metres() <= bandKm * 1000;
        boolean concerned = ctx.site.isNew() && (ctx.site.keyGasIndustry() || ctx.site.elevatedSource());
        Citation citation = ctx.ruleCitation(RULE);
        String distance = ScreeningContext.km(nearest.metres());
        if (inside && concerned && ctx.appliesHere(RULE)) {
            ctx.add(RULE, Severity.ACTION_REQUIRED, "border-lines", nearest,
                    "须会商：项目距省界（" + border.properties().path("name").asText() + "）" + distance + "公里，位于两侧" + HeatingRadiusCheck.fmt(bandKm)
                            + "公里范围内，属涉气重点行业新建项目或高架源，须与" + neighbour + "开展环评一致性会商。",
                    "Action required: the project lies " + distance + " km from the provincial border ("
                            + border.properties().path("name").asText() + "), within " + HeatingRadiusCheck.fmt(bandKm)
                            + " km; as a new key gas-emitting project or elevated source it needs EIA consistency consultation with "
                            + neighbour + ".",
                    citation);
        } else {
            ctx.add(RULE, Severity.INFO, "border-lines", nearest,
                    "距最近省界（" + border.properties().path("name").asText() + "，对侧" + neighbour + "）" + distance + "公里"
                            + (inside ? "，位于两侧" + HeatingRadiusCheck.fmt(bandKm) + "公里会商范围内。" : "。"),
                    "Nearest provincial border (" + border.properties().path("name").asText() + ", across it " + neighbour + ") is "
                            + distance + " km away" + (inside ? ", inside the " + HeatingRadiusCheck.fmt(bandKm) + " km consultation band." : "."),
                    citation);
        }
    }

    /** The jurisdiction on the other side of the border from the site. */
    private static String neighbour(ScreeningContext ctx, Feature border) {
        String left = border.properties().path("left").asText();
        String right = border.properties().path("right").asText();
        if (left.equals(ctx.province()) || left.equals(ctx.city())) return right;
        if (right.equals(ctx.province()) || right.equals(ctx.city())) return left;
        return left + "/" + right;
    }
}
