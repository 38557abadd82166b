package airzone.http;

import airzone.RunningService;

class EditApiH2gisTest extends EditApiContract {
    @Override
    protected RunningService.Store store() {
        return RunningService.Store.H2GIS;
    }
}
