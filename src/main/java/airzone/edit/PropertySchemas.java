package airzone.edit;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static airzone.layer.CollectionIds.BAN_ZONES;
import static airzone.layer.CollectionIds.BUILT_UP_AREAS;
import static airzone.layer.CollectionIds.CONTROL_ZONES;
import static airzone.layer.CollectionIds.HEAT_SOURCES;
import static airzone.layer.CollectionIds.INDUSTRIAL_PARKS;

/**
 * The properties each writable collection requires and checks; others are kept as they come (as
 * long as they are plain values), because official data carries fields we do not model. The
 * required ones are those the screening and the derived layers read.
 */
final class PropertySchemas {

    /** Every writable collection's: when it takes effect, whether it is a sample, and the plan text it implements. */
    private static final List<PropertyRule> COMMON = List.of(
            PropertyRule.date("effective_date"), PropertyRule.bool("illustrative"),
            PropertyRule.text("document", false), PropertyRule.text("clause", false), PropertyRule.text("notes", false));

    private static final Map<String, List<PropertyRule>> BY_COLLECTION = Map.of(
            BAN_ZONES, List.of(PropertyRule.text("name", true), PropertyRule.oneOf("class", true, "I", "II", "III")),
            BUILT_UP_AREAS, List.of(PropertyRule.text("name", true), PropertyRule.oneOf("level", false, "city", "county", "town")),
            INDUSTRIAL_PARKS, List.of(PropertyRule.text("name", true)),
            CONTROL_ZONES, List.of(PropertyRule.text("name", true), PropertyRule.oneOf("zone_type", true,
                    "straw_burning_ban", "fireworks_ban", "high_emission_vehicle_restricted", "nonroad_machinery_low_emission")),
            HEAT_SOURCES, List.of(PropertyRule.text("name", true),
                    PropertyRule.number("largest_unit_mw", true, 0, 5_000),
                    PropertyRule.number("total_capacity_mw", false, 0, 50_000),
                    PropertyRule.oneOf("chp", true, "yes", "no", "unknown"),
                    PropertyRule.oneOf("status", true, "operating", "planned", "construction", "retired", "mothballed", "cancelled")));

    private PropertySchemas() {
    }

    /** The rules of a writable collection, its own first, each list in the order a form shows them; empty for collections people cannot write. */
    static Optional<List<PropertyRule>> of(String collection) {
        List<PropertyRule> own = BY_COLLECTION.get(collection);
        if (own == null) return Optional.empty();
        return Optional.of(java.util.stream.Stream.concat(own.stream(), COMMON.stream()).toList());
    }
}
