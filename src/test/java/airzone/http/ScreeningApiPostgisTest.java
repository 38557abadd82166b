package airzone.http;

import airzone.RunningService;

class ScreeningApiPostgisTest extends ScreeningApiContract {
    @Override
    protected RunningService.Store store() {
        return RunningService.Store.POSTGIS;
    }
}
