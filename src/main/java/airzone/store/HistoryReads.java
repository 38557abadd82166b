package airzone.store;

import airzone.geo.GeoJson;
import airzone.layer.AuditEntry;
import airzone.layer.HistoryEntry;
import org.locationtech.jts.io.WKBReader;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
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
        return pool.read("reading the audit trail", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT seq, at, username, action, collection, feature_id, version, detail "
                    + "FROM audit WHERE at >= ? ORDER BY seq LIMIT ?")) {
                ps.setObject(1, Jdbc.timestamp(since));
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
