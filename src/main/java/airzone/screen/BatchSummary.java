package airzone.screen;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.StringJoiner;

/**
 * The summary result of a batch, a row per site, as the CSV and the Excel output both write it: the
 * result columns, then the columns the input carried through.
 */
final class BatchSummary {

    static final List<String> COLUMNS = List.of("row", "name", "lon", "lat", "verdict", "district", "city", "province", "findings", "error");

    private BatchSummary() {
    }

    static List<String> header(List<String> carried) {
        List<String> header = new ArrayList<>(COLUMNS);
        header.addAll(carried);
        return header;
    }

    /** The row's values, numbers as numbers (row, lon, lat) and the rest as text; a refused row has only its number, name and error. */
    static List<Object> values(BatchRow row, Screening s) {
        List<Object> values = new ArrayList<>(COLUMNS.size() + row.carried().size());
        if (s == null) {
            values.addAll(Arrays.asList(row.row(), row.name(), "", "", "", "", "", "", "", row.error()));
        } else {
            StringJoiner summary = new StringJoiner("; ");
            for (Finding f : s.findings()) {
                summary.add(f.rule() + "=" + f.severity().code() + (f.distanceKm() == null || f.distanceKm() == 0 ? "" : " (" + f.distanceKm() + " km)"));
            }
            var point = s.site().geometry().getInteriorPoint();
            values.addAll(Arrays.asList(row.row(), row.name(), point.getX(), point.getY(), s.verdict().code(), s.district().path("name").asText(""),
                    s.district().path("city").asText(""), s.district().path("province").asText(""), summary.toString(), ""));
        }
        values.addAll(row.carried());
        return values;
    }
}
