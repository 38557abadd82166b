package airzone.io;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;

/**
 * Download names that are safe on every operating system: ASCII letters, digits, '-' and '_' only,
 * no Windows device name, short enough for any file system — e.g. {@code ban-zones_2026-11-23} or,
 * in a projected CRS, {@code districts_2026-11-23_EPSG4528}, so two exports in different CRSs
 * saved side by side keep apart.
 */
public final class ExportFileName {

    private static final int MAX_ID = 64;
    private static final Set<String> WINDOWS_DEVICES = Set.of("con", "prn", "aux", "nul",
            "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9",
            "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9");

    private ExportFileName() {
    }

    /** The base name (no extension) for an export of {@code collectionId} on {@code date} in {@code crs}. */
    public static String base(String collectionId, LocalDate date, ExportCrs crs) {
        String id = collectionId.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]+", "_");
        id = id.replaceAll("^[_-]+|[_-]+$", "");
        if (id.isEmpty()) id = "layer";
        if (id.length() > MAX_ID) id = id.substring(0, MAX_ID);
        if (WINDOWS_DEVICES.contains(id)) id = id + "_layer";
        String name = id + "_" + date;
        return crs.epsg() == ExportCrs.WGS84 ? name : name + "_EPSG" + crs.epsg();
    }
}
