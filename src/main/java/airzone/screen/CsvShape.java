package airzone.screen;

import java.io.IOException;
import java.io.Reader;

/**
 * One quick pass over a CSV before any row is screened: how many records it has, how long its longest
 * is, and whether Commons CSV would stop part-way (a quote never closed, text after a closing quote).
 * A streamed batch answers 200 with its first rows while later ones are still unread, so whatever
 * would refuse the whole request has to be found first; Commons CSV offers no such check and no bound
 * on a record's length, hence this scanner. It follows Commons CSV's lexer for {@code RFC4180} as
 * {@link BatchInput} configures it: ',' delimits, '"' opens a value only as its first character, ""
 * inside is a quote, a closing quote may be followed by whitespace only, '\r', '\n' and "\r\n" end a
 * record, and empty lines are no records.
 */
final class CsvShape {

    private enum State { FIELD_START, UNQUOTED, QUOTED, QUOTE_IN_QUOTED, AFTER_QUOTE }

    /** Records that are not empty lines, the header among them. */
    final long records;
    /** Characters in the longest record, without its line end. */
    final long longest;
    /** The line and record where the longest starts (1-based). */
    final long longestLine;
    /** Why Commons CSV would fail on this text, or null. */
    final String problem;

    private CsvShape(long records, long longest, long longestLine, String problem) {
        this.records = records;
        this.longest = longest;
        this.longestLine = longestLine;
        this.problem = problem;
    }

    /**
     * @param stopAfter records beyond which counting stops (the batch is too long whatever follows)
     * @throws IOException from the reader, among them {@link java.nio.charset.MalformedInputException} for bytes
     *                     that are not text in its charset
     */
    static CsvShape of(Reader text, long stopAfter) throws IOException {
        char[] buffer = new char[1 << 16];
        State state = State.FIELD_START;
        long records = 0, length = 0, longest = 0, longestLine = 0, line = 1, recordLine = 1, quoteLine = 0;
        for (int n; (n = text.read(buffer)) >= 0 && records <= stopAfter; ) {
            for (int i = 0; i < n; i++) {
                char c = buffer[i];
                if (c == '\n') line++;
                boolean lineEnd = c == '\r' || c == '\n';
                if (lineEnd && state != State.QUOTED) {
                    // "\r\n" ends one record: the '\n' after a '\r' meets an empty one
                    if (length > 0) {
                        records++;
                        if (length > longest) {
                            longest = length;
                            longestLine = recordLine;
                        }
                    }
                    length = 0;
                    state = State.FIELD_START;
                    continue;
                }
                if (length == 0) recordLine = line;
                length++;
                switch (state) {
                    case FIELD_START -> {
                        if (c == '"') {
                            state = State.QUOTED;
                            quoteLine = line;
                        } else if (c != ',') {
                            state = State.UNQUOTED;
                        }
                    }
                    case UNQUOTED -> {
                        if (c == ',') state = State.FIELD_START;
                    }
                    case QUOTED -> {
                        if (c == '"') state = State.QUOTE_IN_QUOTED;
                    }
                    case QUOTE_IN_QUOTED, AFTER_QUOTE -> {
                        if (c == '"' && state == State.QUOTE_IN_QUOTED) {
                            state = State.QUOTED;
                        } else if (c == ',') {
                            state = State.FIELD_START;
                        } else if (Character.isWhitespace(c)) {
                            state = State.AFTER_QUOTE;
                        } else {
                            return new CsvShape(records, longest, longestLine, "line " + line + ": '" + c + "' follows the closing quote of a value; "
                                    + "a quote inside a quoted value is written twice (\"a \"\"b\"\" c\", RFC 4180)");
                        }
                    }
                }
            }
        }
        if (state == State.QUOTED) {
            return new CsvShape(records, longest, longestLine, "the quoted value opened on line " + quoteLine + " is never closed");
        }
        if (length > 0) {
            records++;
            if (length > longest) {
                longest = length;
                longestLine = recordLine;
            }
        }
        return new CsvShape(records, longest, longestLine, null);
    }
}
