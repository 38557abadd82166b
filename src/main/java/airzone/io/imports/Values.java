package airzone.io.imports;

import airzone.io.ValueType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.DateTimeException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Locale;

/**
 * Attribute values brought to a type when that loses nothing: "true" or 1 to a boolean, "12" or 12.0
 * to an integer, "2025-01-01" as a date. A value that does not fit the type stays as it was.
 */
final class Values {

    private static final Pattern DATE = Pattern.compile("(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})|(\\d{4})(\\d{2})(\\d{2})");

    private Values() {
    }

    static JsonNode as(JsonNode v, ValueType type) {
        if (v == null || v.isNull() || type == null) return v;
        return switch (type) {
            case BOOLEAN -> bool(v);
            case INTEGER -> integer(v);
            case REAL -> real(v);
            case DATE -> date(v);
            // nested values are written as JSON text; the collections people write hold plain values only, so text it stays
            case JSON -> v;
            case TEXT -> v.isTextual() ? v : v.isValueNode() ? TextNode.valueOf(text(v)) : v;
        };
    }

    /** An integer as the smallest JSON node that holds it, as a JSON parser would give it. */
    static JsonNode integral(long v) {
        return v == (int) v ? IntNode.valueOf((int) v) : LongNode.valueOf(v);
    }

    /** The type a JSON value has, as the exports name types; null for null. */
    static ValueType typeOf(JsonNode v) {
        if (v == null || v.isNull()) return null;
        if (v.isBoolean()) return ValueType.BOOLEAN;
        if (v.isIntegralNumber()) return ValueType.INTEGER;
        if (v.isNumber()) return ValueType.REAL;
        if (v.isContainerNode()) return ValueType.JSON;
        return ValueType.TEXT;
    }

    /** The type that holds values of both: integer and real make real, any other mix text. */
    static ValueType widen(ValueType a, ValueType b) {
        if (a == null) return b;
        if (b == null || a == b) return a;
        if ((a == ValueType.INTEGER && b == ValueType.REAL) || (a == ValueType.REAL && b == ValueType.INTEGER)) return ValueType.REAL;
        return ValueType.TEXT;
    }

    private static JsonNode bool(JsonNode v) {
        if (v.isBoolean()) return v;
        if (v.isIntegralNumber() && (v.longValue() == 0 || v.longValue() == 1)) return BooleanNode.valueOf(v.longValue() == 1);
        if (v.isTextual()) {
            switch (v.textValue().trim().toLowerCase(Locale.ROOT)) {
                case "true", "t", "1", "y", "yes" -> {
                    return BooleanNode.TRUE;
                }
                case "false", "f", "0", "n", "no" -> {
                    return BooleanNode.FALSE;
                }
                default -> {
                    return v;
                }
            }
        }
        return v;
    }

    private static JsonNode integer(JsonNode v) {
        if (v.isIntegralNumber()) return v;
        try {
            BigDecimal d = v.isNumber() ? v.decimalValue() : v.isTextual() ? new BigDecimal(v.textValue().trim()) : null;
            if (d == null) return v;
            return integral(d.longValueExact());
        } catch (ArithmeticException | NumberFormatException e) {
            return v;
        }
    }

    private static JsonNode real(JsonNode v) {
        if (v.isNumber()) return v;
        if (!v.isTextual()) return v;
        try {
            return DoubleNode.valueOf(Double.parseDouble(v.textValue().trim()));
        } catch (NumberFormatException e) {
            return v;
        }
    }

    /** ISO dates as they are; 2025/01/01 (GDAL's KML and CSV), 2025.1.1 and 20250101 (dBase) as ISO. */
    private static JsonNode date(JsonNode v) {
        if (!v.isTextual()) return v;
        String t = v.textValue().trim();
        Matcher m = DATE.matcher(t);
        if (!m.matches()) return v;
        try {
            int year = Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(4));
            int month = Integer.parseInt(m.group(1) != null ? m.group(2) : m.group(5));
            int day = Integer.parseInt(m.group(1) != null ? m.group(3) : m.group(6));
            return TextNode.valueOf(LocalDate.of(year, month, day).toString());
        } catch (DateTimeException e) {
            return v;
        }
    }

    private static String text(JsonNode v) {
        if (v.isNumber()) {
            BigDecimal d = v.decimalValue().stripTrailingZeros();
            return d.scale() <= 0 ? d.toBigInteger().toString() : d.toPlainString();
        }
        return v.asText();
    }
}
