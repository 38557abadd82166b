package airzone.rules;

import airzone.RunningService;

class BorderBufferOraclePostgisTest extends BorderBufferOracleContract {
    @Override
    public RunningService.Store store() {
        return RunningService.Store.POSTGIS;
    }
}
