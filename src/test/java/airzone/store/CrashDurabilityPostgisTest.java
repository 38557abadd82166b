package airzone.store;

import airzone.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Path;
import java.util.Map;

/** PostGIS: the service process is killed, the database keeps running; what it acknowledged is committed. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrashDurabilityPostgisTest extends CrashDurabilityContract {

    private final TestDatabases.Postgis database = TestDatabases.freshPostgis();

    @Override
    Map<String, String> settings(Path dataDir) {
        return Map.of("AIRZONE_DB_URL", database.url(), "AIRZONE_DB_USER", database.user(),
                "AIRZONE_DB_PASSWORD", database.password());
    }

    @AfterAll
    void dropSchema() {
        database.close();
    }
}
