package airzone.screen;

import airzone.geo.GeoJson;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import airzone.disk.WorkDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a batch of sites: CSV (UTF-8, with or without BOM, or GBK — as Excel in China saves it) with
 * the header {@code name,lon,lat,…}, an Excel workbook (.xlsx, {@link ExcelBatch}), or a GeoJSON
 * FeatureCollection. A bad row becomes a refused row with its reason; only a request that cannot be
 * read at all (or is too long) is refused whole.
 */
public final class BatchInput {

    public static final int MAX_ROWS = 100_000;
    private static final Charset GBK = Charset.forName("GBK");
    static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** What the request says about its file beside the bytes; each null when not said. */
    public record Source(String contentType, String fileName, String encoding, String sheet) {
    }

    /** The whole request cannot be taken: a 400, a 413 ({@code TOO_LARGE}) or a 415 ({@code UNSUPPORTED}, a kind of file no batch is). */
    public static final class Refused extends RuntimeException {

        public enum Kind { BAD, TOO_LARGE, UNSUPPORTED }

        private final Kind kind;

        Refused(String message) {
            this(message, Kind.BAD);
        }

        Refused(String message, Kind kind) {
            super(message);
            this.kind = kind;
        }

        public Kind kind() {
            return kind;
        }
    }

    private final SiteReader reader;
    private final Path workRoot;

    /** @param workRoot where an Excel upload is written while it is read (the data directory's tmp) */
    public BatchInput(SiteReader reader, Path workRoot) {
        this.reader = reader;
        this.workRoot = workRoot;
    }

    /**
     * The batch in {@code body}, whatever its kind: by the file's first bytes, then the content type or
     * file name, then a first '{' (GeoJSON); anything else is CSV.
     */
    public Batch read(byte[] body, Source source) {
        String type = source.contentType() == null ? "" : source.contentType().toLowerCase(Locale.ROOT);
        String file = source.fileName() == null ? "" : source.fileName().toLowerCase(Locale.ROOT);
        FileKind kind = FileKind.of(body);
        boolean saidExcel = type.contains("spreadsheetml") || file.endsWith(".xlsx") || file.endsWith(".xlsm");
        if (kind == FileKind.ZIP) return excel(body, source.sheet());
        if (kind == FileKind.OLE2) throw ExcelBatch.refuseOle2(body);
        if (saidExcel) throw new Refused("the file is said to be an Excel workbook (.xlsx) but is none: an .xlsx starts with the bytes of a zip");
        if (type.contains("ms-excel") || file.endsWith(".xls")) {
            throw new Refused("the file is said to be an Excel 97-2003 workbook (.xls), which a batch does not read; "
                    + "open it in Excel and save it as an Excel Workbook (.xlsx) or as CSV UTF-8", Refused.Kind.UNSUPPORTED);
        }
        if (kind == FileKind.UTF16) {
            throw new Refused("the file is UTF-16 text (Excel's \"Unicode Text\"); save it as CSV UTF-8 or as an Excel Workbook (.xlsx)", Refused.Kind.UNSUPPORTED);
        }
        if (kind == FileKind.BINARY) {
            throw new Refused("the file is not a spreadsheet: a batch is CSV, an Excel Workbook (.xlsx) or a GeoJSON FeatureCollection", Refused.Kind.UNSUPPORTED);
        }
        boolean json = type.contains("json") || (!type.contains("csv") && firstNonBlank(body) == '{') || file.endsWith(".geojson") || file.endsWith(".json");
        return json ? new Batch(Batch.Source.GEOJSON, geoJson(body), List.of(), null)
                : new Batch(Batch.Source.CSV, csv(body, source.encoding()), List.of(), null);
    }

    private Batch excel(byte[] body, String sheet) {
        try (WorkDir dir = WorkDir.create(workRoot, "batch-")) {
            Path file = dir.path().resolve("upload.xlsx");
            Files.write(file, body);
            return new ExcelBatch(reader).read(file, sheet);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the workbook to " + workRoot, e);
        }
    }

