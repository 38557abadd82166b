package airzone.io.imports;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * The encoding of a file's text and where that came from: the shapefile's .cpg, the request's
 * {@code encoding} parameter, a guess (strict UTF-8, else GBK), or the format itself (GeoJSON,
 * KML, GeoPackage are UTF-8 by specification).
 */
public record TextEncoding(Charset charset, String name, String detectedFrom) {

    public static final String CPG = "cpg";
    public static final String PARAMETER = "parameter";
    public static final String GUESS = "guess";
    public static final String FORMAT = "format";

    public static final Charset GBK = Charset.forName("GBK");
    public static final Charset GB18030 = Charset.forName("GB18030");

    public static TextEncoding utf8(String detectedFrom) {
        return new TextEncoding(StandardCharsets.UTF_8, "UTF-8", detectedFrom);
    }

    public boolean isUtf8() {
        return charset.equals(StandardCharsets.UTF_8);
    }

    /** The {@code encoding} request parameter: UTF-8, GBK (CP936, 936, GB2312) or GB18030. */
    public static Optional<TextEncoding> parameter(String raw) {
        return named(raw).filter(c -> c.equals(StandardCharsets.UTF_8) || c.equals(GBK) || c.equals(GB18030))
                .map(c -> new TextEncoding(c, displayName(c), PARAMETER));
    }

    /**
     * A .cpg's content as the writers put it: "UTF-8", "UTF8", "65001", "GBK", "CP936", "936",
     * "ANSI 936", "GB2312", "GB18030", "CP1252", "88591" ... (the code page numbers GDAL and ArcGIS use).
     */
    public static Optional<TextEncoding> cpg(String content) {
        String t = content.trim().replace("\uFEFF", "");
        if (t.isEmpty()) return Optional.empty();
        return named(t).map(c -> new TextEncoding(c, displayName(c), CPG));
    }

    private static Optional<Charset> named(String raw) {
        if (raw == null) return Optional.empty();
        String t = raw.trim().toUpperCase(Locale.ROOT).replace('_', '-');
        if (t.startsWith("ANSI ")) t = t.substring(5).trim();
        switch (t) {
            case "UTF-8", "UTF8", "65001" -> {
                return Optional.of(StandardCharsets.UTF_8);
            }
            case "GBK", "CP936", "CP-936", "936", "MS936", "GB2312", "EUC-CN", "WINDOWS-936" -> {
                return Optional.of(GBK);
            }
            case "GB18030", "54936" -> {
                return Optional.of(GB18030);
            }
            case "88591", "8859-1", "ISO-8859-1", "LATIN1" -> {
                return Optional.of(StandardCharsets.ISO_8859_1);
            }
            default -> {
                // code page numbers as GDAL reads them from a .cpg: 1252 → windows-1252, 950 → Big5
                String name = t.matches("\\d{3,4}") ? (t.startsWith("12") ? "windows-" + t : "CP" + t) : t;
                try {
                    return Optional.of(Charset.forName(name));
                } catch (IllegalArgumentException e) {
                    return Optional.empty();
                }
            }
        }
    }

    private static String displayName(Charset c) {
        if (c.equals(StandardCharsets.UTF_8)) return "UTF-8";
        if (c.equals(GBK)) return "GBK";
        return c.name();
    }

    /** A decoder that reports bytes invalid in this encoding instead of replacing them. */
    public CharsetDecoder strictDecoder() {
        return charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** Decodes {@code bytes} strictly; empty when they are not valid in this encoding. */
    public Optional<String> decode(byte[] bytes, int offset, int length) {
        try {
            return Optional.of(strictDecoder().decode(ByteBuffer.wrap(bytes, offset, length)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
