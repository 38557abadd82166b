package airzone.http;

import airzone.Config;
import airzone.layer.Catalog;
import airzone.layer.CollectionInfo;
import airzone.layer.FeatureStore;
import airzone.store.StoreException;
import io.javalin.http.Context;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/** Service routes outside OGC: liveness and what the web page needs to know about this deployment. */
final class ServiceController {

    private final Config config;
    private final FeatureStore store;
    private final CountDownLatch ready;

    ServiceController(Config config, FeatureStore store, CountDownLatch ready) {
        this.config = config;
        this.store = store;
        this.ready = ready;
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
        ctx.status(up ? 200 : 503).json(body);
    }

    /** Optional online base map; the page works without one (offline intranets). */
    void webConfig(Context ctx) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("tileUrl", config.tileUrl());
        body.put("tileAttribution", config.tileAttribution());
        ctx.json(body);
    }
}
