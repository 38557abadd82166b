package airzone.store;

import airzone.layer.StoreException;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import java.nio.file.Path;

/**
 * The production store: PostgreSQL with PostGIS, schema by Flyway, GiST index on geometry. It hears the
 * commits of other instances sharing the database ({@link Announcements}) and tells {@link #onCommit}.
 */
public final class PostgisStore extends JdbcFeatureStore {

    private final Announcements announcements;

    private PostgisStore(HikariDataSource dataSource, String url, String user, String password) {
        // the database's disk is the server's, which this service cannot measure: a full one comes back as
        // disk_full (53100) from the write itself, and PostgreSQL stays up and readable through it
        super(new Pool(dataSource, Dialect.POSTGIS, null, e -> false));
        this.announcements = new Announcements(url, user, password, pool::heardCommit);
        announcements.start();
    }

    public static PostgisStore open(String url, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(10);
        config.setPoolName("postgis");
        // fail fast when the database is away instead of queueing requests behind a dead pool
        config.setConnectionTimeout(5_000);
        // a statement whose answer never comes (database frozen, network cut: no reset arrives, so the
        // socket would wait for ever) fails after this many seconds instead of holding its request and its
        // connection; far above any statement the service runs. socketTimeout=… in AIRZONE_DB_URL wins.
        config.addDataSourceProperty("socketTimeout", "8");
        // a commit returns only once its WAL is flushed, even where the server's default is off (see Dialect)
        config.setConnectionInitSql("SET synchronous_commit TO on");
        HikariDataSource dataSource;
        try {
            dataSource = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StoreException("connecting to " + url, e);
        }
        try {
            Migrations.apply(dataSource, "db/postgis");
            return new PostgisStore(dataSource, url, user, password);
        } catch (RuntimeException e) {
            dataSource.close();
            throw new StoreException("migrating " + url, e);
        }
    }

    /** PostgreSQL's own pg_dump does it better than the service could (README, Backups). */
    @Override
    public boolean backupTo(Path zip) {
        return false;
    }

    @Override
    public void close() {
        announcements.close();
        super.close();
    }

    @Override
    public String kind() {
        return "postgis";
    }
}
