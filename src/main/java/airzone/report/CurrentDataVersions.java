package airzone.report;

import airzone.layer.Catalog;
import airzone.layer.FeatureStore;
import airzone.layer.Revision;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@link DataVersions} for every screening answer, without reading every layer each time: the
 * versions are made again only when a collection's {@link Revision} (a cheap count and maximum)
 * has moved since they were last made. Safe to share between threads.
 */
public final class CurrentDataVersions {

    private record Snapshot(List<Revision> revisions, List<DataVersions.CollectionVersion> versions) {
    }

    private final FeatureStore store;
    private final AtomicReference<Snapshot> last = new AtomicReference<>();

    public CurrentDataVersions(FeatureStore store) {
        this.store = store;
    }

    public String storeKind() {
        return store.kind();
    }

    public List<DataVersions.CollectionVersion> now() {
        // the revisions are read before the features: a write in between leaves the snapshot behind
        // its revisions, so it is made again next time rather than kept stale
        List<Revision> revisions = Catalog.all().stream().map(c -> store.revision(c.id())).toList();
        Snapshot known = last.get();
        if (known != null && known.revisions().equals(revisions)) return known.versions();
        List<DataVersions.CollectionVersion> versions = DataVersions.of(store);
        last.set(new Snapshot(revisions, versions));
        return versions;
    }
}
