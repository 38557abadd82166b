package airzone.http;

import airzone.RunningService;

class EditApiPostgisTest extends EditApiContract {
    @Override
    protected RunningService.Store store() {
        return RunningService.Store.POSTGIS;
    }
}
