package airzone.web;

import airzone.RunningService;

/** The transfer tab's export–dry run–import round trip and the refused file, on PostGIS. */
class TransferBrowserPostgisTest extends TransferBrowserContract {

    @Override
    RunningService startService() {
        return RunningService.start(RunningService.Store.POSTGIS);
    }

    @Override
    String store() {
        return "postgis";
    }
}
