package airzone.store;

import airzone.TestDatabases;
import airzone.layer.FeatureStore;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PostgisStoreTest extends FeatureStoreContract {

    private TestDatabases.Postgis database;

    @Override
    protected FeatureStore openFreshStore() {
        database = TestDatabases.freshPostgis();
        return PostgisStore.open(database.url(), database.user(), database.password());
    }

    @Override
    protected void dropFreshStore() {
        database.close();
    }

    /** Instances on one database take turns: the lock is the database's, not the process's. */
    @Test
    void aSecondStoreOnTheSameDatabaseWaitsForTheTaskAndNotForAnother() throws Exception {
        try (FeatureStore first = PostgisStore.open(database.url(), database.user(), database.password());
             FeatureStore second = PostgisStore.open(database.url(), database.user(), database.password())) {
            assertThat(ranWhileHeld(first, "derived layers", second, "derived layers", 300)).isFalse();
            assertThat(ranWhileHeld(first, "derived layers", second, "seeding", 10_000)).isTrue();
        }
    }
}
