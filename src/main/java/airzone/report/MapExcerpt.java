package airzone.report;

import airzone.geo.GeometryRepair;
import airzone.geo.TransverseMercator;
import airzone.layer.Bbox;
import airzone.layer.Feature;
import airzone.layer.FeatureStore;
import airzone.text.Numbers;
import org.locationtech.jts.densify.Densifier;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.simplify.DouglasPeuckerSimplifier;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static airzone.layer.CollectionIds.BAN_ZONES;
import static airzone.layer.CollectionIds.BORDER_BUFFERS;
import static airzone.layer.CollectionIds.BORDER_LINES;
import static airzone.layer.CollectionIds.BUILT_UP_AREAS;
import static airzone.layer.CollectionIds.CONTROL_ZONES;
import static airzone.layer.CollectionIds.DISTRICTS;
import static airzone.layer.CollectionIds.HEATING_RADII;
import static airzone.layer.CollectionIds.HEAT_SOURCES;
import static airzone.layer.CollectionIds.INDUSTRIAL_PARKS;

/**
 * The map excerpt of a report: an SVG, drawn on the server, of the ~25 km around a site in a
 * transverse-Mercator plane centred on the site's meridian (so grid north is true north at the site
 * and one scale bar holds across the frame). Every layer is cut to the frame and simplified to
 * {@value #SIMPLIFY_M} m, which keeps a typical excerpt near 100 KB.
 * <p>
 * Drawn by hand because nothing in the build renders vector maps (GeoTools is not available,
 * docs/architecture.md "Components") and the page must carry its map inline for intranets.
 */
public final class MapExcerpt {

    /** Width of the frame on the ground; the height follows the 4:3 aspect. */
    static final double FRAME_WIDTH_M = 24_000;
    static final double ASPECT = 0.75;
    static final double SIMPLIFY_M = 10;
    static final double VIEW_WIDTH = 1000;
    static final double VIEW_HEIGHT = VIEW_WIDTH * ASPECT;
    private static final int MAX_FEATURES = 10_000;
    /** Geometry is cut a little outside the frame, so the cut edges fall under the SVG clip and never show. */
    private static final double CUT_MARGIN = 0.03;
    /** A district is named on the map when this much of the frame's area shows it. */
    private static final double LABELLED_SHARE = 0.015;

    private static final GeometryFactory PLANE = new GeometryFactory();

    // sizes in view units: the map prints about 140 mm wide, so one unit is 0.14 mm and 20 units make 8 pt
    private static final double SITE_TEXT = 24;
    private static final double PLANT_TEXT = 18;
    private static final double DISTRICT_TEXT = 21;
    private static final double SCALE_TEXT = 17;
    private static final double SITE_RING = 11;
    private static final double SITE_CROSS = 24;
    private static final String BUFFER_HATCH = "<pattern id=\"%s\" patternUnits=\"userSpaceOnUse\" width=\"%s\" height=\"%s\" "
            + "patternTransform=\"rotate(45)\"><rect width=\"%3$s\" height=\"%3$s\" fill=\"#4292c6\" fill-opacity=\"0.12\"/>"
            + "<path d=\"M0 0V%3$s\" stroke=\"#2171b5\" stroke-width=\"%s\" stroke-opacity=\"0.5\"/></pattern>";

