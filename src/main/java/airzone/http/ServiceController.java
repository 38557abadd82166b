package airzone.http;

import airzone.config.Config;
import airzone.disk.DiskSpace;
import airzone.layer.Catalog;
import airzone.layer.CollectionInfo;
import airzone.layer.FeatureStore;
import airzone.layer.SimplifiedViews;
import airzone.layer.StoreException;
import io.javalin.http.Context;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/** Service routes outside OGC: liveness and what the web page needs to know about this deployment. */
final class ServiceController {

    private final Config config;
    private final FeatureStore store;
    private final CountDownLatch ready;
    private final DiskSpace disk;

    ServiceController(Config config, FeatureStore store, CountDownLatch ready) {
        this.config = config;
        this.store = store;
        this.ready = ready;
        this.disk = new DiskSpace(config.dataDir(), config.minFreeDiskBytes());
    }

    void health(Context ctx) {
        Map<String, Object> body = new LinkedHashMap<>();
        boolean up = store.ping();
        Map<String, Long> counts = new LinkedHashMap<>();
        if (up) {
            try {
                for (CollectionInfo info : Catalog.all()) counts.put(info.id(), store.count(info.id()));
            } catch (StoreException e) {
                // the database went away between the ping and the counts: still this answer, not the error one
                up = false;
            }
        }
        body.put("status", up ? "ok" : "degraded");
        body.put("store", store.kind());
        body.put("database", up ? "up" : "down");
        // false while a first start seeds the store and computes the derived layers; the API waits for it
        body.put("ready", ready.getCount() == 0);
        if (up) body.put("collections", counts);
        body.put("disk", disk());
        ctx.status(up ? 200 : 503).json(body);
    }

    /**
     * The data directory's free space against the reserve: below it writes answer 507 while reads go on,
     * which is no reason for a load balancer to drop the instance, so it does not change the status.
     */
    private Map<String, Object> disk() {
        Map<String, Object> d = new LinkedHashMap<>();
        try {
            long free = disk.usableBytes();
            d.put("freeMb", free / (1024 * 1024));
            d.put("reserveMb", disk.reserveBytes() / (1024 * 1024));
            d.put("writable", free >= disk.reserveBytes());
        } catch (IOException e) {
            d.put("error", e.getMessage());
        }
        return d;
    }

    /**
     * Optional online base map; the page works without one (offline intranets). And the levels the
     * district and province layers come in (…/items?simplify=), so that the page asks for one that exists.
     */
    void webConfig(Context ctx) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("tileUrl", config.tileUrl());
        body.put("tileAttribution", config.tileAttribution());
        body.put("simplifyLevels", SimplifiedViews.LEVELS);
        ctx.json(body);
    }
}
