package airzone.screen;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The columns a tabular batch (a CSV header, an Excel header row) may name, and the one set of rules
 * both follow: {@code name}, {@code lon} and {@code lat}, plus any of the site attributes.
 */
final class BatchColumns {

    /** Every column the screening reads, in the order the README lists them. */
    static final Set<String> KNOWN;

    static {
        Set<String> known = new LinkedHashSet<>(List.of("name", "lon", "lat"));
        known.addAll(SiteReader.ATTRIBUTES);
        KNOWN = Set.copyOf(known);
    }

    private static final List<String> REQUIRED = List.of("name", "lon", "lat");

    private BatchColumns() {
    }

    /** How an Excel header cell is matched to a column: spaces around it and capitals do not count. */
    static String key(String cell) {
        return cell == null ? "" : cell.strip().toLowerCase(Locale.ROOT);
    }

    /** Whether a row of header cells (as keys) is the header: it names both coordinate columns. */
    static boolean namesCoordinates(Collection<String> keys) {
        return keys.contains("lon") && keys.contains("lat");
    }

    /** @param what "CSV header" or "header row", for the message */
    static void requireAll(Collection<String> keys, String what) {
        for (String required : REQUIRED) {
            if (!keys.contains(required)) throw new BatchInput.Refused(what + " lacks the column '" + required + "' (header: name,lon,lat,…)");
        }
    }

    static String attributesText() {
        return SiteReader.ATTRIBUTES.subList(1, SiteReader.ATTRIBUTES.size()).toString();
    }
}
