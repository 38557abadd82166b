package airzone.screen;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a batch of sites: CSV (UTF-8, with or without BOM, or GBK — as Excel in China saves it) with
 * the header {@code name,lon,lat,…}, an Excel workbook (.xlsx, {@link ExcelBatch}), or a GeoJSON
 * FeatureCollection. The upload is spooled to a file and checked whole — kind, encoding, CSV syntax,
 * header, row count — before the batch is handed out, so everything that refuses the request is found
 * before the first result is written; the rows of a CSV or GeoJSON batch are then parsed on demand
 * ({@link Batch#rows()}). A bad row becomes a refused row with its reason.
 */
public final class BatchInput {

    /** CSV and GeoJSON rows stream, so a batch may be a province's inventory; an Excel sheet is held whole and keeps {@link ExcelSheet#MAX_ROWS}. */
    public static final int MAX_ROWS = 1_000_000;
    /** The longest CSV record read: far beyond any real row (a row with an over-long value is a row error), and a bound on what one record costs in memory. */
    static final long MAX_RECORD_CHARS = 2L * 1024 * 1024;
    /** The largest GeoJSON feature: a site polygon of 100,000 vertices fits. */
    static final long MAX_FEATURE_BYTES = 8L * 1024 * 1024;
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
    private final long maxBytes;

    /**
     * @param workRoot where an upload is spooled while its batch lives (the data directory's tmp)
     * @param maxBytes the largest upload (AIRZONE_MAX_BATCH_MB; a million CSV rows with every attribute run to
     *                 ~100 MB): it goes to disk, not memory
     */
    public BatchInput(SiteReader reader, Path workRoot, long maxBytes) {
        this.reader = reader;
        this.workRoot = workRoot;
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /**
     * The batch {@code body} holds, whatever its kind: by the file's first bytes, then the content type or
     * file name, then a first '{' (GeoJSON); anything else is CSV. The caller closes the batch, which
     * deletes the spooled upload.
     */
    public Batch read(InputStream body, Source source) {
        SpooledUpload upload = SpooledUpload.of(body, maxBytes, workRoot);
        try {
            Batch batch = read(upload, source);
            if (batch.source() == Batch.Source.XLSX) upload.close(); // the sheet is in memory
            return batch;
        } catch (RuntimeException e) {
            upload.close();
            throw e;
        }
    }

    private Batch read(SpooledUpload upload, Source source) {
        String type = source.contentType() == null ? "" : source.contentType().toLowerCase(Locale.ROOT);
        String file = source.fileName() == null ? "" : source.fileName().toLowerCase(Locale.ROOT);
        FileKind kind = FileKind.of(upload.head);
        boolean saidExcel = type.contains("spreadsheetml") || file.endsWith(".xlsx") || file.endsWith(".xlsm");
        if (kind == FileKind.ZIP) return new ExcelBatch(reader).read(upload.file, source.sheet());
        if (kind == FileKind.OLE2) throw ExcelBatch.refuseOle2(upload.file);
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
        boolean json = type.contains("json") || (!type.contains("csv") && firstNonBlank(upload.head) == '{') || file.endsWith(".geojson") || file.endsWith(".json");
        Runnable release = upload::close;
        return json ? new Batch(Batch.Source.GEOJSON, GeoJsonRows.check(upload.file, reader, MAX_ROWS, MAX_FEATURE_BYTES), List.of(), null, release)
                : new Batch(Batch.Source.CSV, csv(upload.file, source.encoding()), List.of(), null, release);
    }

    /** @param encoding "UTF-8", "GBK", or null to detect (strict UTF-8 first, GBK if that fails) */
    private CsvRows csv(Path file, String encoding) {
        Charset charset;
        CsvShape shape;
        if (encoding != null) {
            charset = switch (encoding.toUpperCase(Locale.ROOT)) {
                case "UTF-8", "UTF8" -> StandardCharsets.UTF_8;
                case "GBK", "GB2312", "GB18030", "CP936" -> GBK;
                default -> throw new Refused("encoding must be UTF-8 or GBK, got '" + encoding + "'");
            };
            shape = shape(file, charset);
            if (shape == null) throw new Refused("the body is not valid " + charset.name());
        } else {
            charset = StandardCharsets.UTF_8;
            shape = shape(file, charset);
            if (shape == null) {
                charset = GBK;
                shape = shape(file, charset);
            }
            if (shape == null) throw new Refused("the body is neither UTF-8 nor GBK");
        }
        if (shape.problem != null) throw new Refused("CSV cannot be read: " + shape.problem);
        if (shape.records - 1 > MAX_ROWS) throw tooMany(MAX_ROWS);
        if (shape.longest > MAX_RECORD_CHARS) {
            throw new Refused("the CSV record on line " + shape.longestLine + " has " + shape.longest + " characters; a record may have at most "
                    + MAX_RECORD_CHARS + " (a value that long is no site's)", Refused.Kind.TOO_LARGE);
        }
        CsvRows rows = new CsvRows(file, charset, reader);
        checkHeader(rows.header());
        return rows;
    }

    /** The CSV's shape read in {@code charset}; null when the bytes are not text in it. */
    private static CsvShape shape(Path file, Charset charset) {
        try (var text = CsvRows.text(file, charset)) {
            return CsvShape.of(text, MAX_ROWS + 1L);
        } catch (CharacterCodingException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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

    static Refused tooMany(long max) {
        return new Refused("a batch holds at most " + max + " sites", Refused.Kind.TOO_LARGE);
    }

    static Refused tooLarge(long maxBytes) {
        return new Refused("a batch body may have at most " + maxBytes + " bytes (AIRZONE_MAX_BATCH_MB)", Refused.Kind.TOO_LARGE);
    }

    private static int firstNonBlank(byte[] head) {
        for (byte b : head) if (!Character.isWhitespace(b)) return b;
        return -1;
    }
}
