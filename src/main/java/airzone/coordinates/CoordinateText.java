package airzone.coordinates;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Normalizer;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a position as planners type or paste it: decimal degrees ({@code 118.95, 42.28}, lon first
 * unless hemisphere letters say otherwise: {@code 42.28N 118.95E}), degrees-minutes-seconds and
 * degrees-decimal-minutes ({@code 118°57'00"E}, ′ ″, 度分秒, 东经/北纬), and CGCS2000 3-degree
 * Gauss-Krüger x/y as Chinese EIA documents give them ({@link GaussKrugerText}). Written by hand:
 * no maintained Java library reads this mix of notations (proj4j and GeographicLib's DMS reader
 * take one strict form each).
 */
public final class CoordinateText {

    private static final String NUM = "([-+]?\\d+(?:\\.\\d+)?)";
    /** Degrees, then optional minutes and seconds once a degree sign is there. */
    private static final String ANGLE = NUM + "\\s*(?:°\\s*(?:" + NUM + "\\s*'\\s*(?:" + NUM + "\\s*\"\\s*)?)?)?";
    private static final String SUFFIXED = ANGLE + "([NSEW])?";
    private static final String PREFIXED = "([NSEW])\\s*" + ANGLE;
    /** Between the two: a comma (or ; /), blanks, or nothing after a hemisphere letter or an angle sign. */
    private static final Pattern SUFFIX_STYLE = Pattern.compile(
            "^" + SUFFIXED + "(?:\\s*[,;/]\\s*|\\s+|(?<=[NSEW°'\"])\\s*)" + SUFFIXED + "$");
    private static final Pattern PREFIX_STYLE = Pattern.compile("^" + PREFIXED + "\\s*[,;/]?\\s*" + PREFIXED + "$");
    /** One angle alone, as a spreadsheet cell holds it: the letter before or after it (a blank allowed before). */
    private static final Pattern ONE_PREFIXED = Pattern.compile("^" + PREFIXED + "$");
    private static final Pattern ONE_SUFFIXED = Pattern.compile("^" + ANGLE + "\\s*([NSEW])?$");
    /** A run of what is neither number nor sign; only a hemisphere letter or an X/Y label may be one. */
    private static final Pattern WORD = Pattern.compile("[^0-9.+\\-,;/\\s°'\"=:]+");
    private static final Pattern LETTER = Pattern.compile("[NSEWXYnsewxy]");
    private static final String EXAMPLES = "write longitude and latitude as 118.95, 42.28 or 42.28N 118.95E or 118°57'00\"E 42°16'48\"N, "
            + "or Gauss-Krüger as X=4681234.5 Y=40512345.6";

    private CoordinateText() {
    }

    /** @param zone the Gauss-Krüger zone for a 6-digit easting (null or blank: none given) */
    public static ReadCoordinates read(String text, String zone) {
        if (text == null || text.isBlank()) throw new UnreadableCoordinates("no coordinates given: " + EXAMPLES);
        String spelled = spelledOut(text);
        Matcher word = WORD.matcher(spelled);
        while (word.find()) {
            if (!LETTER.matcher(word.group()).matches()) {
                throw new UnreadableCoordinates("could not read '" + word.group() + "' in '" + text.strip() + "': " + EXAMPLES);
            }
        }
        String s = spelled.toUpperCase(Locale.ROOT);
        if (GaussKrugerText.looksProjected(s)) return GaussKrugerText.read(s, text.strip(), zone);
        if (zone != null && !zone.isBlank()) {
            throw new UnreadableCoordinates("zone is given, but '" + text.strip() + "' is in degrees, not Gauss-Krüger metres");
        }
        return degrees(s, text.strip());
    }

    /**
     * One longitude or latitude as a spreadsheet cell holds it: {@code 119.6°}, {@code 119.6°E},
     * {@code 119°36'12.5"E}, {@code 东经119度36分12.5秒}, {@code 39.9 N}; S and W make it negative, and only
     * the axis's own hemisphere letters are taken. Not range-checked.
     *
     * @return empty when the text is no angle at all
     */
    public static OptionalDouble angle(String text, boolean longitude) {
        String s = spelledOut(text).toUpperCase(Locale.ROOT);
        Angle angle;
        Matcher m = ONE_PREFIXED.matcher(s);
        if (m.matches()) {
            angle = new Angle(m.group(1), m.group(2), m.group(3), m.group(4));
        } else if ((m = ONE_SUFFIXED.matcher(s)).matches()) {
            angle = new Angle(m.group(4), m.group(1), m.group(2), m.group(3));
        } else {
            return OptionalDouble.empty();
        }
        String axis = longitude ? "longitude" : "latitude";
        if (longitude ? angle.isLatitude() : angle.isLongitude()) {
            throw new UnreadableCoordinates(axis + " '" + text.strip() + "' names the hemisphere " + angle.hemisphere()
                    + ", which belongs to " + (longitude ? "a latitude" : "a longitude"));
        }
        return OptionalDouble.of(angle.degrees(axis));
    }

    private static ReadCoordinates degrees(String s, String original) {
        Angle first;
        Angle second;
        Matcher m = PREFIX_STYLE.matcher(s);
        if (m.matches()) {
            first = new Angle(m.group(1), m.group(2), m.group(3), m.group(4));
            second = new Angle(m.group(5), m.group(6), m.group(7), m.group(8));
        } else if ((m = SUFFIX_STYLE.matcher(s)).matches()) {
            first = new Angle(m.group(4), m.group(1), m.group(2), m.group(3));
            second = new Angle(m.group(8), m.group(5), m.group(6), m.group(7));
        } else {
            long numbers = Pattern.compile("\\d+(?:\\.\\d+)?").matcher(s).results().count();
            throw new UnreadableCoordinates("could not read '" + original + "' as a position"
                    + (numbers < 2 ? " (it holds " + numbers + " number" + (numbers == 1 ? "" : "s") + "; a position needs two)" : "")
                    + ": " + EXAMPLES);
        }
        Angle lonAngle;
        Angle latAngle;
        if (first.isLatitude() || second.isLongitude()) {
            latAngle = first;
            lonAngle = second;
        } else {
            lonAngle = first;
            latAngle = second;
        }
        if (lonAngle.isLatitude() || latAngle.isLongitude()) {
            throw new UnreadableCoordinates("'" + original + "' gives two " + (first.isLatitude() ? "latitudes (N/S)" : "longitudes (E/W)")
                    + ": a position needs one of each");
        }
        boolean lettered = first.hemisphere != null || second.hemisphere != null;
        double lon = lonAngle.degrees("longitude");
        double lat = latAngle.degrees("latitude");
        String order = lettered ? "" : " (without N/S/E/W the first number is read as longitude, the second as latitude)";
        if (Math.abs(lon) > 180) throw new UnreadableCoordinates("longitude " + plain(lon) + " is outside -180..180" + order);
        if (Math.abs(lat) > 90) throw new UnreadableCoordinates("latitude " + plain(lat) + " is outside -90..90" + order);
        boolean dms = first.minutes != null || second.minutes != null;
        String understood = lonLat(lon, lat);
        return new ReadCoordinates(lon, lat, dms ? ReadCoordinates.Kind.DMS : ReadCoordinates.Kind.DECIMAL, "EPSG:4490", null,
                dms ? lonAngle.written("EW") + " " + latAngle.written("NS") + " → " + understood : understood);
    }

    /** One angle as written: hemisphere letter (or null), degrees, minutes and seconds (null when absent). */
    private record Angle(String hemisphere, String deg, String minutes, String seconds) {

        boolean isLatitude() {
            return "N".equals(hemisphere) || "S".equals(hemisphere);
        }

        boolean isLongitude() {
            return "E".equals(hemisphere) || "W".equals(hemisphere);
        }

        double degrees(String axis) {
            boolean negative = deg.startsWith("-");
            if (negative && hemisphere != null) {
                throw new UnreadableCoordinates(axis + " " + deg + hemisphere + " has both a minus sign and a hemisphere letter");
            }
            double value = Math.abs(Double.parseDouble(deg));
            if (minutes != null) {
                if (deg.contains(".")) throw new UnreadableCoordinates(axis + " " + deg + "° has decimals and minutes too");
                double min = Double.parseDouble(minutes);
                if (min >= 60) throw new UnreadableCoordinates(axis + " has " + minutes + " minutes; minutes run 0..59");
                value += min / 60;
                if (seconds != null) {
                    if (minutes.contains(".")) throw new UnreadableCoordinates(axis + " " + minutes + "' has decimals and seconds too");
                    double sec = Double.parseDouble(seconds);
                    if (sec >= 60) throw new UnreadableCoordinates(axis + " has " + seconds + " seconds; seconds run 0..59");
                    value += sec / 3600;
                }
            }
            return negative || "S".equals(hemisphere) || "W".equals(hemisphere) ? -value : value;
        }

        /** As typed, with the proper signs: 118°57′00″E. */
        String written(String letters) {
            String sign = deg.startsWith("-") ? "-" : "";
            StringBuilder out = new StringBuilder(sign).append(deg.replaceFirst("^[-+]", "")).append('°');
            if (minutes != null) out.append(minutes).append('′');
            if (seconds != null) out.append(seconds).append('″');
            return out.append(hemisphere == null ? "" : hemisphere).toString();
        }
    }

    /** {@code 118.95°E 42.28°N}, at most 8 decimals (about a millimetre). */
    static String lonLat(double lon, double lat) {
        return plain(Math.abs(lon)) + "°" + (lon < 0 ? "W" : "E") + " " + plain(Math.abs(lat)) + "°" + (lat < 0 ? "S" : "N");
    }

    static String plain(double value) {
        return BigDecimal.valueOf(value).setScale(8, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
    }

    /** One spelling for each sign: full-width forms, primes and quotes, 度分秒 and 东经/北纬. */
    private static String spelledOut(String text) {
        String s = text.replace('º', '°').replace('˚', '°');
        s = Normalizer.normalize(s, Normalizer.Form.NFKC);
        s = s.replace("′′", "\"").replace("″", "\"").replace("′", "'").replace('’', '\'').replace('‘', '\'')
                .replace('”', '"').replace('“', '"').replace("''", "\"")
                .replace("度", "°").replace("分", "'").replace("秒", "\"")
                .replace("东经", "E").replace("西经", "W").replace("北纬", "N").replace("南纬", "S")
                .replace('、', ',');
        return s.strip();
    }
}
