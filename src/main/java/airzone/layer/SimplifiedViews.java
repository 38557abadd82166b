package airzone.layer;

import airzone.geo.CoverageSimplification;
import org.locationtech.jts.geom.Geometry;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The coverage collections (districts, provinces) simplified for drawing at a few levels, for the
 * map's first views: 5 MB of district GeoJSON take seconds to parse and draw, though at the zoom
 * that shows all the planning cities a pixel is 4 km wide. A level is computed when first asked
 * for and kept until its collection's revision changes. Nothing else reads these: the OGC API
 * without {@code simplify}, exports and screening read the stored geometry.
 */
public final class SimplifiedViews {

    /**
     * The tolerances offered, in metres: one per zoom step of a web map from a whole country down to
     * a city, where half a pixel is about 100 m and the stored outlines (on a grid of about 100 m in
     * the sample data) are as good as any simplification of them. A few fixed levels, not any number,
     * so that the cache stays small and HTTP caches see the same URLs.
     */
    public static final List<Integer> LEVELS = List.of(100, 200, 400, 800, 1600, 3200);

    private record Key(String collection, int metres) {
    }

    private record View(Revision revision, Map<String, Geometry> byId) {
    }

    private final FeatureStore store;
    private final Map<Key, View> views = new ConcurrentHashMap<>();

    public SimplifiedViews(FeatureStore store) {
        this.store = store;
    }

    /**
     * {@code page} of a coverage collection with each geometry simplified at {@code metres}, one of
     * {@link #LEVELS} (the caller checks). The whole collection is simplified at once (a border with
     * both its sides), so which features a page holds is still the store's answer for the stored geometry.
     */
    public FeaturePage simplified(String collection, FeaturePage page, int metres) {
        Map<String, Geometry> byId = view(collection, metres);
        // a feature the view does not know yet (written after it read the collection) keeps its stored geometry
        List<Feature> features = page.features().stream()
                .map(f -> new Feature(f.id(), f.properties(), byId.getOrDefault(f.id(), f.geometry()), f.version()))
                .toList();
        return new FeaturePage(features, page.numberMatched());
    }

    private Map<String, Geometry> view(String collection, int metres) {
        Key key = new Key(collection, metres);
        // read before the features: a write in between leaves the view behind its revision, so it is made again next time
        Revision now = store.revision(collection);
        View view = views.get(key);
        if (view == null || !view.revision().equals(now)) {
            // two first requests at once both compute it; either result is right
            view = new View(now, compute(collection, metres));
            views.put(key, view);
        }
        return view.byId();
    }

    private Map<String, Geometry> compute(String collection, int metres) {
        List<Feature> all = store.all(collection);
        List<Geometry> simplified = CoverageSimplification.simplify(all.stream().map(Feature::geometry).toList(), metres);
        Map<String, Geometry> byId = new HashMap<>();
        for (int i = 0; i < all.size(); i++) byId.put(all.get(i).id(), simplified.get(i));
        return byId;
    }
}
