package airzone.http;

import airzone.RunningService;

class ScreeningApiH2gisTest extends ScreeningApiContract {
    @Override
    protected RunningService.Store store() {
        return RunningService.Store.H2GIS;
    }
}
