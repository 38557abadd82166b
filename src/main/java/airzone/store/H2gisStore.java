package airzone.store;

import airzone.disk.DiskSpace;
import airzone.layer.StoreException;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.h2gis.functions.factory.H2GISFunctions;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The embedded default: an H2 file database with H2GIS functions under the data directory. */
public final class H2gisStore extends JdbcFeatureStore {

    private H2gisStore(Pool pool) {
        super(pool);
    }

    /** @param minFreeBytes what must stay free on the data directory's filesystem for a write to start */
    public static H2gisStore open(Path dataDir, long minFreeBytes) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(H2Backups.jdbcUrl(dataDir));
        config.setUsername("sa");
        config.setPassword("");
        config.setMaximumPoolSize(8);
        config.setPoolName("h2gis");
        config.setExceptionOverrideClassName(H2Closed.class.getName());
        // an embedded database opens in a few seconds or cannot be opened now (a full disk it must write to):
        // answer 503 soon rather than hold the request for Hikari's default 30 s
        config.setConnectionTimeout(5_000);
        HikariDataSource dataSource = null;
        try {
            dataSource = new HikariDataSource(config);
            // schema first: Flyway wants an empty schema, and H2GIS's loader adds tables of its own
            Migrations.apply(dataSource, "db/h2gis");
            loadSpatialFunctions(dataSource);
            return new H2gisStore(new Pool(dataSource, Dialect.H2GIS, new DiskSpace(dataDir, minFreeBytes), H2Closed::databaseClosed));
        } catch (RuntimeException | SQLException e) {
            if (dataSource != null) dataSource.close();
            throw new StoreException("opening the H2GIS store in " + dataDir, e);
        }
    }

    /** H2GIS registers its ST_ functions inside the database file, once; later starts find them there. */
    private static void loadSpatialFunctions(HikariDataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection();
             ResultSet rs = c.getMetaData().getFunctions(null, null, "ST_ASBINARY")) {
            if (!rs.next()) H2GISFunctions.load(c);
        }
    }

    /** Synchronized: BACKUP TO stops H2 reusing file space while it copies, and a second one ending first would turn that back on. */
    @Override
    public synchronized boolean backupTo(Path zip) {
        return pool.read("backing up the embedded store", c -> {
            H2Backups.backup(c, zip);
            return true;
        });
    }

    @Override
    public String kind() {
        return "h2gis";
    }
}