    // One style per layer, shared by the map and its legend so the legend shows what the map draws;
    // colours follow the web map (web/js/layers.js, zones.js).
    static final String DISTRICT = "fill=\"#fbf7ee\" stroke=\"#a0793a\" stroke-width=\"1.4\"";
    static final String DISTRICT_OTHER = "fill=\"#f0f0ee\" stroke=\"#9aa3ad\" stroke-width=\"1.2\"";
    static final String KEY_AREA = "fill=\"#fbe3d8\" stroke=\"#b2182b\" stroke-width=\"2.4\"";
    /** Translucent blue with a hatch, so a buffer reads apart from the sea's flat blue. */
    static final String BORDER_BUFFER = "fill=\"url(#hatch-border-buffer)\" stroke=\"#2171b5\" stroke-width=\"1.4\" stroke-dasharray=\"8 5\"";
    static final String HEATING_RADIUS = "fill=\"none\" stroke=\"#c0392b\" stroke-width=\"2.6\" stroke-dasharray=\"14 8\"";
    static final String BUILT_UP = "fill=\"none\" stroke=\"#3d4852\" stroke-width=\"2.2\" stroke-dasharray=\"4 4\"";
    static final String PARK = "fill=\"#6a3d9a\" fill-opacity=\"0.07\" stroke=\"#6a3d9a\" stroke-width=\"2.6\"";
    static final String BORDER_LINE = "fill=\"none\" stroke=\"#08519c\" stroke-width=\"4\" stroke-dasharray=\"18 6 4 6\"";
    static final Map<String, String> BAN_CLASS = Map.of(
            "III", "fill=\"#a50f15\" fill-opacity=\"0.5\" stroke=\"#67000d\" stroke-width=\"2\"",
            "II", "fill=\"#f16913\" fill-opacity=\"0.5\" stroke=\"#a63603\" stroke-width=\"2\"",
            "I", "fill=\"#fdd835\" fill-opacity=\"0.6\" stroke=\"#9a7400\" stroke-width=\"2\"");
    /** Control-zone types: colour, Chinese and English legend text. */
    static final Map<String, List<String>> CONTROL_TYPES = Map.of(
            "straw_burning_ban", List.of("#8c510a", "秸秆禁烧区", "Straw-burning ban area"),
            "fireworks_ban", List.of("#c51b7d", "烟花爆竹禁放区", "Fireworks ban area"),
            "high_emission_vehicle_restricted", List.of("#1b7837", "高排放车辆限行区", "High-emission vehicle restricted area"),
            "nonroad_machinery_low_emission", List.of("#00798c", "非道路移动机械低排放区", "Non-road machinery low-emission area"));
    private static final List<String> OTHER_CONTROL = List.of("#555555", "其他管控区", "Other control zone");
    private static final String HEAT_CHP = "fill=\"#e34a33\" stroke=\"#7f1d12\" stroke-width=\"2\"";
    private static final String HEAT_OTHER = "fill=\"#8c96a5\" stroke=\"#3d4451\" stroke-width=\"2\"";
    /** A white outline under label text keeps it legible over any fill. */
    private static final String HALO = "stroke=\"#ffffff\" stroke-width=\"5\" stroke-linejoin=\"round\" paint-order=\"stroke\"";

    private final FeatureStore store;

    public MapExcerpt(FeatureStore store) {
        this.store = store;
    }

    /** What the report shows: the SVG, a legend of what it holds, and where and how it was drawn. */
    public record Drawing(String svg, List<LegendItem> legend, Bbox extent, double centralMeridian,
                          double widthKm, double heightKm, boolean showsIllustrative) {
    }

    /** One legend line: a small SVG swatch in the layer's style, and its label (plain text). */
    public record LegendItem(String swatch, String label) {
    }

