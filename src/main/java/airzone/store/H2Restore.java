package airzone.store;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.h2.tools.Restore;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Checking and restoring a {@link H2Backups} zip. A backup is unpacked with H2's Restore into a
 * directory of its own and opened read-only to see that it really is an airzone database this
 * version can start on; only then does it replace the data directory's database, whose file is
 * kept beside it. The restored file is the backup's byte for byte: the check changes nothing in it.
 */
public final class H2Restore {

    private static final List<String> TABLES = List.of("FEATURES", "FEATURE_HISTORY", "AUDIT", "USERS", "SETTINGS");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

    /** What a backup holds, as the check read it. */
    public record Contents(String schemaVersion, long features, long users, long auditLines) {
        public String describe() {
            return "schema version " + schemaVersion + ", " + features + " features, " + users + " users, "
                    + auditLines + " audit lines";
        }
    }

    /** @param keptAside the database the restore replaced, or null when there was none */
    public record Restored(Contents contents, Path database, Path keptAside) {
    }

    /** The file is not a backup this version can restore, or the store is in use; nothing was changed. */
    public static final class Refused extends RuntimeException {
        public Refused(String message) {
            super(message);
        }
    }

    private H2Restore() {
    }

    /** Checks a backup in a scratch directory under {@code workRoot}, removed afterwards. */
    public static Contents check(Path zip, Path workRoot) throws IOException {
        Path work = scratch(workRoot);
        try {
            return unpackAndCheck(zip, work);
        } finally {
            deleteTree(work);
        }
    }

    /**
     * Replaces the database in {@code dataDir} with the backup's, keeping the current file as
     * {@code airzone.mv.db.before-restore-<time>} (a name H2 never takes for part of a database).
     */
    public static Restored restore(Path dataDir, Path zip, Instant now) throws IOException {
        Path work = scratch(dataDir.resolve("tmp"));
        try {
            Contents contents = unpackAndCheck(zip, work);
            Path restored = work.resolve(H2Backups.FILE_NAME);
            Path current = H2Backups.databaseFile(dataDir);
            if (!Files.exists(current)) {
                Files.move(restored, current, StandardCopyOption.ATOMIC_MOVE);
                return new Restored(contents, current, null);
            }
            // held until the new file is in place, so a service starting meanwhile fails rather than opening the old one
            try (FileChannel channel = FileChannel.open(current, StandardOpenOption.READ, StandardOpenOption.WRITE);
                 FileLock lock = tryLock(channel)) {
                if (lock == null) throw new Refused(current + " is in use: stop the service first");
                Path aside = current.resolveSibling(H2Backups.FILE_NAME + ".before-restore-" + STAMP.format(now));
                keepAside(current, aside);
                Files.move(restored, current, StandardCopyOption.ATOMIC_MOVE);
                return new Restored(contents, current, aside);
            }
        } finally {
            deleteTree(work);
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    /**
     * A second name for the current file rather than a rename: {@code airzone.mv.db} never goes
     * missing, so a service started mid-restore cannot create an empty database in its place. A file
     * system without hard links gets a copy.
     */
    private static void keepAside(Path current, Path aside) throws IOException {
        try {
            Files.createLink(aside, current);
        } catch (UnsupportedOperationException | IOException e) {
            Files.copy(current, aside, StandardCopyOption.COPY_ATTRIBUTES);
        }
    }

    private static Contents unpackAndCheck(Path zip, Path work) throws IOException {
        if (!Files.isRegularFile(zip)) throw new Refused(zip + " is not a file");
        checkEntries(zip);
        try {
            Restore.execute(zip.toAbsolutePath().toString(), work.toString(), H2Backups.DATABASE);
        } catch (RuntimeException e) {
            throw new Refused(zip + " cannot be unpacked: " + e.getMessage());
        }
        String url = H2Backups.jdbcUrl(work) + ";IFEXISTS=TRUE;ACCESS_MODE_DATA=r";
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            Set<String> tables = tables(c);
            if (!tables.containsAll(TABLES) || !tables.contains("flyway_schema_history")) {
                throw new Refused(zip + " holds an H2 database, but not airzone's (no features, history, audit and users tables)");
            }
            return new Contents(schemaVersion(url, zip), count(c, "features WHERE NOT deleted"), count(c, "users"),
                    count(c, "audit"));
        } catch (SQLException e) {
            throw new Refused(zip + " does not hold a readable H2 database: " + e.getMessage());
        }
    }

    /** Exactly what BACKUP TO writes: one entry, the database file. */
    private static void checkEntries(Path zip) throws IOException {
        List<String> names;
        try (ZipFile file = new ZipFile(zip.toFile())) {
            names = Collections.list(file.entries()).stream().map(ZipEntry::getName).toList();
        } catch (java.util.zip.ZipException e) {
            throw new Refused(zip + " is not an airzone backup: not a zip file");
        }
        if (!names.equals(List.of(H2Backups.FILE_NAME))) {
            throw new Refused(zip + " is not an airzone backup: it should hold just " + H2Backups.FILE_NAME + ", it holds " + names);
        }
    }

    /**
     * The schema version, refusing a backup from a newer airzone: its migrations are unknown here, and
     * Flyway would refuse to start on it. An older one is fine; the next start migrates it.
     */
    private static String schemaVersion(String url, Path zip) {
        MigrationInfo[] applied = Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/h2gis")
                .load().info().applied();
        if (applied.length == 0) throw new Refused(zip + " holds an airzone database without any schema version");
        for (MigrationInfo m : applied) {
            if (m.getState() == MigrationState.FUTURE_SUCCESS) {
                throw new Refused(zip + " comes from a newer airzone (schema version " + applied[applied.length - 1].getVersion()
                        + "); restore it with that version");
            }
        }
        return applied[applied.length - 1].getVersion().toString();
    }

    private static Set<String> tables(Connection c) throws SQLException {
        Set<String> names = new HashSet<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'")) {
            while (rs.next()) names.add(rs.getString(1));
        }
        return names;
    }

    private static long count(Connection c, String from) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + from)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Path scratch(Path root) throws IOException {
        Files.createDirectories(root);
        return Files.createTempDirectory(root, ".airzone-check-");
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
