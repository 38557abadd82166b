package airzone.http;

import io.javalin.http.Context;

import java.util.List;
import java.util.function.BiConsumer;

/**
 * The headers every response carries. The Content-Security-Policy lets the page load scripts,
 * styles, data and images from the service itself only — which also makes "nothing loads from
 * outside" a rule the browser enforces — plus the tiles of the optional online base map from
 * exactly its origins. Styles Leaflet and the page set from scripts go through the CSSOM, which a
 * policy does not restrict; inline {@code <style>}, style attributes and inline scripts are refused — all
 * but the page's import map, allowed by its hash ({@link PageImportMap}).
 * {@code data:} images are the page's empty icon. Nobody may frame the service (clickjacking).
 * The referrer: full within the service, only the origin to others (tile servers' usage rules ask
 * for it), never a URL with a site's coordinates in its query.
 */
final class SecurityHeaders {

    static final String CSP = "Content-Security-Policy";
    private static final String COMMON = "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    /** For answers Jetty gives before any route runs: JSON that loads nothing. */
    static final String NOTHING_POLICY = "default-src 'none'; frame-ancestors 'none'";

    private final String pagePolicy;

    /**
     * @param tileOrigins   where the optional base map's tiles come from (none without one)
     * @param importMapHash Base64 SHA-256 of the page's import map
     */
    SecurityHeaders(List<String> tileOrigins, String importMapHash) {
        String tiles = tileOrigins.isEmpty() ? "" : " " + String.join(" ", tileOrigins);
        this.pagePolicy = "default-src 'self'; script-src 'self' 'sha256-" + importMapHash + "'; img-src 'self' data:" + tiles
                + "; " + COMMON;
    }

    /** Before every route, static files and errors included; a route may narrow the policy ({@link #report}). */
    void apply(Context ctx) {
        ctx.header(CSP, pagePolicy);
        common(ctx::header);
    }

    /**
     * The printable report: a page of its own that loads nothing, styled by its one inline stylesheet,
     * allowed by its hash (so a {@code <style>} smuggled in through the data would still be refused).
     */
    static void report(Context ctx, String styleSha256) {
        ctx.header(CSP, "default-src 'none'; style-src 'sha256-" + styleSha256 + "'; base-uri 'none'; form-action 'none'; "
                + "frame-ancestors 'none'");
    }

    /** The headers that need no policy, for Jetty's own answers too. */
    static void common(BiConsumer<String, String> header) {
        header.accept("X-Content-Type-Options", "nosniff");
        header.accept("Referrer-Policy", "strict-origin-when-cross-origin");
        header.accept("X-Frame-Options", "DENY");
    }
}
