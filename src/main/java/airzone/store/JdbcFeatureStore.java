package airzone.store;

import airzone.auth.LoginFailures;
import airzone.auth.UserStore;
import airzone.layer.AuditEntry;
import airzone.layer.AuditLine;
import airzone.layer.Bbox;
import airzone.layer.Feature;
import airzone.layer.FeaturePage;
import airzone.layer.FeatureStore;
import airzone.layer.HistoryEntry;
import airzone.layer.JobRecords;
import airzone.layer.Revision;
import airzone.layer.Upserted;
import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import org.locationtech.jts.io.WKBWriter;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The SQL both stores share. H2GIS and PostGIS agree on ST_GeomFromWKB, ST_AsBinary, ST_MakeEnvelope
 * and the {@code &&} index operator, so geometry crosses JDBC as WKB in both and only the few
 * dialect differences ({@link Dialect}, connection set-up) live in the subclasses.
 * Reads never show soft-deleted features.
 */
public abstract class JdbcFeatureStore implements FeatureStore {

    private static final String COLUMNS = "id, properties, ST_AsBinary(geom) AS wkb, version";
    private static final String LIVE = " FROM features WHERE collection = ? AND NOT deleted";
    private static final String BBOX_FILTER =
            " AND geom && ST_MakeEnvelope(?, ?, ?, ?, 4326) AND ST_Intersects(geom, ST_MakeEnvelope(?, ?, ?, ?, 4326))";

    protected final Pool pool;
    private final Dialect dialect;
    private final FeatureWrites writes;
    private final HistoryReads history;
    private final JdbcUsers users;
    private final JdbcJobs jobs;
    private final JdbcLoginFailures loginFailures;

    protected JdbcFeatureStore(Pool pool) {
        this.pool = pool;
        this.dialect = pool.dialect();
        this.writes = new FeatureWrites(pool);
        this.history = new HistoryReads(pool);
        this.users = new JdbcUsers(pool);
        this.jobs = new JdbcJobs(pool);
        this.loginFailures = new JdbcLoginFailures(pool);
    }

