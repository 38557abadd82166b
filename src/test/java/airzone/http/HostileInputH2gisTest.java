package airzone.http;

import airzone.RunningService;

class HostileInputH2gisTest extends HostileInputContract {
    @Override
    protected RunningService.Store store() {
        return RunningService.Store.H2GIS;
    }
}
