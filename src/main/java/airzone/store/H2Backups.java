package airzone.store;

import airzone.layer.StoreException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Backups of the embedded store with H2's own {@code BACKUP TO}: a zip holding {@value #FILE_NAME},
 * transactionally consistent while the database is in use, so the running service can take one
 * without stopping. Restoring one is {@link H2Restore}.
 */
public final class H2Backups {

    /** The database name H2 is opened with; its file is {@value #FILE_NAME} in the data directory. */
    static final String DATABASE = "airzone";
    public static final String FILE_NAME = DATABASE + ".mv.db";

    private H2Backups() {
    }

    public static Path databaseFile(Path dataDir) {
        return dataDir.toAbsolutePath().resolve(FILE_NAME);
    }

    public static String jdbcUrl(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve(DATABASE);
    }

    /**
     * Whether a process (the service) has the database open: H2 holds an exclusive lock on the file
     * for as long as it does. Meant for a command-line process of its own: the probe's channel is
     * closed again, which on Linux drops every lock its own process holds on the file.
     */
    public static boolean inUse(Path dataDir) throws IOException {
        Path file = databaseFile(dataDir);
        if (!Files.exists(file)) return false;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) return true;
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            // this very process has it open (the service and the command in one JVM, as in tests)
            return true;
        } catch (AccessDeniedException e) {
            throw new IOException("may not open " + file + " for writing; run this as the user the service runs as", e);
        }
    }

    /** {@code BACKUP TO} on a connection of the open database; the zip is written whole or the call fails. */
    static void backup(Connection c, Path zip) throws SQLException {
        try (PreparedStatement backup = c.prepareStatement("BACKUP TO ?")) {
            backup.setString(1, zip.toAbsolutePath().toString());
            backup.execute();
        }
    }

    /**
     * Backs up a database nobody has open, opening it just for that: no migration runs and nothing in
     * it changes, and IFEXISTS keeps H2 from creating an empty database where there is none.
     */
    public static void backupClosed(Path dataDir, Path zip) {
        try (Connection c = DriverManager.getConnection(jdbcUrl(dataDir) + ";IFEXISTS=TRUE", "sa", "")) {
            backup(c, zip);
        } catch (SQLException e) {
            throw new StoreException("backing up " + databaseFile(dataDir), e);
        }
    }
}
