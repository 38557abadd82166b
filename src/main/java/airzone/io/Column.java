package airzone.io;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One attribute column of an export: its name in the file, the property it comes from (null for
 * the feature id column), and its type. Formats with short field names (the shapefile's DBF) map
 * {@link #name()} further and record the mapping.
 */
public record Column(String name, String property, ValueType type) {

    /** The column holding each feature's id; "id" itself is a common property name. */
    public static final String FEATURE_ID = "feature_id";

    /** Names the formats use for their own columns: GeoPackage's key and geometry, CSV's WKT. */
    private static final Set<String> RESERVED = Set.of("fid", "geom", "geometry", "wkt");
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    public boolean isFeatureId() {
        return property == null;
    }

    /**
     * The columns for these rows: the feature id first, then every property in the order it first
     * appears, each typed by all of its non-null values; names unique without regard to case.
     */
    public static List<Column> of(List<ExportRow> rows) {
        Map<String, ValueType> types = new LinkedHashMap<>();
        for (ExportRow row : rows) {
            row.properties().fields().forEachRemaining(e -> {
                if (e.getValue().isNull()) {
                    types.putIfAbsent(e.getKey(), null);
                } else {
                    types.merge(e.getKey(), typeOf(e.getValue()), Column::widen);
                }
            });
        }
        List<Column> columns = new ArrayList<>();
        Set<String> taken = new HashSet<>(RESERVED);
        taken.add(FEATURE_ID);
        columns.add(new Column(FEATURE_ID, null, ValueType.TEXT));
        types.forEach((property, type) -> {
            String name = unique(property.isBlank() ? "field" : property, taken);
            columns.add(new Column(name, property, type == null ? ValueType.TEXT : type));
        });
        return List.copyOf(columns);
    }

    /**
     * The value of this column in a row, as the writers take it: null, String, Long, Double,
     * Boolean or LocalDate; JSON columns and values that do not fit the column's type come as text.
     */
    public Object value(ExportRow row) {
        if (isFeatureId()) return row.id();
        JsonNode node = row.properties().get(property);
        if (node == null || node.isNull() || node.isMissingNode()) return null;
        return switch (type) {
            case INTEGER -> node.isIntegralNumber() && node.canConvertToLong() ? node.longValue() : text(node);
            case REAL -> node.isNumber() ? node.doubleValue() : text(node);
            case BOOLEAN -> node.isBoolean() ? node.booleanValue() : text(node);
            case DATE -> node.isTextual() ? LocalDate.parse(node.textValue()) : text(node);
            case TEXT, JSON -> text(node);
        };
    }

    /** A value from {@link #value} as text for text formats: decimals never in exponent notation. */
    public static String display(Object value) {
        if (value == null) return "";
        if (value instanceof Double d) return Double.isFinite(d) ? java.math.BigDecimal.valueOf(d).toPlainString() : d.toString();
        return value.toString();
    }

    /** A value as text: strings as they are, everything else as compact JSON. */
    public static String text(JsonNode node) {
        return node.isTextual() ? node.textValue() : node.toString();
    }

    /** The raw JSON value of this column in a row; null when absent. */
    public JsonNode node(ExportRow row) {
        if (isFeatureId()) return null;
        JsonNode node = row.properties().get(property);
        return node == null || node.isNull() ? null : node;
    }

    static ValueType typeOf(JsonNode node) {
        if (node.isBoolean()) return ValueType.BOOLEAN;
        if (node.isIntegralNumber() && node.canConvertToLong()) return ValueType.INTEGER;
        if (node.isNumber()) return ValueType.REAL;
        if (node.isContainerNode()) return ValueType.JSON;
        if (node.isTextual() && isIsoDate(node.textValue())) return ValueType.DATE;
        return ValueType.TEXT;
    }

    private static ValueType widen(ValueType a, ValueType b) {
        if (a == null) return b;
        if (b == null || a == b) return a;
        if ((a == ValueType.INTEGER && b == ValueType.REAL) || (a == ValueType.REAL && b == ValueType.INTEGER)) {
            return ValueType.REAL;
        }
        return ValueType.TEXT;
    }

    private static boolean isIsoDate(String text) {
        if (!ISO_DATE.matcher(text).matches()) return false;
        try {
            LocalDate.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static String unique(String wanted, Set<String> taken) {
        String name = wanted;
        for (int n = 1; taken.contains(name.toLowerCase(Locale.ROOT)); n++) name = wanted + "_" + n;
        taken.add(name.toLowerCase(Locale.ROOT));
        return name;
    }
}
