package airzone.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Sessions for the web page (cookie) and API clients (bearer token): a random token handed out once,
 * stored only as its hash, valid for {@link #LIFETIME}. Each carries a CSRF token that cookie-borne
 * writes must echo in a header — a cross-site form can send the cookie but cannot read the token.
 */
public final class Sessions {

    public static final Duration LIFETIME = Duration.ofHours(12);

    private final UserStore accounts;
    private final Clock clock;

    public Sessions(UserStore accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    public record Opened(String token, String csrf, Instant expires) {
    }

    public record Signed(User user, String csrf) {
    }

    public Opened open(User user) {
        accounts.deleteSessionsExpiredBefore(clock.instant());
        String token = Tokens.random();
        String csrf = Tokens.random();
        Instant expires = clock.instant().plus(LIFETIME);
        accounts.putSession(new Session(Tokens.sha256(token), user.name(), csrf, expires));
        return new Opened(token, csrf, expires);
    }

    /** The session's user with their current role, if the token is live and the user still enabled. */
    public Optional<Signed> find(String token) {
        if (token == null || token.isEmpty() || token.length() > 100) return Optional.empty();
        return accounts.session(Tokens.sha256(token))
                .filter(s -> s.expiresAt().isAfter(clock.instant()))
                .flatMap(s -> accounts.find(s.user()).filter(a -> !a.disabled()).map(a -> new Signed(a.user(), s.csrf())));
    }

    public void close(String token) {
        if (token != null) accounts.deleteSession(Tokens.sha256(token));
    }
}
