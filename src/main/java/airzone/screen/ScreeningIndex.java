package airzone.screen;

import airzone.layer.CollectionIds;
import airzone.layer.Feature;
import airzone.layer.FeatureStore;
import airzone.rules.RuleParameters;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything screening reads, in memory: an immutable snapshot of the layers in R-trees of prepared
 * geometries, with the rule parameters they were derived with. A change builds a new index that reads
 * the changed layers again and takes every other layer — features, trees and all — from the previous
 * one; it is swapped in whole, so a screening never sees half an update.
 */
final class ScreeningIndex {

    /** The area layers, each in an R-tree of its own ("which of them does this site touch?"). */
    private static final List<String> AREAS = List.of(CollectionIds.DISTRICTS, CollectionIds.BAN_ZONES, CollectionIds.BUILT_UP_AREAS,
            CollectionIds.INDUSTRIAL_PARKS, CollectionIds.CONTROL_ZONES, CollectionIds.HEATING_RADII, CollectionIds.BORDER_BUFFERS);
    /** Every collection screening reads, in the order a screening names their versions. */
    static final List<String> READ = concat(AREAS, List.of(CollectionIds.HEAT_SOURCES, CollectionIds.BORDER_LINES));

    /** One collection as read: its features, their version, and for an area layer its tree. */
    private record Layer(List<Feature> features, LayerVersion version, LayerIndex area) {
    }

    final RuleParameters parameters;
    private final Map<String, Layer> layers;
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

    private ScreeningIndex(RuleParameters parameters, Map<String, Layer> layers, NearestIndex qualifyingHeatSources, NearestIndex borderLines) {
        this.parameters = parameters;
        this.layers = layers;
        districts = layers.get(CollectionIds.DISTRICTS).area();
        banZones = layers.get(CollectionIds.BAN_ZONES).area();
        builtUpAreas = layers.get(CollectionIds.BUILT_UP_AREAS).area();
        industrialParks = layers.get(CollectionIds.INDUSTRIAL_PARKS).area();
        controlZones = layers.get(CollectionIds.CONTROL_ZONES).area();
        heatingRadii = layers.get(CollectionIds.HEATING_RADII).area();
        borderBuffers = layers.get(CollectionIds.BORDER_BUFFERS).area();
        this.qualifyingHeatSources = qualifyingHeatSources;
        this.borderLines = borderLines;
        versions = READ.stream().map(c -> layers.get(c).version()).toList();
    }

    static ScreeningIndex build(FeatureStore store, RuleParameters parameters) {
        return update(null, store, READ, parameters);
    }

    /**
     * A new index with the {@code changed} collections read again from the store (others are ignored) and every
     * other layer taken from {@code previous}; with no previous index, everything is read.
     */
    static ScreeningIndex update(ScreeningIndex previous, FeatureStore store, Collection<String> changed, RuleParameters parameters) {
        Set<String> reread = previous == null ? Set.copyOf(READ) : Set.copyOf(changed);
        Map<String, Layer> layers = new LinkedHashMap<>();
        for (String collection : READ) {
            layers.put(collection, reread.contains(collection) ? read(store, collection) : previous.layers.get(collection));
        }
        NearestIndex plants = reread.contains(CollectionIds.HEAT_SOURCES) || reread.contains(CollectionIds.HEATING_RADII)
                ? qualifying(layers) : previous.qualifyingHeatSources;
        NearestIndex borders = reread.contains(CollectionIds.BORDER_LINES)
                ? new NearestIndex(layers.get(CollectionIds.BORDER_LINES).features()) : previous.borderLines;
        return new ScreeningIndex(parameters, layers, plants, borders);
    }

    /** The plants that qualify are exactly those the heating-radius rule drew a radius around. */
    private static NearestIndex qualifying(Map<String, Layer> layers) {
        Set<String> qualifying = new HashSet<>();
        layers.get(CollectionIds.HEATING_RADII).features().forEach(r -> qualifying.add(r.properties().path("heat_source_id").asText()));
        return new NearestIndex(layers.get(CollectionIds.HEAT_SOURCES).features().stream().filter(f -> qualifying.contains(f.id())).toList());
    }

    private static Layer read(FeatureStore store, String collection) {
        List<Feature> features = store.all(collection);
        LayerVersion version = new LayerVersion(collection, features.size(), features.stream().mapToLong(Feature::version).max().orElse(0));
        return new Layer(features, version, AREAS.contains(collection) ? new LayerIndex(collection, features) : null);
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }
}
