package airzone.io;


/**
 * Coordinates of the text formats at a fixed number of decimals ({@link ExportCrs#decimals()}: about
 * a centimetre), written as plain decimals: Gauss-Krüger eastings with zone prefix and Web Mercator
 * values exceed 10⁷, where {@code Double.toString} — and jts-io's GeoJSON writer with it — switches
 * to exponent notation at full precision ("4.0377310510037996E7").
 */
final class Ordinates {

    private Ordinates() {
    }

    /** {@code value} rounded half up to {@code decimals} places, trailing zeros dropped: "40377310.51", "118.5". */
    static String format(double value, int decimals) {
        if (!Double.isFinite(value)) throw new IllegalArgumentException("coordinate " + value + " is not finite");
        long scale = pow10(decimals);
        long scaled = Math.round(Math.abs(value) * scale);
        boolean negative = value < 0 && scaled != 0;
        String digits = Long.toString(scaled);
        StringBuilder out = new StringBuilder(digits.length() + 3);
        if (negative) out.append('-');
        if (digits.length() <= decimals) {
            out.append("0.");
            for (int i = digits.length(); i < decimals; i++) out.append('0');
            out.append(digits);
        } else {
            out.append(digits, 0, digits.length() - decimals);
            if (decimals > 0) out.append('.').append(digits, digits.length() - decimals, digits.length());
        }
        // drop trailing zeros of the fraction, and the point if nothing is left after it
        int end = out.length();
        if (decimals > 0) {
            while (out.charAt(end - 1) == '0') end--;
            if (out.charAt(end - 1) == '.') end--;
        }
        out.setLength(end);
        return out.toString();
    }

    private static long pow10(int decimals) {
        long p = 1;
        for (int i = 0; i < decimals; i++) p *= 10;
        return p;
    }
}
