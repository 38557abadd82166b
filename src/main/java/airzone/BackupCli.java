package airzone;

import airzone.config.Config;
import airzone.layer.StoreException;
import airzone.store.H2Backups;
import airzone.store.H2Restore;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;

/**
 * {@code java -jar airzone.jar backup FILE} and {@code restore FILE} for the embedded store, with the
 * service's AIRZONE_* settings. A backup works whether the service runs or not: while it runs it holds
 * the database file, so the command asks it over {@code http://127.0.0.1:<port>/api/backup} with an
 * admin's credentials (read like the users command reads passwords: terminal without echo, else one
 * {@code name:password} line on stdin — never argv, never the environment); otherwise it opens the file
 * itself. Either way the zip is checked before it takes the name FILE, so FILE is a whole backup or
 * untouched. A restore needs the service stopped. Exit 0 done, 2 refused (nothing changed), 1 failed.
 */
final class BackupCli {

    private static final String USAGE = String.join("\n",
            "usage: java -jar airzone.jar backup|restore FILE [--setting=value …]",
            "  backup FILE    write a backup zip of the embedded store (while the service runs too: an admin's",
            "                 name:password is read from the terminal or as one line on stdin)",
            "  restore FILE   replace the embedded store with a backup (stop the service first); the current",
            "                 database is kept as airzone.mv.db.before-restore-<time>");

    private BackupCli() {
    }

    static int run(Map<String, String> env, String[] args) {
        return run(env, args, new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), System.out, System.err);
    }

    /** @param args the command word (backup or restore), FILE, then settings */
    static int run(Map<String, String> env, String[] args, BufferedReader stdin, PrintStream out, PrintStream err) {
        String command = args[0];
        int settingsFrom = 1;
        while (settingsFrom < args.length && !args[settingsFrom].startsWith("--")) settingsFrom++;
        if (settingsFrom != 2) {
            err.println(USAGE);
            return 2;
        }
        try {
            Config config = Config.from(env, Arrays.copyOfRange(args, settingsFrom, args.length));
            if (config.usesPostgis()) {
                throw new Config.Invalid("AIRZONE_DB_URL names a PostGIS database: " + (command.equals("backup")
                        ? "back it up with pg_dump" : "restore it with pg_restore") + " (README, Backups)");
            }
            Path file = Path.of(args[1]).toAbsolutePath();
            out.println(command.equals("backup") ? backup(config, file, stdin) : restore(config, file));
            return 0;
        } catch (Config.Invalid | H2Restore.Refused e) {
            err.println("airzone " + command + ": " + e.getMessage());
            return 2;
        } catch (IOException | UncheckedIOException | StoreException e) {
            err.println("airzone " + command + ": " + e.getMessage());
            return 1;
        }
    }

    private static String backup(Config config, Path file, BufferedReader stdin) throws IOException {
        Path database = H2Backups.databaseFile(config.dataDir());
        if (!Files.exists(database)) throw new Config.Invalid("there is no embedded store at " + database + " (AIRZONE_DATA_DIR)");
        Path dir = file.getParent();
        if (!Files.isDirectory(dir)) throw new Config.Invalid("the directory " + dir + " does not exist");
        // the zip grows under a hidden name beside FILE and is renamed into place only once checked;
        // a temporary file is readable by its owner only, as a zip of password hashes should be
        Path part = Files.createTempFile(dir, "." + file.getFileName() + ".", ".part");
        try {
            boolean online = H2Backups.inUse(config.dataDir());
            if (online) {
                BackupDownload.fetch(config.port(), credentials(stdin), part);
            } else {
                H2Backups.backupClosed(config.dataDir(), part);
            }
            H2Restore.Contents contents = H2Restore.check(part, dir);
            long bytes = Files.size(part);
            Files.move(part, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return "backed up " + database + (online ? " through the running service" : " (service not running)")
                    + " to " + file + ": " + bytes + " bytes, " + contents.describe();
        } finally {
            Files.deleteIfExists(part);
        }
    }

    private static String restore(Config config, Path file) throws IOException {
        Path database = H2Backups.databaseFile(config.dataDir());
        if (H2Backups.inUse(config.dataDir())) throw new H2Restore.Refused(database + " is in use: stop the service first");
        H2Restore.Restored done = H2Restore.restore(config.dataDir(), file, Instant.now());
        return "restored " + file + " (" + done.contents().describe() + ") into " + done.database()
                + (done.keptAside() == null ? "; there was no database before" : "; the one it replaced is kept as " + done.keptAside())
                + "; the next start of the service opens it";
    }

    /** {@code name:password} of an admin: prompted for on a terminal, else the first line of stdin (cron: redirect a file). */
    private static String credentials(BufferedReader stdin) {
        Console console = System.console();
        if (console != null) {
            String name = console.readLine("the service is running; admin name: ");
            char[] password = console.readPassword("password: ");
            if (name == null || password == null) throw new Config.Invalid("no credentials given");
            return name.trim() + ":" + new String(password);
        }
        try {
            String line = stdin.readLine();
            if (line == null || line.indexOf(':') <= 0) {
                throw new Config.Invalid("the service is running, so the backup goes through it: give an admin's "
                        + "name:password as one line on standard input");
            }
            return line;
        } catch (IOException e) {
            throw new Config.Invalid("cannot read the credentials: " + e.getMessage());
        }
    }
}
