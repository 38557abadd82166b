package airzone.auth;

import java.time.Instant;

/** A signed-in session, stored by the SHA-256 of its token; {@code csrf} must accompany cookie-borne writes. */
public record Session(String tokenHash, String user, String csrf, Instant expiresAt) {
}
