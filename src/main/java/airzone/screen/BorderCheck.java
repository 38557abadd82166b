package airzone.screen;

import airzone.layer.CollectionIds;
import airzone.layer.Feature;
import airzone.text.Numbers;

import java.util.List;

/**
 * Provincial border consultation (Chifeng （二十一）, Qinhuangdao 30): a key gas-emitting project or an
 * elevated source within the band of a provincial border needs EIA consistency consultation with the
 * province across it, where the rule applies. Every border of the site's province within the band is a
 * finding of its own, so that a site near a tri-point consults both neighbours; a site outside every
 * band is told its nearest border.
 */
final class BorderCheck {

    private static final String RULE = "border-consultation";

    private BorderCheck() {
    }

    static void check(ScreeningContext ctx) {
        double bandKm = ctx.index.parameters.number(RULE, "buffer_km");
        // a border between two other provinces can come within the band only near a tri-point, where
        // the site's own borders are nearer still: it is not the site's border, and is left out
        // most sites are far from every border: the nearest one, found first, says whether any is within the band
        NearestIndex.Nearest nearest = ctx.index.borderLines.nearest(ctx.site.geometry(), ctx.distance);
        if (nearest == null) return;
        List<NearestIndex.Nearest> within = nearest.metres() > bandKm * 1000 ? List.of()
                : ctx.index.borderLines.eachWithin(ctx.site.geometry(), ctx.distance, bandKm * 1000)
                .stream().filter(n -> sidesWithSite(ctx, n.feature())).toList();
        if (within.isEmpty()) {
            report(ctx, nearest, bandKm, false);
            return;
        }
        for (NearestIndex.Nearest border : within) report(ctx, border, bandKm, true);
    }

    private static void report(ScreeningContext ctx, NearestIndex.Nearest nearest, double bandKm, boolean inside) {
        Feature border = nearest.feature();
        String name = border.properties().path("name").asText();
        String neighbour = neighbour(ctx, border);
        boolean concerned = ctx.site.isNew() && (ctx.site.keyGasIndustry() || ctx.site.elevatedSource());
        Citation citation = ctx.ruleCitation(RULE);
        String band = Numbers.plain(bandKm);
        if (inside && concerned && ctx.appliesHere(RULE)) {
            ctx.add(RULE, Severity.ACTION_REQUIRED, CollectionIds.BORDER_LINES, nearest,
                    () -> "须会商：项目距省界（" + name + "）" + ScreeningContext.km(nearest.metres()) + "公里，位于两侧" + band
                            + "公里范围内，属涉气重点行业新建项目或高架源，须与" + neighbour + "开展环评一致性会商。",
                    () -> "Action required: the project lies " + ScreeningContext.km(nearest.metres()) + " km from the provincial border (" + name + "), within " + band
                            + " km; as a new key gas-emitting project or elevated source it needs EIA consistency consultation with "
                            + neighbour + ".",
                    citation);
        } else if (inside) {
            ctx.add(RULE, Severity.INFO, CollectionIds.BORDER_LINES, nearest,
                    () -> "距省界（" + name + "，对侧" + neighbour + "）" + ScreeningContext.km(nearest.metres()) + "公里，位于两侧" + band + "公里会商范围内。",
                    () -> "The provincial border (" + name + ", across it " + neighbour + ") is " + ScreeningContext.km(nearest.metres())
                            + " km away, inside the " + band + " km consultation band.",
                    citation);
        } else {
            ctx.add(RULE, Severity.INFO, CollectionIds.BORDER_LINES, nearest,
                    () -> "距最近省界（" + name + "，对侧" + neighbour + "）" + ScreeningContext.km(nearest.metres()) + "公里。",
                    () -> "Nearest provincial border (" + name + ", across it " + neighbour + ") is " + ScreeningContext.km(nearest.metres()) + " km away.",
                    citation);
        }
    }

    /** Whether the site's province (or city) is on one side of the border; with no district known, every border is. */
    private static boolean sidesWithSite(ScreeningContext ctx, Feature border) {
        if (ctx.province().isEmpty() && ctx.city().isEmpty()) return true;
        String left = border.properties().path("left").asText();
        String right = border.properties().path("right").asText();
        return ctx.inJurisdiction(left) || ctx.inJurisdiction(right);
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
