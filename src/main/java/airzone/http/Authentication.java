package airzone.http;

import airzone.auth.LoginThrottle;
import airzone.auth.Sessions;
import airzone.auth.User;
import airzone.auth.Users;
import io.javalin.http.Context;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * Works out who sends each request, before any route runs: HTTP Basic or a bearer token in
 * {@code Authorization} (API clients, QGIS), or the web page's session cookie. Credentials that are
 * sent but wrong get 401 at once — never a silent fall-back to anonymous. Cookie-borne writes must
 * carry the session's CSRF token in {@value #CSRF_HEADER}. Without public read, reading needs a login too.
 */
final class Authentication {

    static final String COOKIE = "airzone_session";
    static final String CSRF_HEADER = "X-CSRF-Token";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    /** What anyone may reach even without public read: signing in, and what the page needs to offer it. */
    private static final Set<String> OPEN_PATHS = Set.of("/api/login", "/api/logout", "/api/session", "/api/config");

    private final boolean publicRead;
    private final Users users;
    private final Sessions sessions;
    private final LoginThrottle throttle;

    Authentication(boolean publicRead, Users users, Sessions sessions, LoginThrottle throttle) {
        this.publicRead = publicRead;
        this.users = users;
        this.sessions = sessions;
        this.throttle = throttle;
    }

    /** For /ogc and /api requests only: the page's files and /health need nobody, and cost no session lookup. */
    void identify(Context ctx) {
        String authorization = ctx.header("Authorization");
        if (authorization != null) {
            Access.signIn(ctx, fromHeader(ctx, authorization.trim()));
        } else {
            fromCookie(ctx).ifPresent(user -> Access.signIn(ctx, user));
        }
        if (!publicRead && Access.user(ctx).isEmpty() && !OPEN_PATHS.contains(ctx.path())) {
            Access.require(ctx, airzone.auth.Role.VIEWER);
        }
    }

    /** Checks a name and password, counting failures; the user, or 401/429. */
    User login(Context ctx, String name, String password) {
        long wait = throttle.retryAfterSeconds(name, ctx.ip());
        if (wait > 0) {
            ctx.header("Retry-After", Long.toString(wait));
            throw ApiError.tooManyRequests("too many failed logins; try again in " + wait + " s");
        }
        Optional<User> user = users.verify(name, password);
        if (user.isEmpty()) {
            throttle.failed(name, ctx.ip());
            throw challenge(ctx, "wrong user name or password, or the user is disabled");
        }
        throttle.succeeded(name, ctx.ip());
        return user.get();
    }

    private User fromHeader(Context ctx, String authorization) {
        if (authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw challenge(ctx, "the Basic credentials are not base64");
            }
            int colon = decoded.indexOf(':');
            if (colon < 0) throw challenge(ctx, "the Basic credentials must be name:password");
            return login(ctx, decoded.substring(0, colon), decoded.substring(colon + 1));
        }
        if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return sessions.find(authorization.substring(7).trim()).map(Sessions.Signed::user)
                    .orElseThrow(() -> challenge(ctx, "the bearer token is unknown or has expired; POST /api/login for a new one"));
        }
        throw challenge(ctx, "Authorization must be Basic or Bearer");
    }

    /** A stale or unknown cookie is ignored (the page then offers a login); a live one must bring its CSRF token to write. */
    private Optional<User> fromCookie(Context ctx) {
        String token = ctx.cookie(COOKIE);
        if (token == null) return Optional.empty();
        Optional<Sessions.Signed> signed = sessions.find(token);
        if (signed.isEmpty()) return Optional.empty();
        if (!SAFE_METHODS.contains(ctx.method().name()) && !ctx.path().equals("/api/login")
                && !signed.get().csrf().equals(ctx.header(CSRF_HEADER))) {
            throw ApiError.forbidden("a write from the web page must carry the " + CSRF_HEADER + " header of its session");
        }
        return Optional.of(signed.get().user());
    }

    /**
     * A 401 with its challenge. Basic only for clients that can answer it (GDAL, QGIS, curl, a browser
     * opening a URL itself): a Basic challenge to a page's fetch() makes the browser open its own
     * password dialog over the page — and headless Chromium leaves the fetch pending for good. Page
     * scripts (Sec-Fetch-Mode other than navigate; browsers set it, scripts cannot) and the JSON login
     * get a Bearer challenge, which browsers leave to the page.
     */
    static ApiError challenge(Context ctx, String detail) {
        String mode = ctx.header("Sec-Fetch-Mode");
        boolean pageScript = mode != null && !mode.equals("navigate");
        ctx.header("WWW-Authenticate", pageScript || ctx.path().equals("/api/login")
                ? "Bearer realm=\"airzone\""
                : "Basic realm=\"airzone\", charset=\"UTF-8\"");
        return ApiError.unauthorized(detail);
    }
}
