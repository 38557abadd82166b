package airzone.web;

import airzone.RunningService;

/** The draw–save–412 path on PostGIS. */
class WorkbenchBrowserPostgisTest extends WorkbenchBrowserContract {
    @Override
    RunningService startService() {
        return RunningService.start(RunningService.Store.POSTGIS);
    }

    @Override
    String store() {
        return "postgis";
    }
}
