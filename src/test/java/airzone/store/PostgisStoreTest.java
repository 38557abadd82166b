package airzone.store;

import airzone.TestDatabases;
import airzone.layer.FeatureStore;

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
}
