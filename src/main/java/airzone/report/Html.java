package airzone.report;

/**
 * Escaping for text that goes into the report: one rule for HTML text, attribute values and the
 * inline SVG (which must stay well-formed XML), so only the five XML-predefined characters are
 * replaced and no named HTML entity is ever written.
 */
public final class Html {

    private Html() {
    }

    /** {@code value} safe as HTML/XML text or a quoted attribute; null becomes the empty string. */
    public static String escape(String value) {
        if (value == null) return "";
        StringBuilder out = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            String replacement = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            // control characters other than tab and line breaks are not allowed in XML 1.0 at all
            if (replacement == null && c < 0x20 && c != '\t' && c != '\n' && c != '\r') replacement = " ";
            if (replacement != null) {
                if (out == null) out = new StringBuilder(value.length() + 16).append(value, 0, i);
                out.append(replacement);
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? value : out.toString();
    }
}
