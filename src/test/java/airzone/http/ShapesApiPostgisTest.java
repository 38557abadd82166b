package airzone.http;

import airzone.RunningService;

class ShapesApiPostgisTest extends ShapesApiContract {
    @Override
    protected RunningService.Store store() {
        return RunningService.Store.POSTGIS;
    }
}
