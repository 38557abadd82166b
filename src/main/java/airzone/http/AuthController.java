package airzone.http;

import airzone.auth.Account;
import airzone.auth.LoginThrottle;
import airzone.auth.Role;
import airzone.auth.Sessions;
import airzone.auth.User;
import airzone.auth.Users;
import airzone.edit.StrictJson;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Signing in and out, who am I, and (for admins) managing users. */
final class AuthController {

    private static final long MAX_BODY = 64 * 1024;
    /** An IPv4 or IPv6 literal as the server sees the client's address (Jetty may bracket IPv6). */
    private static final Pattern ADDRESS = Pattern.compile("\\[?[0-9A-Fa-f:.]{2,45}(%[A-Za-z0-9]{1,16})?]?");

    private final Authentication authentication;
    private final Users users;
    private final Sessions sessions;
    private final LoginThrottle throttle;
    private final boolean publicRead;

    AuthController(Authentication authentication, Users users, Sessions sessions, LoginThrottle throttle, boolean publicRead) {
        this.authentication = authentication;
        this.users = users;
        this.sessions = sessions;
        this.throttle = throttle;
        this.publicRead = publicRead;
    }

    /**
     * Body {@code {"name","password"}}. Answers the session token (for API clients, as a bearer
     * token) and its CSRF token, and sets the HttpOnly, SameSite=Strict cookie the web page uses.
     */
    void login(Context ctx) {
        JsonNode body = StrictJson.parse(RequestBody.read(ctx, MAX_BODY));
        String name = body.path("name").asText(null);
        String password = body.path("password").asText(null);
        if (name == null || password == null) throw ApiError.badRequest("send {\"name\": …, \"password\": …}");
        User user = authentication.login(ctx, name, password);
        Sessions.Opened opened = sessions.open(user);
        Cookie cookie = new Cookie(Authentication.COOKIE, opened.token(), "/", (int) Sessions.LIFETIME.toSeconds(),
                secure(ctx), 0, true, null, null, SameSite.STRICT);
        ctx.cookie(cookie);
        Map<String, Object> out = describe(user);
        out.put("token", opened.token());
        out.put("csrf", opened.csrf());
        out.put("expires", opened.expires().toString());
        ctx.json(out);
    }

    void logout(Context ctx) {
        sessions.close(ctx.cookie(Authentication.COOKIE));
        String authorization = ctx.header("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) sessions.close(authorization.substring(7).trim());
        ctx.removeCookie(Authentication.COOKIE, "/");
        ctx.status(204);
    }

    /** Who the request is from; for a cookie session also its CSRF token, which the page needs after a reload. */
    void session(Context ctx) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("publicRead", publicRead);
        Access.user(ctx).ifPresentOrElse(user -> {
            out.putAll(describe(user));
            sessions.find(ctx.cookie(Authentication.COOKIE)).ifPresent(s -> out.put("csrf", s.csrf()));
        }, () -> out.put("name", null));
        ctx.json(out);
    }

    void list(Context ctx) {
        Access.require(ctx, Role.ADMIN);
        ctx.json(Map.of("users", users.list().stream().map(this::describe).toList()));
    }

    /** Body {@code {"name","password","role"}}. */
    void add(Context ctx) {
        User admin = Access.require(ctx, Role.ADMIN);
        JsonNode body = StrictJson.parse(RequestBody.read(ctx, MAX_BODY));
        Account added = users.add(body.path("name").asText(null), body.path("password").asText(null),
                role(body.path("role").asText("viewer")), admin.name());
        ctx.status(201).json(describe(added));
    }

    /** Body with any of {@code password}, {@code role}, {@code disabled}. */
    void change(Context ctx) {
        User admin = Access.require(ctx, Role.ADMIN);
        String name = ctx.pathParam("name");
        JsonNode body = StrictJson.parse(RequestBody.read(ctx, MAX_BODY));
        if (!body.isObject()) throw ApiError.badRequest("send an object with password, role or disabled");
        if (users.find(name).isEmpty()) throw ApiError.notFound("no user '" + name + "'");
        if (body.has("password")) users.setPassword(name, body.path("password").asText(null), admin.name());
        if (body.has("role")) users.setRole(name, role(body.path("role").asText()), admin.name());
        if (body.has("disabled")) {
            if (!body.get("disabled").isBoolean()) throw ApiError.badRequest("disabled must be true or false");
            users.setDisabled(name, body.get("disabled").asBoolean(), admin.name());
        }
        ctx.json(describe(users.find(name).orElseThrow()));
    }

    /** Lifts the login waits of a user, from every address (say after a guesser made its owner wait). */
    void unlock(Context ctx) {
        User admin = Access.require(ctx, Role.ADMIN);
        String name = ctx.pathParam("name");
        ctx.json(Map.of("user", name, "lifted", users.unlock(throttle, name, admin.name())));
    }

    /** Lifts the login waits of a client address, for every name (say an office behind one proxy). */
    void unlockAddress(Context ctx) {
        User admin = Access.require(ctx, Role.ADMIN);
        String address = ctx.pathParam("address");
        if (!ADDRESS.matcher(address).matches()) throw ApiError.badRequest("'" + address + "' is not an IP address");
        ctx.json(Map.of("address", address, "lifted", users.unlockAddress(throttle, address, admin.name())));
    }

    private static Role role(String text) {
        return Role.parse(text).orElseThrow(() -> ApiError.badRequest("role must be one of viewer, planner, admin; got '" + text + "'"));
    }

    private static Map<String, Object> describe(User user) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", user.name());
        out.put("role", user.role().id());
        out.put("may", List.of(Role.values()).stream().filter(r -> user.role().covers(r)).map(Role::id).toList());
        return out;
    }

    /** An account as admins see it; {@code locked}: some address has to wait before it may try this name again. */
    private Map<String, Object> describe(Account a) {
        Map<String, Object> out = describe(a.user());
        out.put("disabled", a.disabled());
        out.put("locked", throttle.waiting(a.name()));
        out.put("created", a.createdAt().toString());
        return out;
    }

    private static boolean secure(Context ctx) {
        return ctx.scheme().equals("https") || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
    }
}
