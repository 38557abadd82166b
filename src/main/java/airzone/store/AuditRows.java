package airzone.store;

import airzone.layer.AuditLine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;

/** Writing audit lines, always inside the transaction of the change they record. */
final class AuditRows {

    private AuditRows() {
    }

    static void insert(Connection c, Dialect dialect, Instant at, AuditLine line) throws SQLException {
        insert(c, dialect, at, line.user(), line.action(), null, null, null, line.detailJson());
    }

    static void insert(Connection c, Dialect dialect, Instant at, String user, String action, String collection,
                       String featureId, Long version, String detailJson) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit (at, username, action, collection, feature_id, version, detail) "
                + "VALUES (?, ?, ?, ?, ?, ?, " + dialect.jsonParameter() + ")")) {
            ps.setObject(1, Jdbc.timestamp(at));
            ps.setString(2, user);
            ps.setString(3, action);
            ps.setString(4, collection);
            ps.setString(5, featureId);
            if (version == null) ps.setNull(6, java.sql.Types.BIGINT);
            else ps.setLong(6, version);
            ps.setString(7, detailJson);
            ps.executeUpdate();
        }
    }
}
