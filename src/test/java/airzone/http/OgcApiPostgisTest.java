package airzone.http;

import airzone.RunningService;

class OgcApiPostgisTest extends OgcApiContract {
    @Override
    protected RunningService.Store store() {
        return RunningService.Store.POSTGIS;
    }
}
