package airzone.io;

import airzone.geo.GridRounding;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.locationtech.jts.io.WKTWriter;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * CSV with the geometry as WKT in a last column named "WKT" — the name GDAL's CSV driver (and so
 * QGIS) takes as geometry without options; the attributes come first so that a spreadsheet shows
 * them before the long polygon text. Nested values are JSON text, booleans true/false, dates ISO.
 * UTF-8 files start with a byte-order mark, which Excel needs to read Chinese and GDAL skips;
 * GBK files (encoding=GBK, for Excel on a Chinese Windows) have none.
 *
 * <p>CSV has no place for a CRS: the response names it in its Content-Crs header and, outside
 * EPSG:4326, the file name ends in the EPSG code.
 */
final class CsvExport implements FormatWriter {

    static final String GEOMETRY_COLUMN = "WKT";

    @Override
    public Path write(ExportLayer layer, Path dir) throws IOException {
        Path file = dir.resolve(layer.baseName() + ".csv");
        // rounded first: WKTWriter's precision model counts significant digits, not decimals
        WKTWriter wkt = new WKTWriter();
        List<String> header = new ArrayList<>();
        for (Column c : layer.columns()) header.add(c.name());
        header.add(GEOMETRY_COLUMN);
        boolean utf8 = layer.charset().equals(StandardCharsets.UTF_8);
        try (OutputStream out = Files.newOutputStream(file)) {
            if (utf8) out.write(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            try (BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, layer.charset()));
                 CSVPrinter csv = new CSVPrinter(w, CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get())) {
                List<Object> record = new ArrayList<>(header.size());
                for (ExportRow row : layer.rows()) {
                    record.clear();
                    for (Column c : layer.columns()) {
                        record.add(Column.display(c.value(row)));
                    }
                    record.add(row.geometry() == null ? "" : wkt.write(GridRounding.roundKeepingValid(row.geometry(), layer.crs().decimals())));
                    csv.printRecord(record);
                }
            }
        }
        return file;
    }
}
