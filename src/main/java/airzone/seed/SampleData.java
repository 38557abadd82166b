package airzone.seed;

import airzone.geo.GeoJson;
import airzone.layer.Feature;
import airzone.layer.FeatureStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static airzone.layer.CollectionIds.BAN_ZONES;
import static airzone.layer.CollectionIds.BUILT_UP_AREAS;
import static airzone.layer.CollectionIds.CONTROL_ZONES;
import static airzone.layer.CollectionIds.DISTRICTS;
import static airzone.layer.CollectionIds.HEAT_SOURCES;
import static airzone.layer.CollectionIds.INDUSTRIAL_PARKS;
import static airzone.layer.CollectionIds.PROVINCES;

/**
 * The curated sample data under {@code gis-data/} (shipped inside the jar), loaded into a store that
 * has no features yet. A store that has any is left alone, so a second start changes nothing.
 */
public final class SampleData {

    private static final Logger LOG = LoggerFactory.getLogger(SampleData.class);
    /** Illustrative drawn zones, one file per collection, each feature marked illustrative. */
    private static final List<String> DRAWN_SAMPLES = List.of(BAN_ZONES, BUILT_UP_AREAS, INDUSTRIAL_PARKS, CONTROL_ZONES);
    private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);
    /** The name history and audit give the seeding; user names cannot take it (see Users). */
    public static final String SEED_USER = "system";

    private SampleData() {
    }

    /** @return true when the store was empty and has been seeded */
    public static boolean seedIfEmpty(FeatureStore store) {
        if (!store.isEmpty()) return false;
        store.insert(DISTRICTS, withFlags(geoJson("gis-data/districts.geojson"), "gis-data/sample-district-flags.json"), SEED_USER);
        store.insert(PROVINCES, geoJson("gis-data/provinces.geojson"), SEED_USER);
        store.insert(HEAT_SOURCES, heatSources("gis-data/heat-sources.csv"), SEED_USER);
        for (String drawn : DRAWN_SAMPLES) store.insert(drawn, geoJson("gis-data/sample-" + drawn + ".geojson"), SEED_USER);
        return true;
    }

    /** District flags that are planning decisions, not boundary data (e.g. clean heating complete), kept apart from the boundaries. */
    private static List<Feature> withFlags(List<Feature> districts, String resource) {
        ObjectNode flags;
        try (InputStream in = open(resource)) {
            flags = (ObjectNode) GeoJson.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + resource, e);
        }
        for (Feature d : districts) {
            JsonNode extra = flags.get(d.id());
            if (extra != null) d.properties().setAll((ObjectNode) extra);
        }
        return districts;
    }

    static List<Feature> geoJson(String resource) {
        JsonNode collection;
        try (InputStream in = open(resource)) {
            collection = GeoJson.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + resource, e);
        }
        GeoJsonReader reader = new GeoJsonReader(WGS84);
        List<Feature> features = new ArrayList<>();
        for (JsonNode f : collection.get("features")) {
            try {
                features.add(new Feature(f.get("id").asText(), (ObjectNode) f.get("properties"),
                        reader.read(f.get("geometry").toString()), 1));
            } catch (ParseException e) {
                throw new IllegalStateException(resource + ": feature " + f.get("id") + " has no readable geometry", e);
            }
        }
        return features;
    }

    /**
     * The heat-source table keeps its own columns (sources included); lon/lat become the point.
     * A row without coordinates or capacity is reported and skipped, never silently dropped.
     */
    static List<Feature> heatSources(String resource) {
        List<Feature> features = new ArrayList<>();
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader reader = new InputStreamReader(open(resource), StandardCharsets.UTF_8);
             CSVParser csv = CSVParser.parse(reader, format)) {
            for (CSVRecord row : csv) {
                try {
                    features.add(heatSource(row));
                } catch (IllegalArgumentException e) {
                    LOG.warn("{} line {}: skipped heat source '{}': {}", resource, row.getRecordNumber() + 1,
                            row.get("id"), e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + resource, e);
        }
        return features;
    }

    private static Feature heatSource(CSVRecord row) {
        double lon = number(row, "lon");
        double lat = number(row, "lat");
        ObjectNode p = GeoJson.MAPPER.createObjectNode();
        p.put("name", row.get("name_zh"));
        p.put("name_en", row.get("name_en"));
        p.put("province", row.get("province"));
        p.put("city", row.get("city"));
        p.put("total_capacity_mw", number(row, "total_capacity_mw"));
        p.put("largest_unit_mw", number(row, "largest_unit_mw"));
        p.put("chp", row.get("chp"));
        p.put("fuel", row.get("fuel"));
        p.put("status", row.get("status"));
        p.put("coord_quality", row.get("coord_quality"));
        p.put("source", row.get("source"));
        return new Feature(row.get("id"), p, WGS84.createPoint(new Coordinate(lon, lat)), 1);
    }

    private static double number(CSVRecord row, String column) {
        String raw = row.get(column).trim();
        if (raw.isEmpty()) throw new IllegalArgumentException(column + " is empty");
        try {
            return Double.parseDouble(raw);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(column + " is not a number: '" + raw + "'");
        }
    }

    private static InputStream open(String resource) {
        InputStream in = SampleData.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) throw new IllegalStateException(resource + " is missing from the jar");
        return in;
    }
}
