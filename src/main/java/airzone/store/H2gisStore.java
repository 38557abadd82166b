package airzone.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.h2gis.functions.factory.H2GISFunctions;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The embedded default: an H2 file database with H2GIS functions under the data directory. */
public final class H2gisStore extends JdbcFeatureStore {

    private H2gisStore(HikariDataSource dataSource) {
        super(dataSource, Dialect.H2GIS);
    }

    public static H2gisStore open(Path dataDir) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(H2Backups.jdbcUrl(dataDir));
        config.setUsername("sa");
        config.setPassword("");
        config.setMaximumPoolSize(8);
        config.setPoolName("h2gis");
        HikariDataSource dataSource = null;
        try {
            dataSource = new HikariDataSource(config);
            // schema first: Flyway wants an empty schema, and H2GIS's loader adds tables of its own
            Migrations.apply(dataSource, "db/h2gis");
            loadSpatialFunctions(dataSource);
            return new H2gisStore(dataSource);
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
        return Jdbc.read(dataSource, "backing up the embedded store", c -> {
            H2Backups.backup(c, zip);
            return true;
        });
    }

    @Override
    public String kind() {
        return "h2gis";
    }
}
