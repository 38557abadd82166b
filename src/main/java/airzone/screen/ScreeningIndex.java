package airzone.screen;

import airzone.layer.CollectionIds;
import airzone.layer.Feature;
import airzone.layer.FeatureStore;
import airzone.rules.RuleParameters;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Everything screening reads, in memory: an immutable snapshot of the layers in R-trees of prepared
 * geometries, with the rule parameters they were derived with. Rebuilt after every change and
 * swapped in whole, so a screening never sees half an update.
 */
final class ScreeningIndex {

    final RuleParameters parameters;
    final LayerIndex districts;
    final LayerIndex banZones;
    final LayerIndex builtUpAreas;
    final LayerIndex industrialParks;
    final LayerIndex controlZones;
    final LayerIndex heatingRadii;
    final LayerIndex borderBuffers;
    final NearestIndex qualifyingHeatSources;
    final NearestIndex borderLines;
    /** The layers read into this index, as they were read: what a screening names as its data. */
    final List<LayerVersion> versions;

    private ScreeningIndex(FeatureStore store, RuleParameters parameters) {
        this.parameters = parameters;
        List<LayerVersion> read = new ArrayList<>();
        districts = layer(store, CollectionIds.DISTRICTS, read);
        banZones = layer(store, CollectionIds.BAN_ZONES, read);
        builtUpAreas = layer(store, CollectionIds.BUILT_UP_AREAS, read);
        industrialParks = layer(store, CollectionIds.INDUSTRIAL_PARKS, read);
        controlZones = layer(store, CollectionIds.CONTROL_ZONES, read);
        List<Feature> radii = all(store, CollectionIds.HEATING_RADII, read);
        heatingRadii = new LayerIndex(CollectionIds.HEATING_RADII, radii);
        borderBuffers = layer(store, CollectionIds.BORDER_BUFFERS, read);
        // the plants that qualify are exactly those the heating-radius rule drew a radius around
        Set<String> qualifying = new HashSet<>();
        radii.forEach(r -> qualifying.add(r.properties().path("heat_source_id").asText()));
        qualifyingHeatSources = new NearestIndex(all(store, CollectionIds.HEAT_SOURCES, read).stream().filter(f -> qualifying.contains(f.id())).toList());
        borderLines = new NearestIndex(all(store, CollectionIds.BORDER_LINES, read));
        versions = List.copyOf(read);
    }

    static ScreeningIndex build(FeatureStore store, RuleParameters parameters) {
        return new ScreeningIndex(store, parameters);
    }

    private static LayerIndex layer(FeatureStore store, String collection, List<LayerVersion> read) {
        return new LayerIndex(collection, all(store, collection, read));
    }

    private static List<Feature> all(FeatureStore store, String collection, List<LayerVersion> read) {
        List<Feature> features = store.all(collection);
        read.add(new LayerVersion(collection, features.size(), features.stream().mapToLong(Feature::version).max().orElse(0)));
        return features;
    }
}
