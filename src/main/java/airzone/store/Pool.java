package airzone.store;

import airzone.disk.DiskFull;
import airzone.disk.DiskSpace;
import airzone.layer.StoreException;
import com.zaxxer.hikari.HikariDataSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A store's connection pool and the two ways work runs on it: a write as one transaction, a read on
 * a connection of its own. Database failures come out as {@link StoreException}, or as
 * {@link DiskFull} when a full disk was the reason.
 */
final class Pool {

    /** Work that meets a database that closed itself tries again on fresh connections for about a second. */
    private static final long RETRY_NANOS = 1_000_000_000L;
    private static final long RETRY_PAUSE_MILLIS = 50;
    /** The first key of every advisory lock the service takes ("azon"), so that other users of the database can tell them apart. */
    private static final int LOCK_NAMESPACE = 0x617a6f6e;
    private static final long LOCK_RETRY_MILLIS = 100;
    /** Longer than any derived-layer computation on a busy machine (about 5 s here). */
    private static final long LOCK_WAIT_SECONDS = 120;

    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private final HikariDataSource dataSource;
    private final Dialect dialect;
    private final DiskSpace disk;
    private final Predicate<SQLException> databaseClosed;
    private volatile Runnable committed = () -> { };
    private final Map<String, Object> localLocks = new ConcurrentHashMap<>();

    /**
     * @param disk           the reserve kept on the database's own filesystem, checked before every write;
     *                       null where that disk is another machine's (PostGIS)
     * @param databaseClosed true for a failure after which the database is closed under every connection
     *                       of the pool, so all of them are dropped and fresh ones reopen it
     */
    Pool(HikariDataSource dataSource, Dialect dialect, DiskSpace disk, Predicate<SQLException> databaseClosed) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.disk = disk;
        this.databaseClosed = databaseClosed;
    }

    /**
     * {@code listener} runs after every transaction this pool commits (H2's sync included), and for every
     * commit of another instance the store hears of ({@link #heardCommit}); it must return at once.
     */
    void onCommit(Runnable listener) {
        committed = listener;
    }

    /** Another instance sharing the database committed (or may have, while no one listened). */
    void heardCommit() {
        committed.run();
    }

    Dialect dialect() {
        return dialect;
    }

    HikariDataSource dataSource() {
        return dataSource;
    }

    /**
     * Runs {@code work} as one transaction: all of it is committed, or none. It returns only once the
     * commit is on disk, so an answer sent after it holds. With less than the reserve free on the
     * database's disk it is refused before a connection is taken. Meeting a closed database before
     * its commit, it runs again on the reopened one: until then nothing of it happened.
     */
    <T> T inTransaction(String doing, Work<T> work) {
        long giveUp = System.nanoTime() + RETRY_NANOS;
        while (true) {
            if (disk != null) disk.require(doing);
            boolean committing = false;
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                try {
                    T result = work.run(c);
                    committing = true;
                    c.commit();
                    if (dialect.syncAfterCommit() != null) {
                        try (Statement sync = c.createStatement()) {
                            sync.execute(dialect.syncAfterCommit());
                        }
                    }
                    committed.run();
                    return result;
                } catch (SQLException | RuntimeException e) {
                    rollbackQuietly(c);
                    throw e;
                } finally {
                    resetQuietly(c);
                }
            } catch (SQLException e) {
                RuntimeException failure = failed(doing, e);
                // from the commit on (H2's sync included) the write may or may not be on disk: never run it twice
                if (committing || !databaseClosed.test(e) || System.nanoTime() > giveUp) throw failure;
            }
            pause();
        }
    }

    /**
     * Runs {@code work} holding the lock named {@code task}: on PostgreSQL an advisory lock on a connection
     * kept for it (asked for again every {@value #LOCK_RETRY_MILLIS} ms rather than waited for in one
     * statement, which the socket timeout would cut), in an embedded database a lock in this process.
     * @throws StoreException when another holder keeps it longer than {@value #LOCK_WAIT_SECONDS} s
     */
    <T> T exclusively(String task, Supplier<T> work) {
        if (dialect.tryLock() == null) {
            synchronized (localLocks.computeIfAbsent(task, t -> new Object())) {
                return work.get();
            }
        }
        int key = task.hashCode();
        String doing = "holding the lock on " + task;
        Connection c;
        try {
            c = dataSource.getConnection();
        } catch (SQLException e) {
            throw failed(doing, e);
        }
        try (c) {
            long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(LOCK_WAIT_SECONDS);
            while (!lockStatement(c, dialect.tryLock(), key)) {
                if (System.nanoTime() > giveUp) {
                    throw new StoreException(doing + ": another instance has held it for over " + LOCK_WAIT_SECONDS + " s", null);
                }
                pause(LOCK_RETRY_MILLIS);
            }
            try {
                return work.get();
            } finally {
                try {
                    lockStatement(c, dialect.unlock(), key);
                } catch (SQLException e) {
                    // a session that keeps the lock must not go back to the pool; the server frees it with the session
                    dataSource.evictConnection(c);
                }
            }
        } catch (SQLException e) {
            throw failed(doing, e);
        }
    }

    private static boolean lockStatement(Connection c, String sql, int key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, LOCK_NAMESPACE);
            ps.setInt(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    /** Runs {@code work} without a transaction; a read is safe to repeat once the database is reopened. */
    <T> T read(String doing, Work<T> work) {
        long giveUp = System.nanoTime() + RETRY_NANOS;
        while (true) {
            try (Connection c = dataSource.getConnection()) {
                return work.run(c);
            } catch (SQLException e) {
                RuntimeException failure = failed(doing, e);
                if (!databaseClosed.test(e) || System.nanoTime() > giveUp) throw failure;
            }
            pause();
        }
    }

    private RuntimeException failed(String doing, SQLException e) {
        if (databaseClosed.test(e)) {
            // H2 reopens a closed database only once every session on it is gone: drop the idle connections
            // now and the busy ones when they come back
            dataSource.getHikariPoolMXBean().softEvictConnections();
        }
        if (DiskFull.causedBy(e)) {
            return disk != null ? disk.ranOut(doing, "the database", e)
                    : new DiskFull("the database server ran out of disk space (PostgreSQL disk_full, SQLState 53100) while " + doing
                    + "; the transaction was rolled back and nothing was written. Free space on the database server and try again; "
                    + "the service picks it up without a restart.", e);
        }
        return new StoreException(doing, e);
    }

    private static void pause() {
        pause(RETRY_PAUSE_MILLIS);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // when the connection itself is gone these fail too; the original failure is the one worth reporting
    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the transaction dies with the connection
        }
    }

    private static void resetQuietly(Connection c) {
        try {
            c.setAutoCommit(true);
        } catch (SQLException ignored) {
            // the pool discards a broken connection on its own
        }
    }
}
