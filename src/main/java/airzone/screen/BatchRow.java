package airzone.screen;

import java.util.List;

/**
 * One row of a batch: its number in the input (CSV and GeoJSON: 1 = first data row; Excel: the sheet's
 * own row number, as the planner sees it), either a site or why it was refused, and the values of the
 * columns an Excel sheet carries through to the result unchanged (empty for CSV and GeoJSON).
 */
public record BatchRow(int row, String name, Site site, String error, List<String> carried) {

    static BatchRow ok(int row, Site site) {
        return ok(row, site, List.of());
    }

    static BatchRow ok(int row, Site site, List<String> carried) {
        return new BatchRow(row, site.name(), site, null, carried);
    }

    static BatchRow refused(int row, String name, String error) {
        return refused(row, name, error, List.of());
    }

    /** A refused row echoes at most the first {@value #ECHOED} characters of its name: enough to find it, never a megabyte back. */
    static BatchRow refused(int row, String name, String error, List<String> carried) {
        String echoed = name == null || name.length() <= ECHOED ? name : name.substring(0, ECHOED) + "…";
        return new BatchRow(row, echoed, null, error, carried);
    }

    private static final int ECHOED = 100;
}
