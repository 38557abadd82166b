package airzone.rules;

import airzone.RunningService;

class BorderBufferOracleH2gisTest extends BorderBufferOracleContract {
    @Override
    public RunningService.Store store() {
        return RunningService.Store.H2GIS;
    }
}
