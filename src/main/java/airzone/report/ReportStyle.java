package airzone.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The report's stylesheet, inline in the page: A4 pages with running footers, headers of long
 * tables repeated on every page, rows never split, colours kept in print (the verdict and the map
 * rely on them, but every colour is backed by a word or a shape for black-and-white printers).
 */
final class ReportStyle {

    private ReportStyle() {
    }

    private static final String SANS = "\"Noto Sans CJK SC\", \"Source Han Sans SC\", \"Microsoft YaHei\", \"PingFang SC\", \"Helvetica Neue\", Arial, sans-serif";
    private static final String SERIF = "\"Noto Serif CJK SC\", \"Source Han Serif SC\", \"SimSun\", \"Songti SC\", serif";
    private static final String MONO = "\"DejaVu Sans Mono\", Consolas, \"Courier New\", monospace";

    /** The text of the report's one {@code <style>} element, exactly: its hash is what the report's CSP allows. */
    static String element(Language lang) {
        return "\n" + css(lang);
    }

    /** Base64 SHA-256 of {@link #element}, as a Content-Security-Policy {@code 'sha256-…'} source wants it. */
    static String sha256(Language lang) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(element(lang).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private static String css(Language lang) {
        String page = lang.pick("\"第 \" counter(page) \" 页 / 共 \" counter(pages) \" 页\"", "\"Page \" counter(page) \" of \" counter(pages)");
        String running = lang.pick("\"" + ScreeningReport.TITLE_ZH + "\"", "\"" + ScreeningReport.TITLE_EN + "\"");
        return """
                @page { size: A4 portrait; margin: 12mm 14mm 15mm 14mm;
                  @bottom-left { content: %s; font: 7.5pt %s; color: #666; }
                  @bottom-right { content: %s; font: 7.5pt %s; color: #666; } }
                * { box-sizing: border-box; }
                html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
                body { margin: 0; background: #d9dde2; color: #1a1a1a; font-family: %s; font-size: 10pt; line-height: 1.5; }
                .sheet { width: 210mm; min-height: 297mm; margin: 12mm auto; padding: 15mm 14mm 17mm; background: #fff;
                  box-shadow: 0 2px 12px rgba(0,0,0,.25); }
                h1 { font-family: %s; font-size: 20pt; font-weight: 700; letter-spacing: .04em; margin: 2mm 0 0; line-height: 1.25; }
                h2 { font-size: 12pt; margin: 6mm 0 2.5mm; padding-bottom: 1mm; border-bottom: 1.5pt solid #1a1a1a;
                  break-after: avoid; page-break-after: avoid; }
                h2 .num { display: inline-block; min-width: 6mm; color: #555; }
                a { color: inherit; text-decoration: none; }
                .muted { color: #666; }
                .small { font-size: 8pt; color: #444; margin: 2mm 0 0; }
                .code, .code-cell { font-family: %s; font-size: 7.5pt; color: #555; word-break: break-all; }
                .code-cell { font-size: 8pt; }
                .doc-header { border-bottom: 3pt double #1a1a1a; padding-bottom: 3mm; }
                .doc-kind { font-size: 8.5pt; color: #555; letter-spacing: .08em; }
                .doc-subtitle { font-size: 10pt; color: #444; margin-bottom: 2mm; }
                table { border-collapse: collapse; width: 100%%; }
                .meta th, .kv th { text-align: left; font-weight: 600; vertical-align: top; color: #333; }
                .meta th { white-space: nowrap; }
                .meta th { width: 24mm; padding: .4mm 0; font-size: 8.5pt; }
                .meta td { padding: .4mm 0; font-size: 8.5pt; }
                .url { font-family: %s; font-size: 7.5pt; word-break: break-all; }
                .verdict { margin: 4mm 0 0; padding: 2.5mm 4mm; border-left: 7mm solid; display: grid;
                  grid-template-columns: 30mm 1fr; column-gap: 4mm; align-items: center; break-inside: avoid; }
                .verdict-label { font-size: 9pt; color: #333; grid-row: span 2; font-weight: 600; }
                .verdict-value { font-size: 17pt; font-weight: 800; line-height: 1.25; }
                .verdict-code { font-size: 9pt; font-weight: 600; letter-spacing: .08em; margin-left: 2mm; }
                .verdict-text { font-size: 9pt; }
                .verdict-prohibited { border-color: #b3131b; background: #fbe9ea; color: #7a0c12; outline: 1.5pt solid #b3131b; }
                .verdict-action_required { border-color: #d98c00; background: #fff4dc; color: #6b4300; outline: 1pt dashed #d98c00; }
                .verdict-info { border-color: #8a9099; background: #f1f2f4; color: #333; outline: .5pt solid #8a9099; }
                .verdict .verdict-label, .verdict .verdict-text { color: #1a1a1a; }
                .kv { table-layout: fixed; }
                .kv th, .kv td { padding: .6mm 2mm; border-bottom: .5pt solid #d4d4d4; font-size: 9pt; vertical-align: top; }
                .kv th { background: #f6f6f4; }
                .kv col.k { width: %s; }
                .small-note { font-size: 7.5pt; }
                .map-figure { margin: 0; display: flex; gap: 4mm; align-items: flex-start; break-inside: avoid; page-break-inside: avoid; }
                .map-frame { flex: none; width: 136mm; }
                svg.map { display: block; width: 100%%; height: auto; font-family: %s; }
                figcaption { flex: 1; min-width: 0; }
                .legend-title { font-weight: 700; font-size: 8.5pt; margin-bottom: 1mm; }
                .legend { list-style: none; margin: 0; padding: 0; font-size: 7.5pt; line-height: 1.3; }
                .legend li { display: flex; align-items: center; gap: 1.5mm; margin-bottom: 1.2mm; }
                .legend .swatch { width: 7mm; height: 4.2mm; flex: none; }
                .caption { font-size: 6.8pt; color: #555; margin: 2.5mm 0 0; line-height: 1.4; border-top: .5pt solid #ccc; padding-top: 1.5mm; }
                .grid { font-size: 8.5pt; }
                .grid th, .grid td { border: .5pt solid #9a9a9a; padding: 1mm 1.5mm; vertical-align: top; text-align: left; }
                .grid thead th { background: #ececea; font-weight: 700; }
                thead { display: table-header-group; }
                tr, .badge { break-inside: avoid; page-break-inside: avoid; }
                td.number { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
                td.num-cell { text-align: center; }
                .findings-table .c-no { width: 8mm; } .findings-table .c-sev { width: 17mm; } .findings-table .c-rule { width: 27mm; }
                .findings-table .c-feature { width: 32mm; } .findings-table .c-dist { width: 17mm; } .findings-table .c-cite { width: 35mm; }
                .findings-table tr.finding { break-after: avoid; page-break-after: avoid; }
                .findings-table tr.clause-words td { font-size: 7.8pt; line-height: 1.45; color: #333; background: #fafaf8; }
                .clause-label { font-weight: 600; color: #555; }
                .params-table .c-prule { width: 52mm; } .params-table .c-pname { width: 40mm; } .params-table .c-pvalue { width: 20mm; }
                .rule-cell .basis { font-size: 7.5pt; color: #444; margin-top: .5mm; }
                .params-table td.value { white-space: nowrap; }
                .badge { display: inline-block; padding: .2mm 1.5mm; border-radius: 1mm; font-weight: 700; font-size: 8pt; white-space: nowrap; }
                .badge-prohibited { background: #b3131b; color: #fff; }
                .badge-action_required { background: #f2b632; color: #3b2600; }
                .badge-info { background: #e2e4e8; color: #333; font-weight: 600; }
                .sev-prohibited td:first-child { border-left: 2.5pt solid #b3131b; }
                .sev-action_required td:first-child { border-left: 2.5pt dashed #d98c00; }
                .tag { display: inline-block; font-size: 7pt; border: .5pt solid #666; border-radius: .8mm; padding: 0 1mm; color: #333; white-space: nowrap; }
                .notes { margin-top: 7mm; border-top: .75pt solid #1a1a1a; padding-top: 2mm; font-size: 8pt; color: #333; break-inside: avoid; }
                .notes-title { font-size: 9pt; border: 0; margin: 0 0 1mm; padding: 0; }
                .notes ol { margin: 0; padding-left: 5mm; }
                .notes li { margin-bottom: .8mm; }
                @media print {
                  body { background: #fff; }
                  .sheet { width: auto; min-height: 0; margin: 0; padding: 0; box-shadow: none; }
                  a { color: inherit; }
                }
                @media screen and (max-width: 230mm) {
                  .sheet { width: auto; margin: 0; padding: 6mm 5mm; box-shadow: none; }
                }
                """.formatted(running, SANS, page, SANS, SANS, SERIF, MONO, MONO, lang.pick("25mm", "30mm"), SANS);
    }
}
