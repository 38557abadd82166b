package airzone.http;

import airzone.RunningService;

class ShapesApiH2gisTest extends ShapesApiContract {
    @Override
    protected RunningService.Store store() {
        return RunningService.Store.H2GIS;
    }
}
