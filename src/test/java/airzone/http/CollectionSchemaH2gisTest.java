package airzone.http;

import airzone.RunningService;

class CollectionSchemaH2gisTest extends CollectionSchemaContract {
    @Override
    protected RunningService.Store store() {
        return RunningService.Store.H2GIS;
    }
}
