package airzone.store;

import airzone.geo.GeoJson;
import airzone.layer.AuditEntry;
import airzone.layer.HistoryEntry;
import org.locationtech.jts.io.WKBReader;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Reading the history of one feature and the audit trail of everything. */
final class HistoryReads {

    private final Pool pool;

    HistoryReads(Pool pool) {
        this.pool = pool;
    }

    /** Every version, newest first; empty when the feature never existed (or is derived, which keeps none). */
    List<HistoryEntry> history(String collection, String id) {
        return pool.read("reading the history of " + collection + "/" + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, version, action, username, changed_at, deleted, "
                    + "properties, ST_AsBinary(geom) AS wkb FROM feature_history WHERE collection = ? AND id = ? "
                    + "ORDER BY version DESC")) {
                ps.setString(1, collection);
                ps.setString(2, id);
                WKBReader wkb = new WKBReader();
                List<HistoryEntry> entries = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        entries.add(new HistoryEntry(rs.getLong("version"), rs.getString("action"), rs.getString("username"),
                                Jdbc.instant(rs, "changed_at"), rs.getBoolean("deleted"),
                                GeoJson.parseObject(rs.getString("properties")), Jdbc.geometry(wkb, rs)));
                    }
                }
                return entries;
            }
        });
    }

    /** Changes at or after {@code since}, oldest first, at most {@code limit}. */
    List<AuditEntry> audit(Instant since, int limit) {
        return entries("reading the audit trail", "at >= ?", ps -> ps.setObject(1, Jdbc.timestamp(since)), limit);
    }

    /** Lines after {@code seq}, in seq order, at most {@code limit} (the primary key makes this an index range). */
    List<AuditEntry> auditAfter(long seq, int limit) {
        return entries("reading the audit trail after line " + seq, "seq > ?", ps -> ps.setLong(1, seq), limit);
    }

    /** The seq of the last audit line written; 0 for none. */
    long newestAuditSeq() {
        return pool.read("reading the newest audit line", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT MAX(seq) FROM audit"); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private interface Bind {
        void to(PreparedStatement ps) throws SQLException;
    }

    private List<AuditEntry> entries(String doing, String condition, Bind bind, int limit) {
        return pool.read(doing, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT seq, at, username, action, collection, feature_id, version, detail "
                    + "FROM audit WHERE " + condition + " ORDER BY seq LIMIT ?")) {
                bind.to(ps);
                ps.setInt(2, limit);
                List<AuditEntry> entries = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long version = rs.getLong("version");
                        Long versionOrNull = rs.wasNull() ? null : version;
                        String detail = rs.getString("detail");
                        entries.add(new AuditEntry(rs.getLong("seq"), Jdbc.instant(rs, "at"), rs.getString("username"),
                                rs.getString("action"), rs.getString("collection"), rs.getString("feature_id"), versionOrNull,
                                detail == null ? null : GeoJson.parseObject(detail)));
                    }
                }
                return entries;
            }
        });
    }
}
