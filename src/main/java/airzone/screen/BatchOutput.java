package airzone.screen;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/** Where batch results go, one row at a time, in the order of the input. */
public interface BatchOutput extends Closeable {

    /** Summary CSV (a row per site), findings CSV (a row per finding), GeoJSON (a feature per site), or the summary as an Excel workbook. */
    enum Format {
        CSV("text/csv; charset=utf-8", "csv"),
        CSV_FINDINGS("text/csv; charset=utf-8", "csv"),
        GEOJSON("application/geo+json", "geojson"),
        XLSX(BatchInput.XLSX_TYPE, "xlsx");

        public final String contentType;
        public final String extension;

        Format(String contentType, String extension) {
            this.contentType = contentType;
            this.extension = extension;
        }
    }

    void write(BatchRow row, Screening screening) throws IOException;

    /** @param carried the names of the columns the input carries through (an Excel sheet's own), written after the results */
    static BatchOutput of(Format format, OutputStream out, List<String> carried) throws IOException {
        return switch (format) {
            case CSV -> new CsvBatchOutput(out, false, carried);
            case CSV_FINDINGS -> new CsvBatchOutput(out, true, carried);
            case GEOJSON -> new GeoJsonBatchOutput(out, carried);
            case XLSX -> new XlsxBatchOutput(out, carried);
        };
    }
}
