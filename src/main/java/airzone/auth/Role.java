package airzone.auth;

import java.util.Locale;
import java.util.Optional;

/** What a user may do; each role includes everything the roles before it may do. */
public enum Role {
    /** reads layers, screens sites, exports */
    VIEWER,
    /** also draws, edits, deletes and imports zones and heat sources */
    PLANNER,
    /** also changes rule parameters, manages users, restores old versions */
    ADMIN;

    public boolean covers(Role required) {
        return compareTo(required) >= 0;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> parse(String text) {
        for (Role r : values()) if (r.id().equals(text)) return Optional.of(r);
        return Optional.empty();
    }
}
