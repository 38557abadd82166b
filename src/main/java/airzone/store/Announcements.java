package airzone.store;

import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Hears PostgreSQL's announcement of every audit line any instance commits ({@code LISTEN} on the
 * channel the V4 migration's trigger notifies) and passes each on as a wake-up, so that readers of the
 * trail need not wait for their next poll to see another instance's write.
 * <p>
 * It listens on a connection of its own, outside the pool (a listening session is held for good). A
 * notification sent while that connection was down is lost, so each reconnect is passed on as a
 * wake-up too: the readers then read the trail from their own cursor and miss nothing. The
 * announcement only says that something committed; what it was, they read from the store.
 */
final class Announcements implements AutoCloseable {

    /** The application name of the listening session, by which an operator (or a test) finds it in pg_stat_activity. */
    static final String APPLICATION_NAME = "airzone-changes-listener";
    private static final int WAIT_MILLIS = 1_000;
    /**
     * How often a quiet session is asked a question: waiting for notifications reads nothing from the
     * socket, so a connection the network dropped without a reset would otherwise look quiet for ever.
     */
    private static final long CHECK_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final long RECONNECT_MILLIS = 1_000;
    private static final Logger LOG = LoggerFactory.getLogger(Announcements.class);

    private final String url;
    private final Properties login;
    private final Runnable heard;
    private final Thread listener = new Thread(this::run, "airzone-changes-listen");
    private volatile boolean running = true;

    /** @param heard runs on the listener's thread for each announcement and each reconnect; it must return at once */
    Announcements(String url, String user, String password, Runnable heard) {
        this.url = url;
        this.login = new Properties();
        if (user != null) login.setProperty("user", user);
        if (password != null) login.setProperty("password", password);
        login.setProperty("ApplicationName", APPLICATION_NAME);
        // the check above is answered within this, or the session is taken for lost
        login.setProperty("socketTimeout", "8");
        this.heard = heard;
        listener.setDaemon(true);
    }

    void start() {
        listener.start();
    }

    private void run() {
        boolean failing = false;
        while (running) {
            try (Connection c = DriverManager.getConnection(url, login)) {
                try (Statement listen = c.createStatement()) {
                    listen.execute("LISTEN " + channel(listen));
                }
                if (failing) LOG.info("changes of other instances: listening again");
                failing = false;
                heard.run(); // whatever committed while no one listened is read now, from the trail
                listen(c);
            } catch (SQLException e) {
                if (!running) return;
                if (!failing) LOG.warn("changes of other instances: not listening ({}); reconnecting, the trail is still polled", e.getMessage());
                failing = true;
            }
            pause();
        }
    }

    /**
     * The channel the trigger notifies for the schema this session's tables resolve to (the URL's
     * currentSchema, or the default), named by the migration's function: a plain identifier.
     */
    private static String channel(Statement s) throws SQLException {
        try (var rs = s.executeQuery("SELECT changes_channel(current_schema())")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private void listen(Connection c) throws SQLException {
        PGConnection pg = c.unwrap(PGConnection.class);
        long nextCheck = System.nanoTime() + CHECK_NANOS;
        while (running) {
            var notifications = pg.getNotifications(WAIT_MILLIS);
            if (notifications != null && notifications.length > 0) {
                heard.run();
            } else if (System.nanoTime() - nextCheck >= 0) {
                try (Statement check = c.createStatement()) {
                    check.execute("SELECT 1");
                }
                nextCheck = System.nanoTime() + CHECK_NANOS;
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(RECONNECT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops listening within one wait ({@value #WAIT_MILLIS} ms); the listener closes its own session. */
    @Override
    public void close() {
        running = false;
        listener.interrupt();
        try {
            listener.join(TimeUnit.SECONDS.toMillis(3));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
