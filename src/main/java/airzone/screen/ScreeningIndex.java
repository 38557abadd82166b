package airzone.screen;

import airzone.layer.Feature;
import airzone.layer.FeatureStore;
import airzone.rules.RuleParameters;

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

    private ScreeningIndex(FeatureStore store, RuleParameters parameters) {
        this.parameters = parameters;
        districts = layer(store, "districts");
        banZones = layer(store, "ban-zones");
        builtUpAreas = layer(store, "built-up-areas");
        industrialParks = layer(store, "industrial-parks");
        controlZones = layer(store, "control-zones");
        List<Feature> radii = store.all("heating-radii");
        heatingRadii = new LayerIndex("heating-radii", radii);
        borderBuffers = layer(store, "border-buffers");
        // the plants that qualify are exactly those the heating-radius rule drew a radius around
        Set<String> qualifying = new HashSet<>();
        radii.forEach(r -> qualifying.add(r.properties().path("heat_source_id").asText()));
        qualifyingHeatSources = new NearestIndex(store.all("heat-sources").stream().filter(f -> qualifying.contains(f.id())).toList());
        borderLines = new NearestIndex(store.all("border-lines"));
    }

    static ScreeningIndex build(FeatureStore store, RuleParameters parameters) {
        return new ScreeningIndex(store, parameters);
    }

    private static LayerIndex layer(FeatureStore store, String collection) {
        return new LayerIndex(collection, store.all(collection));
    }
}
