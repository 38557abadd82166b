package airzone.io;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * dBase field names for column names: at most 10 characters, ASCII letters, digits and '_' only
 * (an 11-byte slot in the header, read in the file's code page by every reader), and unique without
 * regard to case, as ArcGIS and GDAL compare them. Names are assigned in column order; when a
 * truncated name is taken, its end gives way to a counter: {@code clean_heating_complete} →
 * {@code clean_heat}, then {@code clean_heating_note} → {@code clean_he_1}. The shapefile export
 * writes the mapping to fields.csv. Done here rather than left to H2GIS's DBF header, which cuts
 * names to 10 characters without making them unique.
 */
public final class DbfFieldNames {

    public static final int MAX_LENGTH = 10;

    private DbfFieldNames() {
    }

    public static List<String> assign(List<String> names) {
        Set<String> taken = new HashSet<>();
        List<String> result = new ArrayList<>(names.size());
        for (String name : names) {
            String base = ascii(name);
            String candidate = cut(base, MAX_LENGTH);
            for (int n = 1; taken.contains(candidate.toLowerCase(Locale.ROOT)); n++) {
                String suffix = "_" + n;
                candidate = cut(base, MAX_LENGTH - suffix.length()) + suffix;
            }
            taken.add(candidate.toLowerCase(Locale.ROOT));
            result.add(candidate);
        }
        return result;
    }

    private static String ascii(String name) {
        String s = name.replaceAll("[^A-Za-z0-9_]", "_");
        if (s.replace("_", "").isEmpty()) return "field";
        return s;
    }

    private static String cut(String s, int length) {
        return s.length() <= length ? s : s.substring(0, length);
    }
}
