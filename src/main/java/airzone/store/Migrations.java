package airzone.store;

import org.flywaydb.core.Flyway;

import javax.sql.DataSource;

/** Schema versions for both stores, by Flyway, each dialect from its own classpath folder. */
final class Migrations {

    private Migrations() {
    }

    static void apply(DataSource dataSource, String location) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:" + location)
                .load()
                .migrate();
    }
}