    /** @param encoding "UTF-8", "GBK", or null to detect (strict UTF-8 first, GBK if that fails) */
    List<BatchRow> csv(byte[] body, String encoding) {
        String text = decode(body, encoding);
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).get();
        try (CSVParser csv = CSVParser.parse(new StringReader(text), format)) {
            checkHeader(csv.getHeaderNames());
            // each column's key once, not per cell: the normalisation is a regular expression
            String[] keys = csv.getHeaderNames().stream().map(BatchColumns::key).toArray(String[]::new);
            List<BatchRow> rows = new ArrayList<>();
            int row = 0;
            for (CSVRecord record : csv) {
                row++;
                if (row > MAX_ROWS) throw tooMany();
                rows.add(csvRow(row, record, keys));
            }
            return rows;
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw new Refused("CSV cannot be read: " + e.getMessage());
        }
    }

    List<BatchRow> geoJson(byte[] body) {
        JsonNode collection;
        try {
            collection = GeoJson.MAPPER.readTree(body);
        } catch (IOException e) {
            throw new Refused("body is not JSON: " + e.getMessage());
        }
        if (collection == null || !"FeatureCollection".equals(collection.path("type").asText()) || !collection.path("features").isArray()) {
            throw new Refused("body must be a GeoJSON FeatureCollection of sites");
        }
        if (collection.get("features").size() > MAX_ROWS) throw tooMany();
        List<BatchRow> rows = new ArrayList<>();
        int row = 0;
        for (JsonNode feature : collection.get("features")) {
            row++;
            String name = feature.path("properties").path("name").asText(null);
            try {
                rows.add(BatchRow.ok(row, reader.fromFeature(feature)));
            } catch (InvalidSite e) {
                rows.add(BatchRow.refused(row, name, e.getMessage()));
            }
        }
        return rows;
    }

    private BatchRow csvRow(int row, CSVRecord record, String[] keys) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < Math.min(keys.length, record.size()); i++) values.put(keys[i], record.get(i));
        String name = values.get("name");
        if (!record.isConsistent()) {
            return BatchRow.refused(row, name, "row has " + record.size() + " cells, the header " + record.getParser().getHeaderNames().size());
        }
        try {
            return BatchRow.ok(row, reader.fromValues(values.get("lon"), values.get("lat"), values::get));
        } catch (InvalidSite e) {
            return BatchRow.refused(row, name, e.getMessage());
        }
    }

    private static void checkHeader(List<String> header) {
        if (header.size() == 1 && header.get(0).matches(".*[;\t|].*")) {
            throw new Refused("CSV must be comma-separated; the header looks delimited by something else: '" + header.get(0) + "'");
        }
        List<String> columns = new ArrayList<>();
        for (String column : header) {
            String key = BatchColumns.key(column);
            if (!BatchColumns.KNOWN.contains(key)) {
                throw new Refused("unknown CSV column '" + column + "'; the header is name,lon,lat and any of " + BatchColumns.attributesText()
                        + " (or their Chinese names: 名称, 经度, 纬度, …)");
            }
            if (columns.contains(key)) throw new Refused("the CSV header names the column '" + key + "' twice ('" + column + "')");
            columns.add(key);
        }
        BatchColumns.requireAll(columns, "CSV header");
    }

    private static String decode(byte[] body, String encoding) {
        if (encoding != null) {
            Charset charset = switch (encoding.toUpperCase()) {
                case "UTF-8", "UTF8" -> StandardCharsets.UTF_8;
                case "GBK", "GB2312", "GB18030", "CP936" -> GBK;
                default -> throw new Refused("encoding must be UTF-8 or GBK, got '" + encoding + "'");
            };
            return strict(body, charset, "the body is not valid " + charset.name());
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException notUtf8) {
            return strict(body, GBK, "the body is neither UTF-8 nor GBK");
        }
    }

    private static String strict(byte[] body, Charset charset, String problem) {
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new Refused(problem);
        }
    }

    static Refused tooMany() {
        return new Refused("a batch holds at most " + MAX_ROWS + " sites", Refused.Kind.TOO_LARGE);
    }

    private static int firstNonBlank(byte[] body) {
        for (byte b : body) if (!Character.isWhitespace(b)) return b;
        return -1;
    }
}
