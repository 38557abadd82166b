package airzone.http;

import airzone.RunningService;

class RulesApiH2gisTest extends RulesApiContract {
    @Override
    protected RunningService.Store store() {
        return RunningService.Store.H2GIS;
    }
}
