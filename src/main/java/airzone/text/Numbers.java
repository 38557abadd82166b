package airzone.text;

import java.util.Locale;

/** How a number reads in a message, a label or a report: the one place that decides it. */
public final class Numbers {

    private Numbers() {
    }

    /**
     * A whole number without a decimal point ({@code 15}, not {@code 15.0}); any other as Java prints it
     * ({@code 0.5}). Beyond 10¹⁵ a double holds no fraction anyway, and a {@code long} cast would clip,
     * so those keep Java's exponent form too.
     */
    public static String plain(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }

    /** A distance in kilometres to two decimals (10 m), with a point whatever the machine's locale. */
    public static String kilometres(double km) {
        return String.format(Locale.ROOT, "%.2f", km);
    }
}
