package airzone.http;

import airzone.RunningService;

class HostileInputPostgisTest extends HostileInputContract {
    @Override
    protected RunningService.Store store() {
        return RunningService.Store.POSTGIS;
    }
}