    @Override
    public FeaturePage items(String collection, Bbox bbox, int limit, int offset) {
        String filter = bbox == null ? "" : BBOX_FILTER;
        return pool.read("reading " + collection, c -> {
            long matched;
            try (PreparedStatement count = c.prepareStatement("SELECT COUNT(*)" + LIVE + filter)) {
                bind(count, collection, bbox);
                try (ResultSet rs = count.executeQuery()) {
                    rs.next();
                    matched = rs.getLong(1);
                }
            }
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT " + COLUMNS + LIVE + filter + " ORDER BY id LIMIT ? OFFSET ?")) {
                int next = bind(select, collection, bbox);
                select.setInt(next, limit);
                select.setInt(next + 1, offset);
                return new FeaturePage(Jdbc.readFeatures(select), matched);
            }
        });
    }

    @Override
    public Optional<Feature> item(String collection, String id) {
        return pool.read("reading " + collection + "/" + id, c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + LIVE + " AND id = ?")) {
                select.setString(1, collection);
                select.setString(2, id);
                return Jdbc.readFeatures(select).stream().findFirst();
            }
        });
    }

    @Override
    public long count(String collection) {
        return queryLong("SELECT COUNT(*)" + LIVE, collection);
    }

    /** Over every row, deleted ones too: a soft delete takes a new version, like any write. */
    @Override
    public Revision revision(String collection) {
        return pool.read("reading the revision of " + collection, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT COUNT(*), COALESCE(MAX(version), 0) FROM features WHERE collection = ?")) {
                ps.setString(1, collection);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return new Revision(rs.getLong(1), rs.getLong(2));
                }
            }
        });
    }

    @Override
    public Optional<Bbox> extent(String collection) {
        return pool.read("measuring the extent of " + collection, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT MIN(ST_XMin(geom)), MIN(ST_YMin(geom)), "
                    + "MAX(ST_XMax(geom)), MAX(ST_YMax(geom))" + LIVE)) {
                ps.setString(1, collection);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getObject(1) == null) return Optional.empty();
                    return Optional.of(new Bbox(rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4)));
                }
            }
        });
    }

    @Override
    public boolean isEmpty() {
        return queryLong("SELECT COUNT(*) FROM features", null) == 0;
    }

    @Override
    public void insert(String collection, List<Feature> features, String user) {
        writes.seed(collection, features, user);
    }

    @Override
    public Feature create(String collection, Feature feature, String user) {
        return writes.create(collection, feature, user);
    }

    @Override
    public Feature update(String collection, String id, long expectedVersion, Feature next, String user) {
        return writes.update(collection, id, expectedVersion, next, user);
    }

    @Override
    public Feature delete(String collection, String id, long expectedVersion, String user) {
        return writes.delete(collection, id, expectedVersion, user);
    }

    @Override
    public Feature restore(String collection, String id, long fromVersion, String user) {
        return writes.restore(collection, id, fromVersion, user);
    }

    @Override
    public Upserted upsert(String collection, List<Feature> features, String user, String action) {
        return writes.upsert(collection, features, user, action);
    }

    @Override
    public List<HistoryEntry> history(String collection, String id) {
        return history.history(collection, id);
    }

    @Override
    public List<AuditEntry> audit(Instant since, int limit) {
        return history.audit(since, limit);
    }

    @Override
    public List<AuditEntry> auditAfter(long seq, int limit) {
        return history.auditAfter(seq, limit);
    }

    @Override
    public long newestAuditSeq() {
        return history.newestAuditSeq();
    }

    @Override
    public <T> T exclusively(String task, Supplier<T> work) {
        return pool.exclusively(task, work);
    }

    @Override
    public void onCommit(Runnable listener) {
        pool.onCommit(listener);
    }

    /** Reports the connection pool's state (HikariCP's own meters: active, idle, pending, acquire time) to {@code registry}. */
    public void meterPool(MeterRegistry registry) {
        pool.dataSource().setMetricRegistry(registry);
    }

    /** Users and sessions, in the same database as the features (the feature seam knows nothing of them). */
    public UserStore users() {
        return users;
    }

    /** The login throttle's counts, in the same database, so that a wait holds at every instance sharing it. */
    public LoginFailures loginFailures() {
        return loginFailures;
    }

    /** Background batch jobs and their results, in the same database, so that every instance sharing it knows them. */
    public JobRecords jobs() {
        return jobs;
    }

    @Override
    public void replaceDerived(Map<String, List<Feature>> byCollection) {
        pool.inTransaction("replacing derived features", c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM features WHERE collection = ? AND derived")) {
                for (String collection : byCollection.keySet()) {
                    delete.setString(1, collection);
                    delete.executeUpdate();
                }
            }
            for (Map.Entry<String, List<Feature>> e : byCollection.entrySet()) insertDerived(c, e.getKey(), e.getValue());
            return null;
        });
    }

    @Override
    public Optional<String> setting(String name) {
        return pool.read("reading setting " + name, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT content FROM settings WHERE name = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public void putSetting(String name, String json) {
        putSetting(name, json, null);
    }

    @Override
    public void putSetting(String name, String json, AuditLine audit) {
        pool.inTransaction("writing setting " + name, c -> {
            if (audit != null) AuditRows.insert(c, dialect, Jdbc.now(), audit);
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM settings WHERE name = ?");
                 PreparedStatement insert = c.prepareStatement(
                         "INSERT INTO settings (name, content) VALUES (?, " + dialect.jsonParameter() + ")")) {
                delete.setString(1, name);
                delete.executeUpdate();
                insert.setString(1, name);
                insert.setString(2, json);
                return insert.executeUpdate();
            }
        });
    }

    /** Derived features keep no history: the rules and their inputs, which do, make them again. */
    private void insertDerived(Connection c, String collection, List<Feature> features) throws SQLException {
        WKBWriter wkb = new WKBWriter(2);
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO features (collection, id, version, properties, geom, derived) VALUES (?, ?, "
                        + dialect.nextVersion() + ", " + dialect.jsonParameter() + ", ST_GeomFromWKB(?, 4326), TRUE)")) {
            for (Feature f : features) {
                insert.setString(1, collection);
                insert.setString(2, f.id());
                insert.setString(3, f.properties().toString());
                insert.setBytes(4, wkb.write(f.geometry()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    @Override
    public boolean ping() {
        try (Connection c = pool.dataSource().getConnection()) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        pool.dataSource().close();
    }

    private static int bind(PreparedStatement ps, String collection, Bbox bbox) throws SQLException {
        ps.setString(1, collection);
        if (bbox == null) return 2;
        double[] corners = {bbox.minLon(), bbox.minLat(), bbox.maxLon(), bbox.maxLat()};
        for (int i = 0; i < 8; i++) ps.setDouble(2 + i, corners[i % 4]);
        return 10;
    }

    private long queryLong(String sql, String parameter) {
        return pool.read("counting features", c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                if (parameter != null) ps.setString(1, parameter);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }
}
