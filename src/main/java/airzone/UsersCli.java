package airzone;

import airzone.auth.Account;
import airzone.auth.AccountProblem;
import airzone.auth.Role;
import airzone.auth.Users;
import airzone.config.Config;
import airzone.disk.DiskFull;
import airzone.layer.StoreException;
import airzone.store.JdbcFeatureStore;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;

/**
 * {@code java -jar airzone.jar users add|passwd|list|disable|enable …}: user management against the
 * configured store (same AIRZONE_* settings as the service). Passwords are read from the terminal
 * without echo, or as the first line of standard input when piped — never from the command line,
 * where other users of the machine could read them. The embedded H2 file is locked while the service
 * runs; with it, stop the service first or use the admin API (/api/users).
 */
final class UsersCli {

    private static final String USAGE = String.join("\n",
            "usage: java -jar airzone.jar users <command> [--setting=value …]",
            "  add NAME ROLE      add a user (ROLE: viewer, planner or admin); password from the terminal or stdin",
            "  passwd NAME        set a new password",
            "  list               list users",
            "  disable NAME       stop a user from signing in (their history stays)",
            "  enable NAME        let a disabled user sign in again");
    private static final String ACTOR = "cli";

    private UsersCli() {
    }

    static int run(Map<String, String> env, String[] args) {
        return run(env, args, new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), System.out, System.err);
    }

    static int run(Map<String, String> env, String[] args, BufferedReader stdin, PrintStream out, PrintStream err) {
        int settingsFrom = 0;
        while (settingsFrom < args.length && !args[settingsFrom].startsWith("--")) settingsFrom++;
        String[] words = Arrays.copyOfRange(args, 0, settingsFrom);
        if (words.length == 0) {
            err.println(USAGE);
            return 2;
        }
        try (JdbcFeatureStore store = App.openStore(Config.from(env, Arrays.copyOfRange(args, settingsFrom, args.length)))) {
            Users users = new Users(store.users(), Clock.systemUTC());
            switch (words[0]) {
                case "add" -> {
                    need(words, 3);
                    Role role = Role.parse(words[2]).orElseThrow(() -> new Config.Invalid("ROLE must be viewer, planner or admin, got '" + words[2] + "'"));
                    users.add(words[1], password(stdin, out), role, ACTOR);
                    out.println("added " + words[1] + " (" + role.id() + ")");
                }
                case "passwd" -> {
                    need(words, 2);
                    users.setPassword(words[1], password(stdin, out), ACTOR);
                    out.println("password of " + words[1] + " changed; their sessions are ended");
                }
                case "disable", "enable" -> {
                    need(words, 2);
                    users.setDisabled(words[1], words[0].equals("disable"), ACTOR);
                    out.println(words[1] + " " + words[0] + "d");
                }
                case "list" -> {
                    out.printf("%-24s %-8s %-9s %s%n", "NAME", "ROLE", "DISABLED", "CREATED");
                    for (Account a : users.list()) {
                        out.printf("%-24s %-8s %-9s %s%n", a.name(), a.role().id(), a.disabled() ? "yes" : "no", a.createdAt());
                    }
                }
                default -> throw new Config.Invalid("unknown command '" + words[0] + "'\n" + USAGE);
            }
            return 0;
        } catch (Config.Invalid | AccountProblem e) {
            err.println("airzone users: " + e.getMessage());
            return 2;
        } catch (StoreException | DiskFull e) {
            err.println("airzone users: " + e.getMessage());
            return 1;
        }
    }

    private static void need(String[] words, int count) {
        if (words.length != count) throw new Config.Invalid("'" + words[0] + "' takes " + (count - 1) + " argument(s)\n" + USAGE);
    }

    private static String password(BufferedReader stdin, PrintStream out) {
        Console console = System.console();
        if (console != null) {
            char[] first = console.readPassword("password: ");
            char[] second = console.readPassword("again: ");
            if (first == null || !Arrays.equals(first, second)) throw new Config.Invalid("the passwords differ");
            return new String(first);
        }
        try {
            String line = stdin.readLine();
            if (line == null) throw new Config.Invalid("no password on standard input");
            return line;
        } catch (IOException e) {
            throw new Config.Invalid("cannot read the password: " + e.getMessage());
        }
    }
}
