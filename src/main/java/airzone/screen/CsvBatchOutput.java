package airzone.screen;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;

/**
 * Batch results as CSV, UTF-8 with a byte-order mark (without one, Excel in a Chinese locale reads
 * UTF-8 as GBK and garbles every name). Summary: one row per site; findings: one row per finding.
 */
final class CsvBatchOutput implements BatchOutput {

    private final CSVPrinter csv;
    private final boolean perFinding;

    CsvBatchOutput(OutputStream out, boolean perFinding) throws IOException {
        OutputStreamWriter writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        this.perFinding = perFinding;
        this.csv = new CSVPrinter(writer, CSVFormat.RFC4180);
        if (perFinding) {
            csv.printRecord("row", "name", "verdict", "rule", "severity", "layer", "feature_id", "feature_name", "distance_km",
                    "message_zh", "message_en", "document", "clause", "error");
        } else {
            csv.printRecord("row", "name", "lon", "lat", "verdict", "district", "city", "province", "findings", "error");
        }
    }

    @Override
    public void write(BatchRow row, Screening s) throws IOException {
        if (perFinding) {
            if (s == null) {
                csv.printRecord(row.row(), row.name(), "", "", "", "", "", "", "", "", "", "", "", row.error());
                return;
            }
            for (Finding f : s.findings()) {
                csv.printRecord(row.row(), row.name(), s.verdict().code(), f.rule(), f.severity().code(), f.layer(), f.featureId(),
                        f.name(), f.distanceKm(), f.messageZh(), f.messageEn(), f.citation().document(), f.citation().clause(), "");
            }
            return;
        }
        if (s == null) {
            csv.printRecord(row.row(), row.name(), "", "", "", "", "", "", "", row.error());
            return;
        }
        StringJoiner summary = new StringJoiner("; ");
        for (Finding f : s.findings()) {
            summary.add(f.rule() + "=" + f.severity().code() + (f.distanceKm() == null || f.distanceKm() == 0 ? "" : " (" + f.distanceKm() + " km)"));
        }
        var point = s.site().geometry().getInteriorPoint();
        csv.printRecord(row.row(), row.name(), point.getX(), point.getY(), s.verdict().code(), s.district().path("name").asText(""),
                s.district().path("city").asText(""), s.district().path("province").asText(""), summary.toString(), "");
    }

    @Override
    public void close() throws IOException {
        csv.close(true);
    }
}
