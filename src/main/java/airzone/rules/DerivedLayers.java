package airzone.rules;

import airzone.geo.GeoJson;
import airzone.geo.Geodesics;
import airzone.geo.GeometryRepair;
import airzone.geo.PolygonOverlay;
import airzone.layer.AuditLine;
import airzone.layer.CollectionIds;
import airzone.layer.Feature;
import airzone.layer.FeatureStore;
import airzone.text.Numbers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;

import static airzone.layer.CollectionIds.BAN_ZONES;
import static airzone.layer.CollectionIds.BORDER_BUFFERS;
import static airzone.layer.CollectionIds.BORDER_LINES;
import static airzone.layer.CollectionIds.DISTRICTS;
import static airzone.layer.CollectionIds.HEATING_RADII;
import static airzone.layer.CollectionIds.HEAT_SOURCES;
import static airzone.layer.CollectionIds.PROVINCES;

/**
 * Keeps the derived layers (heating radii, border lines and buffers, clean-heating ban zones) in
 * step with their inputs and the rule parameters: computes them with JTS and replaces the stored
 * ones in one transaction. A fingerprint per group of layers lets a change — or a restart —
 * recompute only what it touched.
 */
public final class DerivedLayers {

    private static final Logger LOG = LoggerFactory.getLogger(DerivedLayers.class);
    private static final String PARAMETERS = "rule-parameters";
    private static final String FINGERPRINT = "derived-fingerprint:";
    static final String BORDER_RULE = "border-consultation";
    /** The audit action of a parameter change, which the live changes pass on. */
    public static final String RULES_ACTION = "rules";
    /** The collections the layers are computed from (with the rule parameters): a change to one may change them. */
    public static final List<String> INPUTS = List.of(HEAT_SOURCES, PROVINCES, DISTRICTS);
    /** What instances sharing a store take turns at: reading parameters, computing and storing the layers. */
    private static final String TASK = "derived layers";
    // for /metrics (http/ServiceMetrics): recomputations that wrote layers, and their time in all
    private final LongAdder recomputes = new LongAdder();
    private final LongAdder recomputeNanos = new LongAdder();

    private final FeatureStore store;
    private final RuleBook book;

    public DerivedLayers(FeatureStore store, RuleBook book) {
        this.store = store;
        this.book = book;
    }

    /** Recomputations since start that found something changed and stored layers. */
    public long recomputes() {
        return recomputes.sum();
    }

    public long recomputeNanos() {
        return recomputeNanos.sum();
    }

    public RuleBook book() {
        return book;
    }

    public RuleParameters parameters() {
        return store.setting(PARAMETERS).map(json -> book.restore(GeoJson.parseObject(json))).orElseGet(book::defaults);
    }

    /**
     * Validates parameter changes, recomputes the derived layers with them, then stores them with the
     * audit line naming {@code user}; a refused change alters nothing.
     *
     * <p>The audit line comes last because it is what the live changes stream: a page that hears of
     * the change reloads the derived layers, and must find them recomputed already. A crash between
     * the two leaves layers computed from parameters the store does not hold; their fingerprints
     * then differ from the stored parameters', so the next start recomputes them from those.
     */
    public synchronized RuleParameters change(JsonNode changes, String user) {
        return store.exclusively(TASK, () -> {
            RuleParameters updated = book.apply(parameters(), changes);
            recompute(updated);
            store.putSetting(PARAMETERS, updated.values().toString(), new AuditLine(user, RULES_ACTION, changes));
            return updated;
        });
    }

    /**
     * Recomputes the layers whose inputs or parameters changed since they were stored; with nothing
     * changed, nothing is written. True when anything was recomputed. Instances sharing the store take
     * turns ({@link FeatureStore#exclusively}): one that hears of a heat source another wrote may come
     * here before the writer does, and whichever is second finds the fingerprints current.
     */
    public synchronized boolean recompute() {
        return store.exclusively(TASK, () -> recompute(parameters()));
    }

