package airzone.screen;

import airzone.geo.GeoJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The fuel and industry catalogues and the industry admission (准入) rules, as data
 * ({@code rules/screening.json}) so that a city can add its own with citations.
 */
public final class Catalogues {

    private final ObjectNode data;

    private Catalogues(ObjectNode data) {
        this.data = data;
    }

    public static Catalogues load() {
        try (InputStream in = Catalogues.class.getClassLoader().getResourceAsStream("rules/screening.json")) {
            if (in == null) throw new IllegalStateException("rules/screening.json is missing from the jar");
            return new Catalogues((ObjectNode) GeoJson.MAPPER.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public JsonNode fuels() {
        return data.get("fuels");
    }

    public JsonNode industries() {
        return data.get("industries");
    }

    JsonNode admissionRules() {
        return data.get("admission");
    }

    boolean isCoal(String fuel) {
        return fuels().path(fuel).path("coal").asBoolean(false);
    }

    boolean isBiomass(String fuel) {
        return fuels().path(fuel).path("biomass").asBoolean(false);
    }

    String fuelName(String fuel, boolean chinese) {
        return fuels().path(fuel).path(chinese ? "name_zh" : "name_en").asText(fuel);
    }

    String industryName(String industry, boolean chinese) {
        return industries().path(industry).path(chinese ? "name_zh" : "name_en").asText(industry);
    }

    void checkFuel(String fuel) {
        if (fuel != null && !fuels().has(fuel)) throw new InvalidSite("fuel '" + fuel + "' is unknown; allowed: " + names(fuels()));
    }

    void checkIndustry(String industry) {
        if (industry != null && !industries().has(industry)) {
            throw new InvalidSite("industry '" + industry + "' is unknown; see GET /api/industries; allowed: " + names(industries()));
        }
    }

    private static List<String> names(JsonNode catalogue) {
        List<String> names = new ArrayList<>();
        catalogue.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
