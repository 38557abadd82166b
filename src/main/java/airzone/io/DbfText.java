package airzone.io;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;

/**
 * Text for a dBase character field, which holds at most 254 bytes: the longest prefix of a string
 * whose encoding fits, cut between characters — never inside a UTF-8 or GBK byte sequence nor
 * between the two halves of a surrogate pair. Characters GBK cannot represent become '?', as
 * {@link String#getBytes(Charset)} (and so H2GIS's DBF writer) encodes them.
 */
public final class DbfText {

    /** The dBase III limit for a character field. */
    public static final int MAX_BYTES = 254;

    private DbfText() {
    }

    /** Bytes of {@code text} in {@code charset}, unmappable characters counted as the one-byte '?'. */
    public static int byteLength(String text, Charset charset) {
        return text.getBytes(charset).length;
    }

    /** {@code text} itself when it fits in {@code maxBytes}, else its longest fitting prefix of whole characters. */
    public static String truncate(String text, Charset charset, int maxBytes) {
        if (text.length() <= maxBytes / maxBytesPerChar(charset) || byteLength(text, charset) <= maxBytes) return text;
        CharsetEncoder encoder = charset.newEncoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        ByteBuffer out = ByteBuffer.allocate(maxBytes);
        CharBuffer in = CharBuffer.wrap(text);
        // the encoder stops before a character (or surrogate pair) that no longer fits: OVERFLOW
        encoder.encode(in, out, true);
        return text.substring(0, in.position());
    }

    private static int maxBytesPerChar(Charset charset) {
        return Math.max(1, (int) Math.ceil(charset.newEncoder().maxBytesPerChar()));
    }
}
