package airzone.edit;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Feature ids people may choose: letters, digits, '.', '_' and '-', starting with a letter or digit.
 * That keeps them safe in URLs, file names and log lines, and rules out traversal ("../") and quoting tricks.
 */
public final class FeatureIds {

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private FeatureIds() {
    }

    public static String check(String id) {
        if (id == null || !SAFE.matcher(id).matches() || id.contains("..")) {
            throw new InvalidFeature("feature id must be 1–128 letters, digits, '.', '_' or '-' (no '..'), starting with a letter or digit");
        }
        return id;
    }

    /** A fresh id for a feature created without one, e.g. "ban-zones-3f9c2a7d41e0". */
    public static String fresh(String collection) {
        return collection + "-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }
}
