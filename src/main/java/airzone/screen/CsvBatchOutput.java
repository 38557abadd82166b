package airzone.screen;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Batch results as CSV, UTF-8 with a byte-order mark (without one, Excel in a Chinese locale reads
 * UTF-8 as GBK and garbles every name). Summary: one row per site; findings: one row per finding.
 * Columns an Excel input carried come last in both.
 */
final class CsvBatchOutput implements BatchOutput {

    private static final List<String> FINDING_COLUMNS = List.of("row", "name", "verdict", "rule", "severity", "layer", "feature_id",
            "feature_name", "distance_km", "message_zh", "message_en", "document", "clause", "error");

    private final CSVPrinter csv;
    private final boolean perFinding;

    CsvBatchOutput(OutputStream out, boolean perFinding, List<String> carried) throws IOException {
        OutputStreamWriter writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        this.perFinding = perFinding;
        this.csv = new CSVPrinter(writer, CSVFormat.RFC4180);
        if (perFinding) {
            List<String> header = new ArrayList<>(FINDING_COLUMNS);
            header.addAll(carried);
            csv.printRecord(header);
        } else {
            csv.printRecord(BatchSummary.header(carried));
        }
    }

    @Override
    public void write(BatchRow row, Screening s) throws IOException {
        if (!perFinding) {
            csv.printRecord(BatchSummary.values(row, s));
            return;
        }
        if (s == null) {
            List<Object> values = new ArrayList<>(Arrays.asList(row.row(), row.name(), "", "", "", "", "", "", "", "", "", "", "", row.error()));
            values.addAll(row.carried());
            csv.printRecord(values);
            return;
        }
        for (Finding f : s.findings()) {
            List<Object> values = new ArrayList<>(FINDING_COLUMNS.size() + row.carried().size());
            values.addAll(Arrays.asList(row.row(), row.name(), s.verdict().code(), f.rule(), f.severity().code(), f.layer(), f.featureId(),
                    f.name(), f.distanceKm(), f.messageZh(), f.messageEn(), f.citation().document(), f.citation().clause(), ""));
            values.addAll(row.carried());
            csv.printRecord(values);
        }
    }

    @Override
    public void close() throws IOException {
        csv.close(true);
    }
}
