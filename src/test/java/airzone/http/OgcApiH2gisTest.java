package airzone.http;

import airzone.RunningService;

class OgcApiH2gisTest extends OgcApiContract {
    @Override
    protected RunningService.Store store() {
        return RunningService.Store.H2GIS;
    }
}
