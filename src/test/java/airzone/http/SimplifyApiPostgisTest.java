package airzone.http;

import airzone.RunningService;

class SimplifyApiPostgisTest extends SimplifyApiContract {
    @Override
    protected RunningService.Store store() {
        return RunningService.Store.POSTGIS;
    }
}
