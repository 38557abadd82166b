package airzone.http;

import airzone.auth.Role;
import airzone.auth.User;
import airzone.disk.WorkDir;
import airzone.layer.FeatureStore;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * {@code POST /api/backup} (admin): the whole embedded database as H2's consistent online backup
 * zip, taken while the service keeps serving — what {@code airzone backup} calls when the service
 * holds the database file. An admin only: the zip holds every user's password hash. The zip is
 * written under {@code <data dir>/tmp}, sent with its length, and deleted in every case.
 */
final class BackupController {

    private static final Logger LOG = LoggerFactory.getLogger(BackupController.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final FeatureStore store;
    private final Path workRoot;
    private final Clock clock = Clock.systemUTC();

    BackupController(FeatureStore store, Path workRoot) {
        this.store = store;
        this.workRoot = workRoot;
    }

    void backup(Context ctx) {
        User admin = Access.require(ctx, Role.ADMIN);
        long started = System.nanoTime();
        try (WorkDir dir = WorkDir.create(workRoot, "backup-")) {
            Path zip = dir.path().resolve("airzone.zip");
            if (!store.backupTo(zip)) {
                throw ApiError.notImplemented("the " + store.kind() + " store is backed up with pg_dump and restored with "
                        + "pg_restore; see Backups in the README");
            }
            ctx.status(200).contentType("application/zip");
            ctx.header("Content-Disposition", "attachment; filename=\"airzone-backup-" + STAMP.format(clock.instant()) + "Z.zip\"");
            ctx.header("Content-Length", Long.toString(Files.size(zip)));
            try (OutputStream out = ctx.outputStream()) {
                Files.copy(zip, out);
            }
            LOG.info("backup of {} bytes for {} in {} ms", Files.size(zip), admin.name(), (System.nanoTime() - started) / 1_000_000);
        } catch (IOException e) {
            throw new UncheckedIOException("sending the backup failed", e);
        }
    }
}
