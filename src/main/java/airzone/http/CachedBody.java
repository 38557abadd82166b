package airzone.http;

import io.javalin.http.Context;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Sends a body with a strong ETag and answers a matching If-None-Match with 304 and no body. Browsers
 * may keep it but must ask again before each use (an edit can change a collection at any moment), so
 * a second visit to the map costs a 304 per layer instead of its megabytes.
 */
final class CachedBody {

    private CachedBody() {
    }

    static void send(Context ctx, byte[] body, String contentType) {
        send(ctx, body, contentType, contentTag(body));
    }

    static void send(Context ctx, byte[] body, String contentType, String etag) {
        ctx.header("ETag", etag);
        ctx.header("Cache-Control", "no-cache");
        if (matches(ctx.header("If-None-Match"), etag)) {
            ctx.status(304);
            return;
        }
        ctx.contentType(contentType).result(body);
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) return false;
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.trim();
            if (c.equals("*") || c.equals(etag) || c.equals("W/" + etag)) return true;
        }
        return false;
    }

    private static String contentTag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return '"' + HexFormat.of().formatHex(digest, 0, 16) + '"';
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
