package airzone.http;

import airzone.RunningService;

class RulesApiPostgisTest extends RulesApiContract {
    @Override
    protected RunningService.Store store() {
        return RunningService.Store.POSTGIS;
    }
}
