package airzone.auth;

import java.time.Instant;

/** A stored user: the password only as a bcrypt hash. */
public record Account(String name, String passwordHash, Role role, boolean disabled, Instant createdAt) {

    public User user() {
        return new User(name, role);
    }
}
