package airzone.rules;

import airzone.RunningService;

class HeatingRadiusOracleH2gisTest extends HeatingRadiusOracleContract {
    @Override
    public RunningService.Store store() {
        return RunningService.Store.H2GIS;
    }
}
