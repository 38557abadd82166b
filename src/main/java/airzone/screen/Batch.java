package airzone.screen;

import java.util.Iterator;
import java.util.List;

/**
 * A batch as read: what kind of file it came from, its rows in input order, the names of the columns
 * carried through to the result unchanged (an Excel sheet's own columns; none for CSV and GeoJSON), and
 * which sheet was read (Excel; else null). CSV and GeoJSON rows are read from the spooled upload each
 * time {@link #rows()} is called, never held all at once, so a batch of a million rows takes the memory
 * of a few thousand; closing the batch deletes the spooled file.
 */
public final class Batch implements AutoCloseable {

    public enum Source { CSV, GEOJSON, XLSX }

    /** The sheet of a workbook a batch came from: its name, its 1-based position, and the row its header is on. */
    public record Sheet(String name, int number, int headerRow) {
    }

    /** One pass over the rows, from the first; a row that cannot be read at all ends it with {@link BatchInput.Refused}. */
    public interface Cursor extends Iterator<BatchRow>, AutoCloseable {
        @Override
        void close();
    }

    /** Where the rows come from: a fresh {@link Cursor} over the same rows each time. */
    interface Rows {
        Cursor open();
    }

    private final Source source;
    private final Rows rows;
    private final List<String> carried;
    private final Sheet sheet;
    private final Runnable release;

    /** @param release deletes what the rows are read from (the spooled upload) */
    Batch(Source source, Rows rows, List<String> carried, Sheet sheet, Runnable release) {
        this.source = source;
        this.rows = rows;
        this.carried = carried;
        this.sheet = sheet;
        this.release = release;
    }

    /** Rows already in memory (an Excel sheet, a test's fixture). */
    static Batch of(Source source, List<BatchRow> rows, List<String> carried, Sheet sheet) {
        return new Batch(source, () -> cursor(rows.iterator()), carried, sheet, () -> { });
    }

    public Source source() {
        return source;
    }

    public List<String> carried() {
        return carried;
    }

    public Sheet sheet() {
        return sheet;
    }

    /** A new pass over the rows; close it when done. */
    public Cursor rows() {
        return rows.open();
    }

    @Override
    public void close() {
        release.run();
    }

    private static Cursor cursor(Iterator<BatchRow> rows) {
        return new Cursor() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public BatchRow next() {
                return rows.next();
            }

            @Override
            public void close() {
            }
        };
    }
}
