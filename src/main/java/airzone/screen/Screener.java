package airzone.screen;

import airzone.geo.GeoJson;
import airzone.geo.GeodesicDistance;
import airzone.layer.Feature;
import airzone.layer.FeatureStore;
import airzone.rules.DerivedLayers;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.locationtech.jts.geom.Geometry;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * Site screening: which zones and buffers a site touches, how far the nearest qualifying heat
 * source and border are, and every rule that applies, with its clause. Reads an in-memory index
 * that {@link #refresh(Collection)} brings up to date after every change: the changed layers are read
 * again from the store, the others kept.
 */
public final class Screener {

    private final FeatureStore store;
    private final DerivedLayers derived;
    private final Catalogues catalogues;
    private final Citations citations;
    private final AtomicReference<ScreeningIndex> index = new AtomicReference<>();
    // what /metrics reports (http/ServiceMetrics reads them): plain adders, so screening needs no metrics library
    private final LongAdder sitesScreened = new LongAdder();
    private final LongAdder batchRows = new LongAdder();
    private final LongAdder refreshes = new LongAdder();
    private final LongAdder refreshNanos = new LongAdder();
    /**
     * Projects the nearest-search planes of a new index in the background: one thread at most (never two
     * indexes at once), gone when idle, so a screener that is dropped leaves no thread behind.
     */
    private final ExecutorService projecting = new ThreadPoolExecutor(0, 1, 10, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
        Thread t = new Thread(r, "airzone-index-planes");
        t.setDaemon(true);
        return t;
    });

    /** The index is empty until the first {@link #refresh()}, which App calls once the store is seeded and derived. */
    public Screener(FeatureStore store, DerivedLayers derived, Catalogues catalogues) {
        this.store = store;
        this.derived = derived;
        this.catalogues = catalogues;
        this.citations = new Citations(derived.book());
    }

    /** Rebuilds the whole index from the store and swaps it in; screenings under way finish on the old one. */
    public void refresh() {
        refresh(ScreeningIndex.READ);
    }

    /**
     * Reads the {@code changed} collections again (those screening does not read cost nothing) and swaps in
     * an index with them and every other layer as it was, and the rule parameters as they are now.
     */
    public synchronized void refresh(Collection<String> changed) {
        long started = System.nanoTime();
        ScreeningIndex updated = ScreeningIndex.update(index.get(), store, changed, derived.parameters());
        index.set(updated);
        refreshNanos.add(System.nanoTime() - started);
        refreshes.increment();
        projecting.execute(() -> {
            updated.qualifyingHeatSources.projectEveryZone();
            updated.borderLines.projectEveryZone();
        });
    }

    /** Sites screened since start, one by one and in batches. */
    public long sitesScreened() {
        return sitesScreened.sum();
    }

    /** Rows of batches read since start, refused ones among them. */
    public long batchRows() {
        return batchRows.sum();
    }

    void countBatchRows(int rows) {
        batchRows.add(rows);
    }

    /** Index rebuilds since start, and the time they took in all. */
    public long refreshes() {
        return refreshes.sum();
    }

    public long refreshNanos() {
        return refreshNanos.sum();
    }

    public Catalogues catalogues() {
        return catalogues;
    }

    public Screening screen(Site site) {
        return screen(site, new GeodesicDistance());
    }

    /** @param distance reused across the sites one thread screens (it caches projections) */
    public Screening screen(Site site, GeodesicDistance distance) {
        sitesScreened.increment();
        ScreeningIndex current = index.get();
        ScreeningContext ctx = new ScreeningContext(site, current, citations, catalogues, distance, district(current, site.geometry()));
        ZoneChecks.keyArea(ctx);
        BanZoneCheck.check(ctx);
        HeatingRadiusCheck.check(ctx);
        BorderCheck.check(ctx);
        BoilerSizeCheck.check(ctx);
        AdmissionCheck.check(ctx);
        ZoneChecks.controlZones(ctx);
        Severity verdict = ctx.findings.stream().map(Finding::severity).max(Comparator.naturalOrder()).orElse(Severity.INFO);
        return new Screening(site, ctx.district, List.copyOf(ctx.findings), verdict, current.versions);
    }

    /** The district holding the site (for a polygon, the one holding its interior point). */
    private static ObjectNode district(ScreeningIndex index, Geometry site) {
        List<Feature> hits = index.districts.touching(site.getInteriorPoint());
        if (hits.isEmpty()) hits = index.districts.touching(site);
        if (hits.isEmpty()) return GeoJson.MAPPER.createObjectNode();
        Feature d = hits.get(0);
        ObjectNode out = GeoJson.MAPPER.createObjectNode();
        out.put("id", d.id());
        for (String field : List.of("name", "adcode", "city", "city_adcode", "province", "province_adcode")) {
            out.put(field, d.properties().path(field).asText());
        }
        out.put("is_key_area", d.properties().path("is_key_area").asBoolean(false));
        return out;
    }
}
