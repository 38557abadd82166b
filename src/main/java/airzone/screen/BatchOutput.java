package airzone.screen;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;

/** Where batch results go, one row at a time, in the order of the input. */
public interface BatchOutput extends Closeable {

    /** Summary CSV (a row per site), findings CSV (a row per finding), or GeoJSON (a feature per site). */
    enum Format {
        CSV("text/csv; charset=utf-8", "csv"),
        CSV_FINDINGS("text/csv; charset=utf-8", "csv"),
        GEOJSON("application/geo+json", "geojson");

        public final String contentType;
        public final String extension;

        Format(String contentType, String extension) {
            this.contentType = contentType;
            this.extension = extension;
        }
    }

    void write(BatchRow row, Screening screening) throws IOException;

    static BatchOutput of(Format format, OutputStream out) throws IOException {
        return switch (format) {
            case CSV -> new CsvBatchOutput(out, false);
            case CSV_FINDINGS -> new CsvBatchOutput(out, true);
            case GEOJSON -> new GeoJsonBatchOutput(out);
        };
    }
}
