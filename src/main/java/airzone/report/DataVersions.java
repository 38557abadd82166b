package airzone.report;

import airzone.layer.Catalog;
import airzone.layer.CollectionInfo;
import airzone.layer.Feature;
import airzone.layer.FeatureStore;

import java.util.List;

/**
 * Which data a report was made from: for every collection its feature count and the highest
 * feature version in it. Every write raises a feature's version, so the same two numbers on two
 * reports mean the same layer contents (short of a deletion, which the count shows).
 */
public final class DataVersions {

    private DataVersions() {
    }

    /** One collection's count and highest version (0 when empty). */
    public record CollectionVersion(CollectionInfo collection, long count, long maxVersion) {
    }

    public static List<CollectionVersion> of(FeatureStore store) {
        return Catalog.all().stream().map(c -> {
            List<Feature> features = store.all(c.id());
            long max = features.stream().mapToLong(Feature::version).max().orElse(0);
            return new CollectionVersion(c, features.size(), max);
        }).toList();
    }
}
