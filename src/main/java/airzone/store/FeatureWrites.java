package airzone.store;

import airzone.layer.EditRefused;
import airzone.layer.EditRefused.Reason;
import airzone.layer.Feature;
import airzone.layer.Upserted;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBWriter;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Changes made by people (and the first seeding). Each one is a single transaction that writes the
 * feature, a copy of the new version into feature_history and a line into audit, so the three never
 * disagree. Concurrent editors are serialised by locking the feature's row (SELECT … FOR UPDATE)
 * before its version is compared: of two writers holding the same version, exactly one wins.
 */
final class FeatureWrites {

    private final Pool pool;
    private final Dialect dialect;

    FeatureWrites(Pool pool) {
        this.pool = pool;
        this.dialect = pool.dialect();
    }

    /** The seed: new features with history (action "seed") and one audit line for the lot. */
    void seed(String collection, List<Feature> features, String user) {
        pool.inTransaction("seeding " + collection, c -> {
            Instant at = Jdbc.now();
            for (Feature f : features) {
                if (current(c, collection, f.id()).isPresent()) {
                    throw new EditRefused(Reason.EXISTS, "feature '" + f.id() + "' already exists in " + collection);
                }
                long version = nextVersion(c);
                insertRow(c, collection, f, version);
                history(c, collection, f.id(), version, "seed", user, at, false, f.properties(), f.geometry());
            }
            AuditRows.insert(c, dialect, at, user, "seed", collection, null, null, "{\"count\":" + features.size() + "}");
            return null;
        });
    }

    Feature create(String collection, Feature f, String user) {
        return pool.inTransaction("creating " + collection + "/" + f.id(), c -> {
            if (current(c, collection, f.id()).isPresent()) {
                throw new EditRefused(Reason.EXISTS, "id '" + f.id() + "' is taken in " + collection
                        + " (perhaps by a deleted feature; an administrator can restore it)");
            }
            return write(c, collection, f, null, "create", user, Jdbc.now());
        });
    }

    Feature update(String collection, String id, long expectedVersion, Feature next, String user) {
        return pool.inTransaction("updating " + collection + "/" + id, c -> {
            Current now = live(c, collection, id);
            checkVersion(collection, id, now, expectedVersion);
            return write(c, collection, next, now, "update", user, Jdbc.now());
        });
    }