    private boolean recompute(RuleParameters parameters) {
        Inputs inputs = new Inputs(store.all(HEAT_SOURCES), store.all(PROVINCES), store.all(DISTRICTS), parameters);
        long started = System.nanoTime();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Map<String, List<Feature>> derived = new LinkedHashMap<>();
        Map<String, String> fingerprints = new LinkedHashMap<>();
        Map<String, Long> millis = new LinkedHashMap<>();
        for (Group group : Group.values()) {
            String fingerprint = '"' + group.fingerprint(inputs) + '"';
            if (store.setting(FINGERPRINT + group.name()).map(fingerprint::equals).orElse(false)) continue;
            long groupStarted = System.nanoTime();
            derived.putAll(group.compute(this, inputs, now));
            millis.put(group.name(), (System.nanoTime() - groupStarted) / 1_000_000);
            fingerprints.put(FINGERPRINT + group.name(), fingerprint);
        }
        if (derived.isEmpty()) return false;
        store.replaceDerived(derived);
        fingerprints.forEach(store::putSetting);
        recomputes.increment();
        recomputeNanos.add(System.nanoTime() - started);
        Map<String, Integer> counts = new LinkedHashMap<>();
        derived.forEach((collection, features) -> counts.put(collection, features.size()));
        LOG.info("derived layers recomputed in {} ms (computing, per group: {}): {}",
                (System.nanoTime() - started) / 1_000_000, millis, counts);
        return true;
    }

    /**
     * The collections whose derived features may have been replaced after a change to {@code inputs} —
     * by this instance or by another sharing the store, which recomputes them while this one waits and then
     * finds nothing to do: a reader must read these again whoever computed them.
     */
    public static Set<String> derivedFrom(Collection<String> inputs) {
        Set<String> outputs = new java.util.HashSet<>();
        for (Group group : Group.values()) {
            if (group.possibleInputs().stream().anyMatch(inputs::contains)) outputs.addAll(group.outputs);
        }
        return outputs;
    }

    /** What the derived layers are computed from. */
    record Inputs(List<Feature> heatSources, List<Feature> provinces, List<Feature> districts, RuleParameters parameters) {

        List<Feature> of(String collection) {
            return switch (collection) {
                case HEAT_SOURCES -> heatSources;
                case PROVINCES -> provinces;
                case DISTRICTS -> districts;
                default -> throw new IllegalArgumentException("no input collection " + collection);
            };
        }
    }

    /**
     * The derived layers by what they are computed from, so that a change recomputes only what it
     * touches: a new heat source redraws the radii, not 5,000 km of border bands.
     */
    enum Group {
        HEATING_RADII(HeatingRadii.RULE, List.of(CollectionIds.HEATING_RADII), HEAT_SOURCES) {
            @Override
            Map<String, List<Feature>> compute(DerivedLayers d, Inputs in, Instant now) {
                return Map.of(CollectionIds.HEATING_RADII, HeatingRadii.compute(in.heatSources(), in.parameters(), d.book, now));
            }
        },
        BORDERS(BORDER_RULE, List.of(BORDER_LINES, BORDER_BUFFERS), PROVINCES) {
            @Override
            Map<String, List<Feature>> compute(DerivedLayers d, Inputs in, Instant now) {
                return d.borders(in, now);
            }

            @Override
            List<String> inputCollections(RuleParameters p) {
                return p.flag(BORDER_RULE, "include_city_borders") ? List.of(PROVINCES, DISTRICTS) : List.of(PROVINCES);
            }

            @Override
            List<String> possibleInputs() {
                return List.of(PROVINCES, DISTRICTS);
            }
        },
        CLEAN_HEATING(CleanHeatingBanZones.RULE, List.of(BAN_ZONES), DISTRICTS) {
            @Override
            Map<String, List<Feature>> compute(DerivedLayers d, Inputs in, Instant now) {
                return Map.of(BAN_ZONES, CleanHeatingBanZones.compute(in.districts(), in.parameters(), d.book, now));
            }
        };

        private final String rule;
        /** The collections whose derived features it writes. */
        private final List<String> outputs;
        private final List<String> inputCollections;

        Group(String rule, List<String> outputs, String... inputCollections) {
            this.rule = rule;
            this.outputs = outputs;
            this.inputCollections = List.of(inputCollections);
        }

        /** What it may be computed from under any parameters. */
        List<String> possibleInputs() {
            return inputCollections;
        }

        abstract Map<String, List<Feature>> compute(DerivedLayers d, Inputs in, Instant now);

        List<String> inputCollections(RuleParameters p) {
            return inputCollections;
        }

