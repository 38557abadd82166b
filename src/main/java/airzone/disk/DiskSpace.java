package airzone.disk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The free space the service keeps on the filesystem of a directory it writes (the data directory:
 * the embedded database and the working files of exports and imports). Writes are refused while
 * less than the reserve is free, before anything is touched: H2 closes its whole database when a
 * file write fails, and a working file cut short is worth nothing, so refusing early is what keeps
 * reads answering and the database file whole while the disk is full.
 */
public final class DiskSpace {

    /** The setting an operator changes, named in every refusal. */
    public static final String SETTING = "AIRZONE_MIN_FREE_DISK_MB";

    private static final long MB = 1024 * 1024;

    private final Path directory;
    private final long reserveBytes;

    public DiskSpace(Path directory, long reserveBytes) {
        this.directory = directory;
        this.reserveBytes = reserveBytes;
    }

    public Path directory() {
        return directory;
    }

    public long reserveBytes() {
        return reserveBytes;
    }

    /**
     * Bytes this process may still write there: the JDK reads the mount table and calls statfs, about
     * 0.1 ms, nothing beside a write that syncs the database file (100 ms and more). A
     * directory not made yet (tmp/ before the first export) is measured where it will be made.
     */
    public long usableBytes() throws IOException {
        Path existing = directory.toAbsolutePath();
        while (!Files.exists(existing) && existing.getParent() != null) existing = existing.getParent();
        return Files.getFileStore(existing).getUsableSpace();
    }

    /** @throws DiskFull when less than the reserve is free; {@code doing} names the refused work */
    public void require(String doing) {
        long usable;
        try {
            usable = usableBytes();
        } catch (IOException e) {
            // a directory we cannot even measure will fail the write itself, with its own error
            return;
        }
        if (usable < reserveBytes) {
            throw new DiskFull("the disk holding " + directory.toAbsolutePath() + " is full: " + usable / MB + " MB free, less than the "
                    + reserveBytes / MB + " MB the service keeps free (" + SETTING + "), so " + doing + " was refused and nothing was written. "
                    + "Free space on that filesystem and try again; the service picks it up without a restart.", null);
        }
    }

    /** The answer for work that ran out of space part-way in {@code what}, after it was undone. */
    public DiskFull ranOut(String doing, String what, Throwable cause) {
        return new DiskFull("the disk holding " + what + " (" + directory.toAbsolutePath() + ") ran out of space while " + doing
                + "; it was stopped and nothing of it was kept. Free space on that filesystem and try again; "
                + "the service picks it up without a restart.", cause);
    }
}
