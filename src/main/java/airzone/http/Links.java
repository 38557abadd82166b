package airzone.http;

import io.javalin.http.Context;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Absolute links, as QGIS and GDAL require: built from the request's own host, or from the
 * X-Forwarded-* headers a load balancer sets, so they are right behind a proxy too.
 */
final class Links {

    private Links() {
    }

    static String base(Context ctx) {
        String proto = firstNonBlank(ctx.header("X-Forwarded-Proto"), ctx.scheme());
        String host = firstNonBlank(ctx.header("X-Forwarded-Host"), ctx.host());
        return proto + "://" + host;
    }

    static Map<String, Object> link(String href, String rel, String type, String title) {
        Map<String, Object> link = new LinkedHashMap<>();
        link.put("href", href);
        link.put("rel", rel);
        if (type != null) link.put("type", type);
        if (title != null) link.put("title", title);
        return link;
    }

    /** The current request's URL with some query parameters replaced; the others kept as sent. */
    static String withParams(Context ctx, Map<String, String> replaced) {
        Map<String, String> params = new LinkedHashMap<>();
        ctx.queryParamMap().forEach((name, values) -> params.put(name, values.get(0)));
        params.putAll(replaced);
        StringBuilder url = new StringBuilder(base(ctx)).append(ctx.path());
        String separator = "?";
        for (Map.Entry<String, String> p : params.entrySet()) {
            url.append(separator).append(encode(p.getKey())).append('=').append(encode(p.getValue()));
            separator = "&";
        }
        return url.toString();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("%2C", ",");
    }

    /** A forwarded header may list several proxies; the first is the client-facing one. */
    private static String firstNonBlank(String forwarded, String own) {
        if (forwarded != null && !forwarded.isBlank()) return forwarded.split(",")[0].trim();
        return own;
    }
}
