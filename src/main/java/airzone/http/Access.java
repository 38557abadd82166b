package airzone.http;

import airzone.auth.Role;
import airzone.auth.User;
import io.javalin.http.Context;

import java.util.Optional;

/** Who is asking: set once per request by the authentication filter, checked by every route that writes. */
public final class Access {

    private static final String ATTRIBUTE = "airzone.user";

    private Access() {
    }

    static void signIn(Context ctx, User user) {
        ctx.attribute(ATTRIBUTE, user);
    }

    public static Optional<User> user(Context ctx) {
        return Optional.ofNullable(ctx.attribute(ATTRIBUTE));
    }

    /** The signed-in user if their role covers {@code role}; 401 when nobody is signed in, 403 when the role is too low. */
    public static User require(Context ctx, Role role) {
        User user = user(ctx).orElseThrow(() -> Authentication.challenge(ctx,
                "sign in first: HTTP Basic, a bearer token from POST /api/login, or the web page's login"));
        if (!user.role().covers(role)) {
            throw ApiError.forbidden("user '" + user.name() + "' is a " + user.role().id() + "; this needs the " + role.id() + " role");
        }
        return user;
    }
}
