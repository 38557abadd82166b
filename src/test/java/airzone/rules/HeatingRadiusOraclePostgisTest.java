package airzone.rules;

import airzone.RunningService;

class HeatingRadiusOraclePostgisTest extends HeatingRadiusOracleContract {
    @Override
    public RunningService.Store store() {
        return RunningService.Store.POSTGIS;
    }
}
