package airzone;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The PostGIS the tests use, named by AIRZONE_TEST_PG_URL / _USER / _PASSWORD (scripts/test sets
 * them up). There is no silent skip: without PostGIS the PostGIS tests fail and say why.
 * Each caller gets its own schema, so test classes never see each other's rows.
 */
public final class TestDatabases {

    public record Postgis(String url, String user, String password, String schema) implements AutoCloseable {
        @Override
        public void close() {
            execute(baseUrl(), user, password, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    private TestDatabases() {
    }

    public static Postgis freshPostgis() {
        String url = baseUrl();
        String user = System.getenv("AIRZONE_TEST_PG_USER");
        String password = System.getenv("AIRZONE_TEST_PG_PASSWORD");
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute(url, user, password, "CREATE SCHEMA " + schema);
        String separator = url.contains("?") ? "&" : "?";
        // public stays on the path: the postgis extension (and its geometry type) lives there
        return new Postgis(url + separator + "currentSchema=" + schema + ",public", user, password, schema);
    }

    private static String baseUrl() {
        String url = System.getenv("AIRZONE_TEST_PG_URL");
        if (url == null || url.isBlank()) {
            throw new IllegalStateException("AIRZONE_TEST_PG_URL is not set: the PostGIS tests need a PostgreSQL "
                    + "database with the postgis extension. Run ./scripts/test, which sets one up (see README).");
        }
        return url;
    }

    private static void execute(String url, String user, String password, String sql) {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostGIS at " + url + " refused '" + sql + "': " + e.getMessage(), e);
        }
    }
}
