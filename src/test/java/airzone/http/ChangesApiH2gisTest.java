package airzone.http;

import airzone.RunningService;

class ChangesApiH2gisTest extends ChangesApiContract {
    @Override
    protected RunningService.Store store() {
        return RunningService.Store.H2GIS;
    }
}