    /** Soft delete: the row stays with the flag set and a new version; history keeps every version. */
    Feature delete(String collection, String id, long expectedVersion, String user) {
        return pool.inTransaction("deleting " + collection + "/" + id, c -> {
            Current now = live(c, collection, id);
            checkVersion(collection, id, now, expectedVersion);
            Feature last = stored(c, collection, id);
            Instant at = Jdbc.now();
            long version = nextVersion(c);
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE features SET deleted = TRUE, version = ?, updated_at = ? WHERE collection = ? AND id = ?")) {
                ps.setLong(1, version);
                ps.setObject(2, Jdbc.timestamp(at));
                ps.setString(3, collection);
                ps.setString(4, id);
                ps.executeUpdate();
            }
            history(c, collection, id, version, "delete", user, at, true, last.properties(), last.geometry());
            AuditRows.insert(c, dialect, at, user, "delete", collection, id, version, null);
            return new Feature(id, last.properties(), last.geometry(), version);
        });
    }

    /** Makes an old version (of a live or deleted feature) the current one again, as a new version. */
    Feature restore(String collection, String id, long fromVersion, String user) {
        return pool.inTransaction("restoring " + collection + "/" + id, c -> {
            Current now = current(c, collection, id)
                    .orElseThrow(() -> new EditRefused(Reason.NOT_FOUND, "no feature '" + id + "' in " + collection));
            if (now.derived()) throw derived(collection, id);
            Feature old = historyVersion(c, collection, id, fromVersion);
            Feature restored = write(c, collection, old, now, "restore", user, Jdbc.now());
            return restored;
        });
    }

    /** Creates new ids and updates existing ones (live or deleted) in one transaction. */
    Upserted upsert(String collection, List<Feature> features, String user, String action) {
        return pool.inTransaction(action + " into " + collection, c -> {
            Instant at = Jdbc.now();
            List<Feature> stored = new ArrayList<>();
            int created = 0;
            for (Feature f : features) {
                Optional<Current> now = current(c, collection, f.id());
                if (now.isPresent() && now.get().derived()) throw derived(collection, f.id());
                if (now.isEmpty()) created++;
                stored.add(write(c, collection, f, now.orElse(null), action, user, at));
            }
            return new Upserted(stored, created, features.size() - created);
        });
    }

    private record Current(long version, boolean deleted, boolean derived) {
    }

    /** The row's state, locked until the transaction ends. */
    private Optional<Current> current(Connection c, String collection, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT version, deleted, derived FROM features WHERE collection = ? AND id = ? FOR UPDATE")) {
            ps.setString(1, collection);
            ps.setString(2, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Current(rs.getLong(1), rs.getBoolean(2), rs.getBoolean(3))) : Optional.empty();
            }
        }
    }

    private Current live(Connection c, String collection, String id) throws SQLException {
        Current now = current(c, collection, id)
                .filter(cur -> !cur.deleted())
                .orElseThrow(() -> new EditRefused(Reason.NOT_FOUND, "no feature '" + id + "' in " + collection));
        if (now.derived()) throw derived(collection, id);
        return now;
    }

    private static EditRefused derived(String collection, String id) {
        return new EditRefused(Reason.DERIVED, collection + "/" + id
                + " is computed from the rules; change the rule parameters (PUT /api/rules) or its inputs instead");
    }

    private static void checkVersion(String collection, String id, Current now, long expected) {
        if (now.version() != expected) {
            throw new EditRefused(Reason.STALE, collection + "/" + id + " was changed by someone else: it is at version "
                    + now.version() + ", your copy is version " + expected + "; reload it and apply your change again");
        }
    }

    /** Writes {@code f} as the new current version (insert when {@code now} is null), with history and audit. */
    private Feature write(Connection c, String collection, Feature f, Current now, String action, String user, Instant at)
            throws SQLException {
        long version = nextVersion(c);
        if (now == null) {
            insertRow(c, collection, f, version);
        } else {
            try (PreparedStatement ps = c.prepareStatement("UPDATE features SET version = ?, properties = "
                    + dialect.jsonParameter() + ", geom = ST_GeomFromWKB(?, 4326), deleted = FALSE, updated_at = ? "
                    + "WHERE collection = ? AND id = ?")) {
                ps.setLong(1, version);
                ps.setString(2, f.properties().toString());
                ps.setBytes(3, wkb(f.geometry()));
                ps.setObject(4, Jdbc.timestamp(at));
                ps.setString(5, collection);
                ps.setString(6, f.id());
                ps.executeUpdate();
            }
        }
        history(c, collection, f.id(), version, action, user, at, false, f.properties(), f.geometry());
        AuditRows.insert(c, dialect, at, user, action, collection, f.id(), version, null);
        return new Feature(f.id(), f.properties(), f.geometry(), version);
    }

    private void insertRow(Connection c, String collection, Feature f, long version) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO features (collection, id, version, properties, geom) "
                + "VALUES (?, ?, ?, " + dialect.jsonParameter() + ", ST_GeomFromWKB(?, 4326))")) {
            ps.setString(1, collection);
            ps.setString(2, f.id());
            ps.setLong(3, version);
            ps.setString(4, f.properties().toString());
            ps.setBytes(5, wkb(f.geometry()));
            ps.executeUpdate();
        }
    }

    private long nextVersion(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + dialect.nextVersion());
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private Feature stored(Connection c, String collection, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, properties, ST_AsBinary(geom) AS wkb, version "
                + "FROM features WHERE collection = ? AND id = ?")) {
            ps.setString(1, collection);
            ps.setString(2, id);
            return Jdbc.readFeatures(ps).get(0);
        }
    }

    private Feature historyVersion(Connection c, String collection, String id, long version) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, properties, ST_AsBinary(geom) AS wkb, version "
                + "FROM feature_history WHERE collection = ? AND id = ? AND version = ?")) {
            ps.setString(1, collection);
            ps.setString(2, id);
            ps.setLong(3, version);
            List<Feature> found = Jdbc.readFeatures(ps);
            if (found.isEmpty()) {
                throw new EditRefused(Reason.NOT_FOUND, collection + "/" + id + " has no version " + version
                        + "; GET /api/history/" + collection + "/" + id + " lists them");
            }
            return found.get(0);
        }
    }

    private void history(Connection c, String collection, String id, long version, String action, String user,
                         Instant at, boolean deleted, ObjectNode properties, Geometry geometry) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO feature_history "
                + "(collection, id, version, action, username, changed_at, deleted, properties, geom) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, " + dialect.jsonParameter() + ", ST_GeomFromWKB(?, 4326))")) {
            ps.setString(1, collection);
            ps.setString(2, id);
            ps.setLong(3, version);
            ps.setString(4, action);
            ps.setString(5, user);
            ps.setObject(6, Jdbc.timestamp(at));
            ps.setBoolean(7, deleted);
            ps.setString(8, properties.toString());
            ps.setBytes(9, wkb(geometry));
            ps.executeUpdate();
        }
    }

    private static byte[] wkb(Geometry g) {
        return new WKBWriter(2).write(g);
    }
}
