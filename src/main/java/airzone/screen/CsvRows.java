package airzone.screen;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** A CSV batch's rows, parsed from the spooled file one record at a time on each pass. */
final class CsvRows implements Batch.Rows {

    static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
            .setIgnoreEmptyLines(true).get();

    private final Path file;
    private final Charset charset;
    private final SiteReader reader;

    /** @param file checked by {@link CsvShape} first: it parses, and its records are within the batch's bounds */
    CsvRows(Path file, Charset charset, SiteReader reader) {
        this.file = file;
        this.charset = charset;
        this.reader = reader;
    }

    /** The header's column names, as the file writes them. */
    List<String> header() {
        try (CSVParser csv = parser()) {
            return csv.getHeaderNames();
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw unreadable(e);
        }
    }

    @Override
    public Batch.Cursor open() {
        CSVParser csv = parser();
        // each column's key once, not per cell: the normalisation is a regular expression
        String[] keys = csv.getHeaderNames().stream().map(BatchColumns::key).toArray(String[]::new);
        Iterator<CSVRecord> records = csv.iterator();
        return new Batch.Cursor() {
            private int row;

            @Override
            public boolean hasNext() {
                try {
                    return records.hasNext();
                } catch (UncheckedIOException | IllegalStateException e) {
                    throw unreadable(e);
                }
            }

            @Override
            public BatchRow next() {
                CSVRecord record;
                try {
                    record = records.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    throw unreadable(e);
                }
                return row(++row, record, keys);
            }

            @Override
            public void close() {
                try {
                    csv.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }

    private CSVParser parser() {
        try {
            return CSVParser.parse(text(file, charset), FORMAT);
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw unreadable(e);
        }
    }

    /** The file's text without a leading byte-order mark, which Excel writes before UTF-8 CSV. */
    static BufferedReader text(Path file, Charset charset) throws IOException {
        BufferedReader text = Files.newBufferedReader(file, charset);
        text.mark(1);
        if (text.read() != '\uFEFF') text.reset();
        return text;
    }

    private BatchRow row(int row, CSVRecord record, String[] keys) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < Math.min(keys.length, record.size()); i++) values.put(keys[i], record.get(i));
        String name = values.get("name");
        if (!record.isConsistent()) return BatchRow.refused(row, name, "row has " + record.size() + " cells, the header " + keys.length);
        try {
            return BatchRow.ok(row, reader.fromValues(values.get("lon"), values.get("lat"), values::get));
        } catch (InvalidSite e) {
            return BatchRow.refused(row, name, e.getMessage());
        }
    }

    private static BatchInput.Refused unreadable(Exception e) {
        return new BatchInput.Refused("CSV cannot be read: " + e.getMessage());
    }
}
