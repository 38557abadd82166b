package airzone.screen;

import java.util.List;

/**
 * A batch as read: what kind of file it came from, its rows in input order, the names of the columns
 * carried through to the result unchanged (an Excel sheet's own columns; none for CSV and GeoJSON), and
 * which sheet was read (Excel; else null).
 */
public record Batch(Source source, List<BatchRow> rows, List<String> carried, Sheet sheet) {

    public enum Source { CSV, GEOJSON, XLSX }

    /** The sheet of a workbook a batch came from: its name, its 1-based position, and the row its header is on. */
    public record Sheet(String name, int number, int headerRow) {
    }

    /** The rows refused while reading (bad coordinates, bad values), before any screening. */
    public List<BatchRow> refused() {
        return rows.stream().filter(r -> r.site() == null).toList();
    }
}
