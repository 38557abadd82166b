package airzone.store;

import airzone.geo.GeoJson;
import airzone.layer.Feature;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** JDBC plumbing the store classes share: transactions, reading features, timestamps. */
final class Jdbc {

    private Jdbc() {
    }

    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /**
     * Runs {@code work} as one transaction: all of it is committed, or none; database failures become
     * {@link StoreException}. It returns only once the commit is on disk, so an answer sent after it holds.
     */
    static <T> T inTransaction(DataSource dataSource, Dialect dialect, String doing, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                if (dialect.syncAfterCommit() != null) {
                    try (Statement sync = c.createStatement()) {
                        sync.execute(dialect.syncAfterCommit());
                    }
                }
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c);
                throw e;
            } finally {
                resetQuietly(c);
            }
        } catch (SQLException e) {
            throw new StoreException(doing, e);
        }
    }

    /** Runs {@code work} on a connection of its own without a transaction (reads). */
    static <T> T read(DataSource dataSource, String doing, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new StoreException(doing, e);
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

    /** Rows with columns id, properties, wkb, version as features. */
    static List<Feature> readFeatures(PreparedStatement select) throws SQLException {
        WKBReader wkb = new WKBReader();
        List<Feature> features = new ArrayList<>();
        try (ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                features.add(new Feature(rs.getString("id"), GeoJson.parseObject(rs.getString("properties")),
                        geometry(wkb, rs), rs.getLong("version")));
            }
        }
        return features;
    }

    static org.locationtech.jts.geom.Geometry geometry(WKBReader wkb, ResultSet rs) throws SQLException {
        try {
            return wkb.read(rs.getBytes("wkb"));
        } catch (ParseException e) {
            throw new SQLException("stored geometry of " + rs.getString("id") + " is not WKB", e);
        }
    }

    /** Both drivers take and give timestamptz as OffsetDateTime; microseconds is what PostgreSQL keeps. */
    static OffsetDateTime timestamp(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