    /**
     * @param site      the site geometry, lon/lat
     * @param siteLabel the text beside the site marker (plain text, escaped here); blank → "项目选址"
     */
    public Drawing draw(Geometry site, String siteLabel, Language lang) {
        Coordinate centre = site.getEnvelopeInternal().centre();
        TransverseMercator tm = TransverseMercator.centredOn(centre.x);
        Geometry siteM = tm.project(site);
        Envelope siteEnv = siteM.getEnvelopeInternal();
        // a large polygon site widens the frame so all of it shows, with room around it
        double width = Math.max(FRAME_WIDTH_M, Math.max(siteEnv.getWidth(), siteEnv.getHeight() / ASPECT) * 1.4);
        double height = width * ASPECT;
        Coordinate c = siteEnv.centre();
        Envelope ground = new Envelope(c.x - width / 2, c.x + width / 2, c.y - height / 2, c.y + height / 2);
        Envelope cut = new Envelope(ground);
        cut.expandBy(width * CUT_MARGIN);
        Frame f = new Frame(tm, ground, VIEW_WIDTH / width, cut, PLANE.toGeometry(cut));
        Bbox extent = lonLatExtent(tm, ground);
        Bbox query = new Bbox(extent.minLon() - 0.01, extent.minLat() - 0.01, extent.maxLon() + 0.01, extent.maxLat() + 0.01);

        Map<String, LegendItem> legend = new LinkedHashMap<>();
        StringBuilder layers = new StringBuilder(128 * 1024);
        StringBuilder texts = new StringBuilder(4 * 1024);
        Labels labels = new Labels();

        // labels are placed most important first: the site, then the plants, then district names
        Coordinate siteAt = f.view(site instanceof Point ? siteM.getCoordinate() : siteM.getInteriorPoint().getCoordinate());
        labels.reserve(siteAt.x - SITE_CROSS, siteAt.y - SITE_CROSS, siteAt.x + SITE_CROSS, siteAt.y + SITE_CROSS);
        String siteText = siteLabel == null || siteLabel.isBlank() ? lang.pick("项目选址", "Project site") : siteLabel;
        labels.reserve(0, VIEW_HEIGHT - 70, 320, VIEW_HEIGHT); // scale bar
        labels.reserve(VIEW_WIDTH - 90, 0, VIEW_WIDTH, 95);    // north arrow
        String shownSite = shorten(siteText, 420, SITE_TEXT);
        label(labels, texts, shownSite, siteAt.x + SITE_CROSS + 4, siteAt.x - SITE_CROSS - 4 - textWidth(shownSite, SITE_TEXT), siteAt.y,
                SITE_TEXT, "site-label", "font-weight=\"700\" fill=\"#000000\"");

        List<Feature> districts = features(query, DISTRICTS);
        for (Feature d : districts) {
            boolean key = d.properties().path("is_key_area").asBoolean(false);
            boolean seed = d.properties().path("seed_city").asBoolean(false);
            String style = key ? KEY_AREA : seed ? DISTRICT : DISTRICT_OTHER;
            if (draw(layers, d, f, "district", style)) {
                legend.putIfAbsent(key ? "district-key" : "district", new LegendItem(swatch(style),
                        key ? lang.pick("重点区域（县级行政区）", "Key area (district)") : lang.pick("县级行政区", "District")));
            }
        }
        layer(layers, features(query, BORDER_BUFFERS), f, "border-buffer", x -> BORDER_BUFFER, legend,
                lang.pick("省界两侧会商缓冲区", "Border consultation buffer"));
        layer(layers, features(query, HEATING_RADII), f, "heating-radius", x -> HEATING_RADIUS, legend,
                lang.pick("热电联产供热半径", "CHP heating radius"));
        for (Feature zone : features(query, BAN_ZONES)) {
            String cls = BAN_CLASS.containsKey(zone.properties().path("class").asText()) ? zone.properties().path("class").asText() : "III";
            if (draw(layers, zone, f, "ban-zone ban-" + cls, BAN_CLASS.get(cls))) {
                legend.putIfAbsent("ban-zone-" + cls, new LegendItem(swatch(BAN_CLASS.get(cls)),
                        lang.pick(cls + "类高污染燃料禁燃区", "Fuel ban zone, class " + cls)));
            }
        }
        layer(layers, features(query, BUILT_UP_AREAS), f, "built-up", x -> BUILT_UP, legend, lang.pick("建成区", "Built-up area"));
        layer(layers, features(query, INDUSTRIAL_PARKS), f, "industrial-park", x -> PARK, legend, lang.pick("工业园区", "Industrial park"));
        for (Feature zone : features(query, CONTROL_ZONES)) {
            List<String> type = CONTROL_TYPES.getOrDefault(zone.properties().path("zone_type").asText(), OTHER_CONTROL);
            String style = "fill=\"" + type.get(0) + "\" fill-opacity=\"0.06\" stroke=\"" + type.get(0) + "\" stroke-width=\"1.8\"";
            if (draw(layers, zone, f, "control-zone", style)) {
                legend.putIfAbsent("control-zone-" + type.get(0), new LegendItem(swatch(style), lang.pick(type.get(1), type.get(2))));
            }
        }
        for (Feature line : features(query, BORDER_LINES)) {
            if (draw(layers, line, f, "border-line", BORDER_LINE)) {
                legend.putIfAbsent("border-line", new LegendItem(lineSwatch(BORDER_LINE), lang.pick("省界", "Provincial border")));
            }
        }
        heatSources(layers, texts, labels, features(query, HEAT_SOURCES), f, legend, lang);
        districtNames(texts, labels, districts, f);
        legend.put("site", new LegendItem(SITE_SWATCH, lang.pick("项目选址", "Project site")));

        StringBuilder svg = new StringBuilder(layers.length() + texts.length() + 4096);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"map-excerpt\" class=\"map\" viewBox=\"0 0 ")
                .append((int) VIEW_WIDTH).append(' ').append((int) VIEW_HEIGHT).append("\" role=\"img\" aria-label=\"")
                .append(Html.escape(lang.pick("项目选址周边示意图", "Map of the area around the site"))).append("\">");
        svg.append("<defs><clipPath id=\"map-frame\"><rect x=\"0\" y=\"0\" width=\"").append((int) VIEW_WIDTH)
                .append("\" height=\"").append((int) VIEW_HEIGHT).append("\"/></clipPath>")
                .append(BUFFER_HATCH.formatted("hatch-border-buffer", "11", "11", "1.6")).append("</defs>");
        // the background stands for whatever no district covers: mostly sea in the seed cities
        svg.append("<rect class=\"background\" x=\"0\" y=\"0\" width=\"").append((int) VIEW_WIDTH).append("\" height=\"")
                .append((int) VIEW_HEIGHT).append("\" fill=\"#e6eff6\"/>");
        svg.append("<g clip-path=\"url(#map-frame)\" stroke-linejoin=\"round\">").append(layers);
        site(svg, siteM, siteAt, f);
        svg.append(texts).append("</g>");
        scaleBar(svg, f, lang);
        northArrow(svg);
        svg.append("<rect x=\"0.75\" y=\"0.75\" width=\"").append(VIEW_WIDTH - 1.5).append("\" height=\"").append(VIEW_HEIGHT - 1.5)
                .append("\" fill=\"none\" stroke=\"#222222\" stroke-width=\"1.5\"/>");
        svg.append("</svg>");
        // draw() marks every illustrative sample zone with this class
        boolean illustrative = layers.indexOf(" illustrative\"") >= 0;
        return new Drawing(svg.toString(), List.copyOf(legend.values()), extent, tm.centralMeridian(), width / 1000, height / 1000,
                illustrative);
    }

    private List<Feature> features(Bbox query, String collection) {
        return store.items(collection, query, MAX_FEATURES, 0).features();
    }

    /** The plane, the frame on the ground, the view scale (px per metre) and the slightly larger area geometry is cut to. */
    private record Frame(TransverseMercator tm, Envelope ground, double scale, Envelope cut, Geometry cutPolygon) {

        Coordinate view(Coordinate metres) {
            return new Coordinate((metres.x - ground.getMinX()) * scale, (ground.getMaxY() - metres.y) * scale);
        }
    }

    private static Bbox lonLatExtent(TransverseMercator tm, Envelope ground) {
        Geometry outline = Densifier.densify(PLANE.toGeometry(ground), ground.getWidth() / 16);
        Envelope e = tm.unproject(outline).getEnvelopeInternal();
        return new Bbox(e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY());
    }

    /** The feature projected, cut to the frame and simplified; null when none of it is in view. */
    private static Geometry inView(Feature feature, Frame f) {
        if (feature.geometry() == null || feature.geometry().isEmpty()) return null;
        Geometry g = f.tm().project(feature.geometry());
        Envelope env = g.getEnvelopeInternal();
        if (!env.intersects(f.cut())) return null;
        if (!f.cut().contains(env)) {
            Geometry input = g instanceof Polygonal ? GeometryRepair.valid(g) : g;
            g = OverlayNGRobust.overlay(input, f.cutPolygon(), OverlayNG.INTERSECTION);
        }
        if (g.isEmpty()) return null;
        Geometry simple = DouglasPeuckerSimplifier.simplify(g, SIMPLIFY_M);
        return simple.isEmpty() ? null : simple;
    }

    private void layer(StringBuilder out, List<Feature> features, Frame f, String cssClass, Function<Feature, String> style,
                       Map<String, LegendItem> legend, String legendLabel) {
        for (Feature feature : features) {
            if (draw(out, feature, f, cssClass, style.apply(feature))) {
                legend.putIfAbsent(cssClass, new LegendItem(swatch(style.apply(feature)), legendLabel));
            }
        }
    }

    /** One feature as a path carrying its id, layer and name; true when any of it is in view. */
    private static boolean draw(StringBuilder out, Feature feature, Frame f, String cssClass, String style) {
        Geometry g = inView(feature, f);
        if (g == null) return false;
        String d = pathData(g, f);
        if (d.isEmpty()) return false;
        boolean illustrative = feature.properties().path("illustrative").asBoolean(false);
        out.append("<path class=\"").append(cssClass).append(illustrative ? " illustrative" : "")
                .append("\" data-id=\"").append(Html.escape(feature.id())).append("\" ").append(style)
                .append(" fill-rule=\"evenodd\" d=\"").append(d).append("\"><title>")
                .append(Html.escape(feature.properties().path("name").asText(feature.id()))).append("</title></path>");
        return true;
    }

    /** SVG path data of the polygons and lines of {@code g}, in view pixels to 0.1 px (2.5 m at 25 km). */
    private static String pathData(Geometry g, Frame f) {
        StringBuilder d = new StringBuilder();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Geometry part = g.getGeometryN(i);
            if (part instanceof Polygon p) {
                ring(d, p.getExteriorRing().getCoordinates(), f, true);
                for (int h = 0; h < p.getNumInteriorRing(); h++) ring(d, p.getInteriorRingN(h).getCoordinates(), f, true);
            } else if (part instanceof LineString l) {
                ring(d, l.getCoordinates(), f, false);
            } else if (part != g) {
                d.append(pathData(part, f)); // a collection inside a collection (overlay results can be mixed)
            }
        }
        return d.toString();
    }

    private static void ring(StringBuilder d, Coordinate[] coordinates, Frame f, boolean closed) {
        long lastX = Long.MIN_VALUE;
        long lastY = Long.MIN_VALUE;
        int written = 0;
        int start = d.length();
        for (Coordinate metres : coordinates) {
            Coordinate v = f.view(metres);
            long x = Math.round(v.x * 10);
            long y = Math.round(v.y * 10);
            if (x == lastX && y == lastY) continue;
            d.append(written == 0 ? "M" : written == 1 ? "L" : " ");
            tenths(d, x);
            d.append(' ');
            tenths(d, y);
            lastX = x;
            lastY = y;
            written++;
        }
        if (written < 2 || (closed && written < 3)) {
            d.setLength(start);
            return;
        }
        if (closed) d.append('Z');
    }

    /** A number given in tenths, written with at most one decimal and no trailing ".0". */
    private static void tenths(StringBuilder d, long tenths) {
        if (tenths < 0) {
            d.append('-');
            tenths = -tenths;
        }
        d.append(tenths / 10);
        if (tenths % 10 != 0) d.append('.').append(tenths % 10);
    }

    private static String num(double v) {
        StringBuilder d = new StringBuilder();
        tenths(d, Math.round(v * 10));
        return d.toString();
    }

    private static void heatSources(StringBuilder out, StringBuilder texts, Labels labels, List<Feature> sources, Frame f,
                                    Map<String, LegendItem> legend, Language lang) {
        List<Coordinate> drawn = new ArrayList<>();
        for (Feature source : sources) {
            if (source.geometry() == null || source.geometry().isEmpty()) continue;
            Coordinate metres = f.tm().project(source.geometry()).getCoordinate();
            if (!f.ground().contains(metres)) continue;
            Coordinate v = f.view(metres);
            // plants on one site (units listed apart) would hide one another: set each later one to the left of
            // the last, and label it on its left, so every name stays on the side of its own dot
            boolean displaced = false;
            for (Coordinate other : drawn) {
                if (other.distance(v) < 8) {
                    v = new Coordinate(other.x - 17, other.y);
                    displaced = true;
                }
            }
            drawn.add(v);
            boolean chp = "yes".equals(source.properties().path("chp").asText());
            String style = chp ? HEAT_CHP : HEAT_OTHER;
            out.append("<circle class=\"heat-source\" data-id=\"").append(Html.escape(source.id())).append("\" cx=\"").append(num(v.x))
                    .append("\" cy=\"").append(num(v.y)).append("\" r=\"8\" ").append(style).append("><title>")
                    .append(Html.escape(source.properties().path("name").asText(source.id()))).append("</title></circle>");
            labels.reserve(v.x - 9, v.y - 9, v.x + 9, v.y + 9);
            String name = lang == Language.EN
                    ? source.properties().path("name_en").asText(source.properties().path("name").asText(source.id()))
                    : source.properties().path("name").asText(source.id());
            String shown = shorten(name, 540, PLANT_TEXT);
            double right = v.x + 12;
            double left = v.x - 12 - textWidth(shown, PLANT_TEXT);
            label(labels, texts, shown, displaced ? left : right, displaced ? right : left, v.y, PLANT_TEXT, "heat-source-label", "fill=\"#5a1a10\"");
            legend.putIfAbsent(chp ? "heat-chp" : "heat-other", new LegendItem(dotSwatch(style),
                    chp ? lang.pick("热电联产电厂（热源）", "CHP plant (heat source)") : lang.pick("电厂（供热未确认）", "Power plant (heat supply unconfirmed)")));
        }
    }

    /** District names at a point well inside the part of the district that shows, if enough of it shows. */
    private static void districtNames(StringBuilder texts, Labels labels, List<Feature> districts, Frame f) {
        Geometry view = PLANE.toGeometry(f.ground());
        double minArea = f.ground().getArea() * LABELLED_SHARE;
        for (Feature d : districts) {
            Geometry g = inView(d, f);
            if (g == null) continue;
            Geometry shown = OverlayNGRobust.overlay(GeometryRepair.valid(g), view, OverlayNG.INTERSECTION);
            if (shown.getArea() < minArea) continue;
            Coordinate v = f.view(largest(shown).getInteriorPoint().getCoordinate());
            String name = d.properties().path("name").asText("");
            double w = textWidth(name, DISTRICT_TEXT) + name.length() * 2; // letter-spacing
            label(labels, texts, name, v.x - w / 2, v.y, DISTRICT_TEXT, "district-label", "fill=\"#7a5c2e\" letter-spacing=\"2\"");
        }
    }

    private static Geometry largest(Geometry g) {
        Geometry best = g.getGeometryN(0);
        for (int i = 1; i < g.getNumGeometries(); i++) if (g.getGeometryN(i).getArea() > best.getArea()) best = g.getGeometryN(i);
        return best;
    }

    /**
     * A label at (x, y) — its left end, vertically centred — or moved a line or two up or down when
     * that spot is taken; left out when no spot is free, rather than overprinting another.
     */
    private static void label(Labels labels, StringBuilder texts, String text, double x, double y, double size,
                              String cssClass, String style) {
        label(labels, texts, text, x, Double.NaN, y, size, cssClass, style);
    }

    /** As above, with a second left end to try (a label to the left of its point) when the first has no room. */
    private static void label(Labels labels, StringBuilder texts, String text, double x, double altX, double y, double size,
                              String cssClass, String style) {
        if (text == null || text.isBlank()) return;
        double w = textWidth(text, size);
        double line = size * 1.25;
        // beside the point, then a line above or below it, on the preferred side first; two lines off as a last resort
        for (double[] spot : new double[][]{{x, 0}, {x, -line}, {x, line}, {altX, 0}, {altX, -line}, {altX, line},
                {x, -2 * line}, {x, 2 * line}, {altX, -2 * line}, {altX, 2 * line}}) {
            double left = spot[0];
            double dy = spot[1];
            if (Double.isNaN(left)) continue;
            double top = y + dy - size * 0.6;
            if (labels.free(left, top, left + w, top + size * 1.2)) {
                labels.reserve(left, top, left + w, top + size * 1.2);
                texts.append("<text class=\"").append(cssClass).append("\" x=\"").append(num(left)).append("\" y=\"")
                        .append(num(y + dy + size * 0.36)).append("\" font-size=\"").append(num(size)).append("\" ").append(style)
                        .append(' ').append(HALO).append('>').append(Html.escape(text)).append("</text>");
                return;
            }
        }
    }

    /** Rough rendered width: CJK characters are one em wide, Latin ones about half (Noto Sans, measured in Chromium). */
    static double textWidth(String text, double size) {
        double em = 0;
        for (int i = 0; i < text.length(); i++) em += text.charAt(i) >= 0x2E80 ? 1.0 : 0.55;
        return em * size;
    }

    /** The text, cut and ended with "…" where needed to fit {@code maxWidth} view units at {@code size}. */
    static String shorten(String text, double maxWidth, double size) {
        if (textWidth(text, size) <= maxWidth) return text;
        String cut = text;
        while (!cut.isEmpty() && textWidth(cut + "…", size) > maxWidth) cut = cut.substring(0, cut.offsetByCodePoints(cut.length(), -1));
        return cut.strip() + "…";
    }

    /** The site: a white ring with a red centre and a crosshair; a polygon site is outlined under it. */
    private static void site(StringBuilder svg, Geometry siteM, Coordinate at, Frame f) {
        svg.append("<g id=\"site-marker\" class=\"site\">");
        if (!(siteM instanceof Point)) {
            svg.append("<path class=\"site-area\" fill=\"#000000\" fill-opacity=\"0.08\" stroke=\"#000000\" stroke-width=\"3.5\" fill-rule=\"evenodd\" d=\"")
                    .append(pathData(DouglasPeuckerSimplifier.simplify(siteM, SIMPLIFY_M / 2), f)).append("\"/>");
        }
        String x = num(at.x);
        String y = num(at.y);
        String cross = "M" + num(at.x - SITE_CROSS) + " " + y + "H" + num(at.x - SITE_RING) + "M" + num(at.x + SITE_RING) + " " + y
                + "H" + num(at.x + SITE_CROSS) + "M" + x + " " + num(at.y - SITE_CROSS) + "V" + num(at.y - SITE_RING)
                + "M" + x + " " + num(at.y + SITE_RING) + "V" + num(at.y + SITE_CROSS);
        svg.append("<path d=\"").append(cross).append("\" stroke=\"#ffffff\" stroke-width=\"7\" stroke-linecap=\"round\"/>");
        svg.append("<path d=\"").append(cross).append("\" stroke=\"#000000\" stroke-width=\"3\"/>");
        svg.append("<circle cx=\"").append(x).append("\" cy=\"").append(y).append("\" r=\"").append(num(SITE_RING))
                .append("\" fill=\"#ffffff\" stroke=\"#000000\" stroke-width=\"3.5\"/>");
        svg.append("<circle cx=\"").append(x).append("\" cy=\"").append(y).append("\" r=\"5\" fill=\"#d7191c\"/>");
        svg.append("</g>");
    }

    /** A bar of a round length near a fifth of the frame, halves in black and white, bottom left. */
    private static void scaleBar(StringBuilder svg, Frame f, Language lang) {
        double groundWidthKm = f.ground().getWidth() / 1000;
        double km = 1;
        for (double candidate : new double[]{1, 2, 5, 10, 20, 50, 100, 200, 500}) if (candidate <= groundWidthKm / 4) km = candidate;
        double px = km * 1000 * f.scale();
        double x0 = 26;
        double y0 = VIEW_HEIGHT - 28;
        String unit = lang.pick("公里", "km");
        String half = Numbers.plain(km / 2);
        svg.append("<g class=\"scale-bar\" font-size=\"").append(num(SCALE_TEXT)).append("\">");
        svg.append("<rect x=\"").append(num(x0 - 14)).append("\" y=\"").append(num(y0 - 34)).append("\" width=\"")
                .append(num(px + 36 + textWidth(unit, SCALE_TEXT))).append("\" height=\"52\" fill=\"#ffffff\" fill-opacity=\"0.88\" stroke=\"#777777\" stroke-width=\"1\"/>");
        svg.append("<rect x=\"").append(num(x0)).append("\" y=\"").append(num(y0)).append("\" width=\"").append(num(px / 2))
                .append("\" height=\"8\" fill=\"#000000\" stroke=\"#000000\" stroke-width=\"1.2\"/>");
        svg.append("<rect x=\"").append(num(x0 + px / 2)).append("\" y=\"").append(num(y0)).append("\" width=\"").append(num(px / 2))
                .append("\" height=\"8\" fill=\"#ffffff\" stroke=\"#000000\" stroke-width=\"1.2\"/>");
        svg.append("<text x=\"").append(num(x0)).append("\" y=\"").append(num(y0 - 7)).append("\" text-anchor=\"middle\">0</text>");
        svg.append("<text x=\"").append(num(x0 + px / 2)).append("\" y=\"").append(num(y0 - 7)).append("\" text-anchor=\"middle\">").append(half).append("</text>");
        svg.append("<text x=\"").append(num(x0 + px)).append("\" y=\"").append(num(y0 - 7)).append("\" text-anchor=\"middle\">").append((long) km).append("</text>");
        svg.append("<text x=\"").append(num(x0 + px + 10)).append("\" y=\"").append(num(y0 + 8)).append("\">").append(Html.escape(unit)).append("</text>");
        svg.append("</g>");
    }

    /** A north arrow, top right; grid north is true north because the plane is centred on the site's meridian. */
    private static void northArrow(StringBuilder svg) {
        double x = VIEW_WIDTH - 46;
        double y = 14;
        svg.append("<g class=\"north-arrow\">");
        svg.append("<circle cx=\"").append(num(x)).append("\" cy=\"").append(num(y + 38)).append("\" r=\"34\" fill=\"#ffffff\" fill-opacity=\"0.88\" stroke=\"#777777\" stroke-width=\"1\"/>");
        svg.append("<path d=\"M").append(num(x)).append(' ').append(num(y + 24)).append("L").append(num(x + 12)).append(' ').append(num(y + 66))
                .append(" ").append(num(x)).append(' ').append(num(y + 57)).append("Z\" fill=\"#ffffff\" stroke=\"#000000\" stroke-width=\"1.5\"/>");
        svg.append("<path d=\"M").append(num(x)).append(' ').append(num(y + 24)).append("L").append(num(x - 12)).append(' ').append(num(y + 66))
                .append(" ").append(num(x)).append(' ').append(num(y + 57)).append("Z\" fill=\"#000000\" stroke=\"#000000\" stroke-width=\"1.5\"/>");
        svg.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(y + 21)).append("\" text-anchor=\"middle\" font-size=\"18\" font-weight=\"700\">N</text>");
        svg.append("</g>");
    }

    /** A legend swatch: a small rectangle in the layer's style (dashes shortened to fit; the hatch defined inside). */
    static String swatch(String style) {
        String defs = "";
        if (style.contains("url(#hatch-border-buffer)")) {
            defs = "<defs>" + BUFFER_HATCH.formatted("hatch-border-buffer-swatch", "4", "4", "1") + "</defs>";
            style = style.replace("url(#hatch-border-buffer)", "url(#hatch-border-buffer-swatch)");
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"swatch\" viewBox=\"0 0 30 18\" width=\"30\" height=\"18\">" + defs
                + "<rect x=\"2\" y=\"2\" width=\"26\" height=\"14\" " + style.replace("14 8", "6 3").replace("8 5", "4 2").replace("4 4", "2.5 2")
                .replace("stroke-width=\"2.6\"", "stroke-width=\"1.6\"").replace("stroke-width=\"2.2\"", "stroke-width=\"1.4\"") + "/></svg>";
    }

    static String lineSwatch(String style) {
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"swatch\" viewBox=\"0 0 30 18\" width=\"30\" height=\"18\">"
                + "<path d=\"M1 9H29\" " + style.replace("18 6 4 6", "8 3 2 3").replace("stroke-width=\"4\"", "stroke-width=\"2.5\"") + "/></svg>";
    }

    static String dotSwatch(String style) {
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"swatch\" viewBox=\"0 0 30 18\" width=\"30\" height=\"18\">"
                + "<circle cx=\"15\" cy=\"9\" r=\"5\" " + style + "/></svg>";
    }

    private static final String SITE_SWATCH = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"swatch\" viewBox=\"0 0 30 18\" width=\"30\" height=\"18\">"
            + "<path d=\"M6 9H24M15 0V18\" stroke=\"#000000\" stroke-width=\"1.5\"/>"
            + "<circle cx=\"15\" cy=\"9\" r=\"5.5\" fill=\"#ffffff\" stroke=\"#000000\" stroke-width=\"2\"/>"
            + "<circle cx=\"15\" cy=\"9\" r=\"2.5\" fill=\"#d7191c\"/></svg>";

    /** Label boxes already placed, so later labels move aside rather than overprint. */
    private static final class Labels {
        private final List<Envelope> taken = new ArrayList<>();

        void reserve(double minX, double minY, double maxX, double maxY) {
            taken.add(new Envelope(minX, maxX, minY, maxY));
        }

        boolean free(double minX, double minY, double maxX, double maxY) {
            if (minX < 2 || maxX > VIEW_WIDTH - 2 || minY < 2 || maxY > VIEW_HEIGHT - 2) return false;
            Envelope box = new Envelope(minX, maxX, minY, maxY);
            for (Envelope e : taken) if (e.intersects(box)) return false;
            return true;
        }
    }
}
