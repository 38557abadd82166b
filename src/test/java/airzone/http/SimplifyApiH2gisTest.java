package airzone.http;

import airzone.RunningService;

class SimplifyApiH2gisTest extends SimplifyApiContract {
    @Override
    protected RunningService.Store store() {
        return RunningService.Store.H2GIS;
    }
}
