package airzone.http;

import airzone.layer.Feature;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A feature's strong ETag: its store version, which every write raises (so If-Match can detect stale edits). */
final class FeatureEtag {

    /** Strong tags only: If-Match compares strongly (RFC 9110 13.1.1), so a weak tag never matches. */
    private static final Pattern TAG = Pattern.compile("\"v(\\d{1,18})\"");

    private FeatureEtag() {
    }

    static String of(Feature feature) {
        return "\"v" + feature.version() + '"';
    }

    /**
     * The version a write's {@code If-Match} names: 428 without one (no blind overwrites, not even
     * with "*"), 412 when it cannot be one of ours (so it cannot match the current version either).
     */
    static long required(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            throw ApiError.preconditionRequired("send If-Match with the ETag you read (GET the item first), so that nobody's edit is overwritten unseen");
        }
        Matcher m = TAG.matcher(ifMatch.trim());
        if (!m.matches()) throw ApiError.preconditionFailed("If-Match " + abbreviate(ifMatch) + " is not an ETag of this feature; GET it again");
        return Long.parseLong(m.group(1));
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
