package airzone.disk;

import java.sql.SQLException;

/**
 * A write that did not fit on its disk, refused before it started or failed part-way and undone.
 * The message says which disk is full and what to do about it; the HTTP layer answers 507.
 */
public final class DiskFull extends RuntimeException {

    /** PostgreSQL's disk_full condition. */
    private static final String POSTGRES_DISK_FULL = "53100";

    public DiskFull(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * True when {@code failure} or one of its causes is the operating system's "no space left"
     * (ENOSPC as Linux and macOS word it, ERROR_DISK_FULL as Windows does), SQLite's SQLITE_FULL
     * (GeoPackage files) or PostgreSQL's disk_full. Java reports ENOSPC only as an IOException's text.
     */
    public static boolean causedBy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && POSTGRES_DISK_FULL.equals(sql.getSQLState())) return true;
            String message = t.getMessage();
            if (message != null && (message.contains("No space left on device") || message.contains("not enough space on the disk")
                    || message.contains("SQLITE_FULL"))) {
                return true;
            }
        }
        return false;
    }
}