        /** A digest of this group's rule parameters and of every input feature's id and version. */
        String fingerprint(Inputs inputs) {
            StringBuilder text = new StringBuilder(inputs.parameters().of(rule).toString());
            for (String collection : inputCollections(inputs.parameters())) {
                inputs.of(collection).forEach(f -> text.append('|').append(f.id()).append('@').append(f.version()));
            }
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
                return HexFormat.of().formatHex(digest);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private Map<String, List<Feature>> borders(Inputs inputs, Instant now) {
        RuleParameters p = inputs.parameters();
        List<Jurisdiction> provinces = provinces(inputs.provinces());
        List<Border> borders = new ArrayList<>(BorderLines.between(provinces));
        Map<Border, List<Jurisdiction>> peers = new java.util.HashMap<>();
        borders.forEach(b -> peers.put(b, provinces));
        if (p.flag(BORDER_RULE, "include_city_borders")) {
            for (List<Jurisdiction> cities : citiesByProvince(inputs.districts()).values()) {
                for (Border b : BorderLines.between(cities)) {
                    borders.add(b);
                    peers.put(b, cities);
                }
            }
        }
        double bufferMetres = p.number(BORDER_RULE, "buffer_km") * 1000;
        List<Feature> lines = borders.stream().map(border -> borderLine(border, p, now)).toList();
        // each border's band is independent of the others and costs ~0.3 s: use every core
        List<Feature> buffers = borders.parallelStream()
                .flatMap(border -> BorderBuffers.compute(border, bufferMetres, peers.get(border)).stream())
                .map(piece -> bufferPiece(piece, p, now))
                .toList();
        Map<String, List<Feature>> derived = new LinkedHashMap<>();
        derived.put(BORDER_LINES, lines);
        derived.put(BORDER_BUFFERS, buffers);
        return derived;
    }

    private static List<Jurisdiction> provinces(List<Feature> provinces) {
        return provinces.stream()
                .map(f -> new Jurisdiction(f.id(), f.properties().path("name").asText(), "province", GeometryRepair.valid(f.geometry())))
                .toList();
    }

    /** Cities built from their districts, grouped by province: city borders are drawn within a province only. */
    private static Map<String, List<Jurisdiction>> citiesByProvince(List<Feature> districts) {
        Map<String, List<Feature>> byCity = new TreeMap<>();
        districts.forEach(d -> byCity.computeIfAbsent(d.properties().path("city_adcode").asText(), k -> new ArrayList<>()).add(d));
        Map<String, List<Jurisdiction>> byProvince = new TreeMap<>();
        byCity.forEach((code, members) -> {
            ObjectNode first = members.get(0).properties();
            byProvince.computeIfAbsent(first.path("province_adcode").asText(), k -> new ArrayList<>())
                    .add(new Jurisdiction(code, first.path("city").asText(), "city",
                            PolygonOverlay.union(members.stream().map(Feature::geometry).toList())));
        });
        return byProvince;
    }

    private Feature borderLine(Border border, RuleParameters p, Instant now) {
        ObjectNode props = DerivedFeature.properties(BORDER_RULE, p, book, List.of(border.left().code(), border.right().code()), now);
        props.put("name", border.name());
        props.put("level", border.left().level());
        props.put("left", border.left().name());
        props.put("left_code", border.left().code());
        props.put("right", border.right().name());
        props.put("right_code", border.right().code());
        props.put("length_km", Math.round(Geodesics.lengthMetres(border.lines()) / 100) / 10.0);
        return new Feature("border-" + border.id(), props, border.lines(), 0);
    }

    private Feature bufferPiece(BorderBuffers.Piece piece, RuleParameters p, Instant now) {
        Border border = piece.border();
        ObjectNode props = DerivedFeature.properties(BORDER_RULE, p, book, List.of(border.left().code(), border.right().code()), now);
        double km = p.number(BORDER_RULE, "buffer_km");
        props.put("name", border.name() + " 边界两侧" + Numbers.plain(km) + "公里（" + piece.side().name() + "一侧）");
        props.put("level", border.left().level());
        props.put("border_id", "border-" + border.id());
        props.put("left", border.left().name());
        props.put("left_code", border.left().code());
        props.put("right", border.right().name());
        props.put("right_code", border.right().code());
        props.put("side", piece.side().name());
        props.put("side_code", piece.side().code());
        props.put("side_of_line", piece.side() == border.left() ? "left" : "right");
        props.put("neighbour", piece.neighbour().name());
        props.put("neighbour_code", piece.neighbour().code());
        props.put("buffer_km", km);
        return new Feature("buffer-" + border.id() + "-" + piece.side().code(), props, piece.area(), 0);
    }


}
