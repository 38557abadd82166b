package airzone.layer;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The seam between the HTTP side and a spatial database. Two implementations (embedded H2GIS and
 * PostGIS) pass the same contract test; nothing above this interface knows which one runs.
 */
public interface FeatureStore extends AutoCloseable {

    /** "h2gis" or "postgis", as reported by /health. */
    String kind();

    /** Features of a collection intersecting {@code bbox} (all when null), ordered by id. */
    FeaturePage items(String collection, Bbox bbox, int limit, int offset);

    /** Every feature of a collection, ordered by id. */
    default List<Feature> all(String collection) {
        return items(collection, null, Integer.MAX_VALUE, 0).features();
    }

    Optional<Feature> item(String collection, String id);

    long count(String collection);

    /** The bounding box of a collection's features; empty when it has none. */
    Optional<Bbox> extent(String collection);

    /** True when no feature of any collection is stored yet, i.e. the store wants its seed. */
    boolean isEmpty();

    /** Adds new features in one transaction, each with a fresh version; fails whole if any id exists. */
    void insert(String collection, List<Feature> features);

    /**
     * In one transaction, removes every derived feature of the named collections and stores the
     * given ones as derived in their place; drawn features of the same collections stay.
     */
    void replaceDerived(Map<String, List<Feature>> byCollection);

    /** A named JSON document of service state (rule parameters and the like). */
    Optional<String> setting(String name);

    void putSetting(String name, String json);

    /** Cheap round trip to the database, for /health. */
    boolean ping();

    @Override
    void close();
}
