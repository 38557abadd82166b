package airzone.store;

import airzone.disk.DiskFull;
import airzone.disk.DiskSpace;
import airzone.layer.StoreException;
import com.zaxxer.hikari.HikariDataSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Predicate;

/**
 * A store's connection pool and the two ways work runs on it: a write as one transaction, a read on
 * a connection of its own. Database failures come out as {@link StoreException}, or as
 * {@link DiskFull} when a full disk was the reason.
 */
final class Pool {

    /** Work that meets a database that closed itself tries again on fresh connections for about a second. */
    private static final long RETRY_NANOS = 1_000_000_000L;
    private static final long RETRY_PAUSE_MILLIS = 50;

    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private final HikariDataSource dataSource;
    private final Dialect dialect;
    private final DiskSpace disk;
    private final Predicate<SQLException> databaseClosed;
    private volatile Runnable committed = () -> { };

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

    /** {@code listener} runs after every transaction this pool commits (H2's sync included); it must return at once. */
    void onCommit(Runnable listener) {
        committed = listener;
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
        try {
            Thread.sleep(RETRY_PAUSE_MILLIS);
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
