package airzone.store;

import airzone.geo.GeoJson;
import airzone.layer.Bbox;
import airzone.layer.Feature;
import airzone.layer.FeaturePage;
import airzone.layer.FeatureStore;
import com.zaxxer.hikari.HikariDataSource;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SQL both stores share. H2GIS and PostGIS agree on ST_GeomFromWKB, ST_AsBinary, ST_MakeEnvelope
 * and the {@code &&} index operator, so geometry crosses JDBC as WKB in both and only the few
 * dialect differences (JSON parameters, connection set-up) live in the subclasses.
 */
abstract class JdbcFeatureStore implements FeatureStore {

    private static final String COLUMNS = "id, properties, ST_AsBinary(geom) AS wkb, version";
    private static final String BBOX_FILTER =
            " AND geom && ST_MakeEnvelope(?, ?, ?, ?, 4326) AND ST_Intersects(geom, ST_MakeEnvelope(?, ?, ?, ?, 4326))";

    protected final HikariDataSource dataSource;

    protected JdbcFeatureStore(HikariDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The placeholder that turns a JSON text parameter into the column's type. */
    protected abstract String jsonParameter();

    /** The expression that draws the next value of the feature_version sequence. */
    protected abstract String nextVersion();

    @Override
    public FeaturePage items(String collection, Bbox bbox, int limit, int offset) {
        String filter = bbox == null ? "" : BBOX_FILTER;
        try (Connection c = dataSource.getConnection()) {
            long matched;
            try (PreparedStatement count = c.prepareStatement(
                    "SELECT COUNT(*) FROM features WHERE collection = ?" + filter)) {
                bind(count, collection, bbox);
                try (ResultSet rs = count.executeQuery()) {
                    rs.next();
                    matched = rs.getLong(1);
                }
            }
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT " + COLUMNS + " FROM features WHERE collection = ?" + filter
                            + " ORDER BY id LIMIT ? OFFSET ?")) {
                int next = bind(select, collection, bbox);
                select.setInt(next, limit);
                select.setInt(next + 1, offset);
                return new FeaturePage(readAll(select), matched);
            }
        } catch (SQLException e) {
            throw new StoreException("reading " + collection, e);
        }
    }

    @Override
    public Optional<Feature> item(String collection, String id) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement(
                     "SELECT " + COLUMNS + " FROM features WHERE collection = ? AND id = ?")) {
            select.setString(1, collection);
            select.setString(2, id);
            return readAll(select).stream().findFirst();
        } catch (SQLException e) {
            throw new StoreException("reading " + collection + "/" + id, e);
        }
    }

    @Override
    public long count(String collection) {
        return queryLong("SELECT COUNT(*) FROM features WHERE collection = ?", collection);
    }

    @Override
    public Optional<Bbox> extent(String collection) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT MIN(ST_XMin(geom)), MIN(ST_YMin(geom)), "
                     + "MAX(ST_XMax(geom)), MAX(ST_YMax(geom)) FROM features WHERE collection = ?")) {
            ps.setString(1, collection);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (rs.getObject(1) == null) return Optional.empty();
                return Optional.of(new Bbox(rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4)));
            }
        } catch (SQLException e) {
            throw new StoreException("measuring the extent of " + collection, e);
        }
    }

    @Override
    public boolean isEmpty() {
        return queryLong("SELECT COUNT(*) FROM features", null) == 0;
    }

    @Override
    public void insert(String collection, List<Feature> features) {
        inTransaction("inserting into " + collection, c -> insertAll(c, collection, features, false));
    }

    @Override
    public void replaceDerived(Map<String, List<Feature>> byCollection) {
        inTransaction("replacing derived features", c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM features WHERE collection = ? AND derived")) {
                for (String collection : byCollection.keySet()) {
                    delete.setString(1, collection);
                    delete.executeUpdate();
                }
            }
            for (Map.Entry<String, List<Feature>> e : byCollection.entrySet()) insertAll(c, e.getKey(), e.getValue(), true);
        });
    }

    @Override
    public Optional<String> setting(String name) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT content FROM settings WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("reading setting " + name, e);
        }
    }

    @Override
    public void putSetting(String name, String json) {
        inTransaction("writing setting " + name, c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM settings WHERE name = ?");
                 PreparedStatement insert = c.prepareStatement(
                         "INSERT INTO settings (name, content) VALUES (?, " + jsonParameter() + ")")) {
                delete.setString(1, name);
                delete.executeUpdate();
                insert.setString(1, name);
                insert.setString(2, json);
                insert.executeUpdate();
            }
        });
    }

    private void insertAll(Connection c, String collection, List<Feature> features, boolean derived) throws SQLException {
        WKBWriter wkb = new WKBWriter(2);
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO features (collection, id, version, properties, geom, derived) VALUES (?, ?, "
                        + nextVersion() + ", " + jsonParameter() + ", ST_GeomFromWKB(?, 4326), ?)")) {
            for (Feature f : features) {
                insert.setString(1, collection);
                insert.setString(2, f.id());
                insert.setString(3, f.properties().toString());
                insert.setBytes(4, wkb.write(f.geometry()));
                insert.setBoolean(5, derived);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private interface Work {
        void run(Connection c) throws SQLException;
    }

    /** Runs {@code work} as one transaction: all of it is committed, or none. */
    private void inTransaction(String doing, Work work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                work.run(c);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException(doing, e);
        }
    }

    @Override
    public boolean ping() {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }

    private static int bind(PreparedStatement ps, String collection, Bbox bbox) throws SQLException {
        ps.setString(1, collection);
        if (bbox == null) return 2;
        double[] corners = {bbox.minLon(), bbox.minLat(), bbox.maxLon(), bbox.maxLat()};
        for (int i = 0; i < 8; i++) ps.setDouble(2 + i, corners[i % 4]);
        return 10;
    }

    private static List<Feature> readAll(PreparedStatement select) throws SQLException {
        WKBReader wkb = new WKBReader();
        List<Feature> features = new ArrayList<>();
        try (ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                try {
                    features.add(new Feature(
                            rs.getString("id"),
                            GeoJson.parseObject(rs.getString("properties")),
                            wkb.read(rs.getBytes("wkb")),
                            rs.getLong("version")));
                } catch (ParseException e) {
                    throw new SQLException("stored geometry of " + rs.getString("id") + " is not WKB", e);
                }
            }
        }
        return features;
    }

    private long queryLong(String sql, String parameter) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (parameter != null) ps.setString(1, parameter);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new StoreException("counting features", e);
        }
    }
}
