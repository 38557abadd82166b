package airzone.http;

import airzone.rules.DerivedLayers;
import airzone.screen.BatchJobs;
import airzone.screen.Screener;
import io.javalin.http.Context;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.util.concurrent.TimeUnit;

/**
 * {@code GET /metrics} in Prometheus's text format: request latency histograms per route (Javalin's
 * Micrometer plugin, {@code jetty_server_requests_seconds} by {@code uri} template), sites screened and batch rows read,
 * index rebuilds and derived-layer recomputations with their time, running batch jobs, the database
 * pool (HikariCP's own metrics, bound where the store is opened) and the JVM's memory, GC and threads.
 */
public final class ServiceMetrics {

    /** The timer Javalin's plugin (Jetty's TimedHandler) records every request in, tagged by route template and status. */
    static final String REQUESTS = "jetty.server.requests";

    private final PrometheusMeterRegistry registry;

    /** The service's registry, made before anything registers a meter (the pool does, as the store opens). */
    public static PrometheusMeterRegistry newRegistry() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        // buckets for every request timer, so that a p99 per route can be computed across instances
        registry.config().meterFilter(new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!id.getName().equals(REQUESTS)) return config;
                return DistributionStatisticConfig.builder().percentilesHistogram(true).build().merge(config);
            }
        });
        return registry;
    }

    ServiceMetrics(PrometheusMeterRegistry registry, Screener screener, DerivedLayers derived, BatchJobs jobs) {
        this.registry = registry;
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        FunctionCounter.builder("airzone.sites.screened", screener, Screener::sitesScreened)
                .description("sites screened, one by one and in batches").register(registry);
        FunctionCounter.builder("airzone.batch.rows", screener, Screener::batchRows)
                .description("batch rows read, refused ones among them").register(registry);
        FunctionTimer.builder("airzone.index.rebuild", screener, Screener::refreshes, Screener::refreshNanos, TimeUnit.NANOSECONDS)
                .description("screening index updates from the store (the changed layers read again, or all)").register(registry);
        FunctionTimer.builder("airzone.derived.recompute", derived, DerivedLayers::recomputes, DerivedLayers::recomputeNanos, TimeUnit.NANOSECONDS)
                .description("derived-layer recomputations that stored layers").register(registry);
        Gauge.builder("airzone.batch.jobs.running", jobs, BatchJobs::running)
                .description("batch jobs running or waiting their turn").register(registry);
    }

    void scrape(Context ctx) {
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(registry.scrape());
    }
}
