package airzone.io.imports;

import airzone.io.ValueType;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The fields.csv sidecar the shapefile export writes beside the .dbf — {@code field, property,
 * type, …} — read back: which property each 10-character dBase name stands for and the type the
 * values had (so booleans, dates and nested JSON come back as they were). The row whose property is
 * {@code (feature id)} names the field holding the feature ids.
 */
final class FieldsCsv {

    static final String FEATURE_ID = "(feature id)";

    /** One row: the property a field stands for and the type its values had; null type when unknown. */
    record Entry(String property, ValueType type) {
        boolean isFeatureId() {
            return FEATURE_ID.equals(property);
        }
    }

    private final Map<String, Entry> byField;

    private FieldsCsv(Map<String, Entry> byField) {
        this.byField = byField;
    }

    static FieldsCsv none() {
        return new FieldsCsv(Map.of());
    }

    static FieldsCsv read(Path file) throws IOException {
        Map<String, Entry> byField = new HashMap<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreSurroundingSpaces(true)
                     .get().parse(reader)) {
            if (!csv.getHeaderMap().containsKey("field") || !csv.getHeaderMap().containsKey("property")) {
                throw ImportRefused.badInput("fields.csv has no 'field' and 'property' columns; it should map the .dbf's field names to "
                        + "property names as the service's export writes it");
            }
            for (CSVRecord row : csv) {
                String field = row.get("field");
                String property = row.get("property");
                if (field.isBlank() || property.isBlank()) continue;
                byField.put(field.toLowerCase(Locale.ROOT), new Entry(property, type(row)));
            }
        } catch (IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException e) {
            throw ImportRefused.badInput("fields.csv cannot be read: " + e.getMessage(), e);
        }
        return new FieldsCsv(byField);
    }

    private static ValueType type(CSVRecord row) {
        if (!row.isMapped("type") || !row.isSet("type")) return null;
        try {
            return ValueType.valueOf(row.get("type").trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    Optional<Entry> entry(String field) {
        return Optional.ofNullable(byField.get(field.toLowerCase(Locale.ROOT)));
    }

    boolean isEmpty() {
        return byField.isEmpty();
    }
}
