package airzone.http;

import airzone.RunningService;

class CollectionSchemaPostgisTest extends CollectionSchemaContract {
    @Override
    protected RunningService.Store store() {
        return RunningService.Store.POSTGIS;
    }
}
