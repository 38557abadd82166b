package airzone.http;

import airzone.layer.FeatureStore;
import airzone.report.Language;
import airzone.report.ScreeningReports;
import airzone.rules.DerivedLayers;
import airzone.screen.Screener;
import airzone.screen.Site;
import airzone.screen.SiteReader;
import io.javalin.http.Context;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.StringJoiner;

/**
 * {@code GET /api/screen/report}: the screening of {@code GET /api/screen} (same query parameters)
 * as a printable HTML page, in Chinese or, with {@code lang=en}, English.
 */
final class ReportController {

    /** Planners read the report's time in China Standard Time, wherever the server runs. */
    static final ZoneId REPORT_ZONE = ZoneId.of("Asia/Shanghai");

    private final ScreeningReports reports;
    private final SiteReader reader;

    ReportController(FeatureStore store, DerivedLayers derived, Screener screener, SiteReader reader) {
        this.reports = new ScreeningReports(store, derived, screener);
        this.reader = reader;
    }

    void report(Context ctx) {
        String code = ctx.queryParam("lang");
        Language lang = Language.fromCode(code)
                .orElseThrow(() -> ApiError.badRequest("lang must be zh or en, got '" + code + "'"));
        Site site = reader.fromValues(ctx.queryParam(QueryParams.LON), ctx.queryParam(QueryParams.LAT), ctx::queryParam);
        String html = reports.render(site, lang, Links.withParams(ctx, Map.of()), dataUrl(ctx),
                ZonedDateTime.now(REPORT_ZONE));
        ctx.header("Cache-Control", "no-store");
        SecurityHeaders.report(ctx, ScreeningReports.styleSha256(lang));
        ctx.contentType("text/html; charset=utf-8").result(html);
    }

    /** The JSON screening with the same parameters: this request's query, less {@code lang}. */
    private static String dataUrl(Context ctx) {
        StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
        ctx.queryParamMap().forEach((name, values) -> {
            if (!name.equals("lang") && !values.isEmpty()) query.add(encode(name) + "=" + encode(values.get(0)));
        });
        return Links.base(ctx) + "/api/screen" + query;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
