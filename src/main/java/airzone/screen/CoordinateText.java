package airzone.screen;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A longitude or latitude as people type it into a spreadsheet: {@code 119.6}, {@code 119.6°},
 * {@code 119.6°E}, {@code 119°36'12.5"E}, {@code 119°36′12.5″}, {@code 东经119度36分12.5秒}, {@code 39.9 N};
 * S and W (南纬, 西经) make it negative. Written here because neither JTS nor proj4j parses DMS text.
 */
final class CoordinateText {

    private static final Pattern DMS = Pattern.compile(
            "(东经|西经|北纬|南纬)?\\s*([+-]?\\d+(?:\\.\\d+)?)\\s*(?:[°º˚]|度)?"
                    + "\\s*(?:(\\d+(?:\\.\\d+)?)\\s*(?:['′’]|分))?"
                    + "\\s*(?:(\\d+(?:\\.\\d+)?)\\s*(?:[\"″”]|''|′′|秒))?"
                    + "\\s*([NSEWnsew])?");

    private CoordinateText() {
    }

    /**
     * @param field "lon" or "lat", whose hemisphere letters (E/W or N/S) are the only ones accepted
     * @return the value in decimal degrees (not yet range-checked), or null when the text is no coordinate at all
     */
    static Double parse(String field, String raw) {
        String text = raw.trim();
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException notPlain) {
            // fall through to degrees, minutes, seconds
        }
        Matcher m = DMS.matcher(text);
        if (!m.matches()) return null;
        double degrees = Double.parseDouble(m.group(2));
        double minutes = m.group(3) == null ? 0 : Double.parseDouble(m.group(3));
        double seconds = m.group(4) == null ? 0 : Double.parseDouble(m.group(4));
        if (minutes >= 60 || seconds >= 60) throw new InvalidSite(field + " '" + raw + "' has minutes or seconds of 60 or more");
        if ((minutes > 0 || seconds > 0) && m.group(2).contains(".")) {
            throw new InvalidSite(field + " '" + raw + "' has decimal degrees and minutes or seconds as well");
        }
        int hemisphere = hemisphere(field, raw, m.group(1), m.group(5));
        if (hemisphere < 0 && m.group(2).startsWith("-")) throw new InvalidSite(field + " '" + raw + "' is negative and names a southern or western hemisphere");
        double magnitude = Math.abs(degrees) + minutes / 60 + seconds / 3600;
        boolean negative = m.group(2).startsWith("-") || hemisphere < 0;
        return negative ? -magnitude : magnitude;
    }

    /** +1 east or north, -1 west or south, 0 when not said; a letter of the other axis is an error. */
    private static int hemisphere(String field, String raw, String chinese, String letter) {
        String said = chinese != null ? switch (chinese) {
            case "东经" -> "E";
            case "西经" -> "W";
            case "北纬" -> "N";
            default -> "S";
        } : letter == null ? null : letter.toUpperCase(Locale.ROOT);
        if (chinese != null && letter != null && !said.equals(letter.toUpperCase(Locale.ROOT))) {
            throw new InvalidSite(field + " '" + raw + "' names two hemispheres");
        }
        if (said == null) return 0;
        boolean longitude = field.equals("lon");
        boolean letterIsLongitude = said.equals("E") || said.equals("W");
        if (longitude != letterIsLongitude) {
            throw new InvalidSite(field + " '" + raw + "' names the hemisphere " + said + ", which belongs to " + (longitude ? "a latitude" : "a longitude"));
        }
        return said.equals("W") || said.equals("S") ? -1 : 1;
    }
}
