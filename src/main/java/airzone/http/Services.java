package airzone.http;

import airzone.auth.LoginThrottle;
import airzone.auth.Sessions;
import airzone.auth.Users;
import airzone.changes.ChangeFeed;
import airzone.edit.Edits;
import airzone.layer.FeatureStore;
import airzone.layer.SimplifiedViews;
import airzone.rules.DerivedLayers;
import airzone.screen.BatchInput;
import airzone.screen.BatchJobs;
import airzone.screen.Screener;
import airzone.screen.SiteReader;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.util.concurrent.CountDownLatch;

/**
 * What the routes serve, built and wired by {@code App}: the HTTP side adapts these to requests and
 * builds none of them. {@code changes} is started and closed with the server (streams end before
 * their connections do).
 *
 * @param ready counted down once the store is seeded and the derived layers are current
 */
public record Services(FeatureStore store, SimplifiedViews views, DerivedLayers derived, Screener screener,
                       SiteReader sites, BatchInput batchInput, BatchJobs jobs, Edits edits, Users users,
                       Sessions sessions, LoginThrottle throttle, ChangeFeed changes, PrometheusMeterRegistry metrics,
                       CountDownLatch ready) {
}
