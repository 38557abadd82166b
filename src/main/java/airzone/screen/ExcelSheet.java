package airzone.screen;

import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * One worksheet read as a batch, row by row as POI's event reader hands the cells over: the header is
 * the first row (of the first {@value #HEADER_SEARCH_ROWS}) that names the lon and lat columns, rows above
 * it (titles, notes) are passed over, empty rows are skipped, a merged area reads its top-left value in
 * every cell, and the columns the screening does not read are carried through to the result. Rows
 * are numbered as Excel numbers them. What it keeps is bounded: {@value #MAX_ROWS} rows, their
 * text, {@value #MAX_CARRIED} carried columns, the merged areas.
 */
final class ExcelSheet implements XSSFSheetXMLHandler.SheetContentsHandler {

    /** A sheet is held whole while it is read (merged cells fill in after the rows), so it is bounded; CSV and GeoJSON stream {@value BatchInput#MAX_ROWS}. */
    static final int MAX_ROWS = 100_000;
    static final int HEADER_SEARCH_ROWS = 50;
    static final int MAX_CARRIED = 100;
    static final long MAX_TEXT_CHARS = 64L * 1024 * 1024;
    static final int MAX_MERGES = 100_000;
    private static final long MAX_MERGED_CELLS = 10_000_000;

    /** Ends the reading of a sheet that has no header in its first rows. */
    static final class NoHeader extends RuntimeException {
        NoHeader() {
            super("no header", null, false, false);
        }
    }

    private final SiteReader reader;
    private final String name;
    private final int number;

    /** The cells of the row being read, by column. */
    private final Map<Integer, String> cells = new TreeMap<>();
    private int nextColumn;

    private int headerRow;
    /** Sheet column of each header column kept (known and carried), and where the known ones sit among them. */
    private int[] columns;
    private final Map<Integer, Integer> slotOfColumn = new HashMap<>();
    private final Map<String, Integer> knownSlot = new HashMap<>();
    private final List<Integer> carriedSlots = new ArrayList<>();
    private final List<String> carriedNames = new ArrayList<>();

    private final List<Integer> rowNumbers = new ArrayList<>();
    private final List<String[]> rows = new ArrayList<>();
    private final Map<Integer, Integer> indexOfRow = new HashMap<>();
    private final List<CellRangeAddress> merges = new ArrayList<>();
    private long chars;

    ExcelSheet(SiteReader reader, String name, int number) {
        this.reader = reader;
        this.name = name;
        this.number = number;
    }

    @Override
    public void startRow(int rowNum) {
        cells.clear();
        nextColumn = 0;
    }

    @Override
    public void cell(String reference, String value, XSSFComment comment) {
        // a cell without its reference (some generators leave it out) is the one after the previous
        int column = reference == null ? nextColumn : new CellReference(reference).getCol();
        nextColumn = column + 1;
        if (value == null || value.isBlank()) return;
        if (columns != null && !slotOfColumn.containsKey(column)) return;
        count(value.length());
        cells.put(column, value);
    }

    @Override
    public void endRow(int rowNum) {
        int excelRow = rowNum + 1;
        if (columns == null) {
            if (excelRow > HEADER_SEARCH_ROWS) throw new NoHeader();
            Map<String, Integer> keys = new LinkedHashMap<>();
            cells.forEach((column, text) -> keys.putIfAbsent(BatchColumns.key(text), column));
            if (BatchColumns.namesCoordinates(keys.keySet())) header(excelRow);
            return;
        }
        if (cells.isEmpty()) return;
        if (rows.size() == MAX_ROWS) throw BatchInput.tooMany(MAX_ROWS);
        String[] values = new String[columns.length];
        cells.forEach((column, value) -> values[slotOfColumn.get(column)] = value);
        indexOfRow.put(excelRow, rows.size());
        rowNumbers.add(excelRow);
        rows.add(values);
    }

    /** A {@code <mergeCell ref="A1:B2"/>} of the sheet (they come after the rows). */
    void merged(String ref) {
        if (merges.size() == MAX_MERGES) {
            throw new BatchInput.Refused(where() + " has more than " + MAX_MERGES + " merged areas; unmerge them (Home → Merge & Center)");
        }
        merges.add(CellRangeAddress.valueOf(ref));
    }

    /** The batch, once the whole sheet was read; empty when it has no header. */
    Optional<Batch> batch() {
        if (columns == null) return Optional.empty();
        int dataFrom = fillMerges();
        List<BatchRow> batch = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            int excelRow = rowNumbers.get(i);
            String[] values = rows.get(i);
            rows.set(i, null);
            if (excelRow <= dataFrom || allNull(values)) continue;
            batch.add(row(excelRow, values));
        }
        return Optional.of(Batch.of(Batch.Source.XLSX, batch, List.copyOf(carriedNames), new Batch.Sheet(name, number, headerRow)));
    }

    private void header(int excelRow) {
        headerRow = excelRow;
        List<Integer> kept = new ArrayList<>();
        Set<String> carriedKeys = new HashSet<>();
        for (Map.Entry<Integer, String> cell : cells.entrySet()) {
            String text = cell.getValue().strip();
            String key = BatchColumns.key(text);
            if (BatchColumns.KNOWN.contains(key)) {
                if (knownSlot.containsKey(key)) throw new BatchInput.Refused(where() + ": the header row (row " + excelRow + ") names the column '" + key + "' twice");
                knownSlot.put(key, kept.size());
            } else {
                if (carriedNames.size() == MAX_CARRIED) {
                    throw new BatchInput.Refused(where() + ": the header row (row " + excelRow + ") names more than " + MAX_CARRIED
                            + " columns besides the ones the screening reads; delete the columns the batch does not need");
                }
                // a carried column never takes the name of a result column (a planner's own "district", say)
                String carried = BatchSummary.COLUMNS.contains(key) || !carriedKeys.add(key) ? text + "_input" : text;
                carriedKeys.add(BatchColumns.key(carried));
                carriedSlots.add(kept.size());
                carriedNames.add(carried);
            }
            slotOfColumn.put(cell.getKey(), kept.size());
            kept.add(cell.getKey());
        }
        BatchColumns.requireAll(knownSlot.keySet(), where() + ": the header row (row " + excelRow + ")");
        columns = kept.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * Copies the top-left value of each merged area below the header into its other cells (Excel keeps
     * the value only there) and returns the last row of the header, which a merge may stretch.
     */
    private int fillMerges() {
        int headerEnd = headerRow;
        long filled = 0;
        for (CellRangeAddress merge : merges) {
            int top = merge.getFirstRow() + 1;
            if (top == headerRow) headerEnd = Math.max(headerEnd, merge.getLastRow() + 1);
            Integer source = indexOfRow.get(top);
            if (top <= headerRow || source == null) continue;
            for (int column = merge.getFirstColumn(); column <= merge.getLastColumn() && column >= 0; column++) {
                Integer slot = slotOfColumn.get(column);
                if (slot == null) continue;
                String value = rows.get(source)[slot];
                if (value == null) continue;
                for (int r = top + 1; r <= merge.getLastRow() + 1; r++) {
                    if (++filled > MAX_MERGED_CELLS) throw new BatchInput.Refused(where() + " has merged areas over more than " + MAX_MERGED_CELLS + " cells");
                    Integer target = indexOfRow.get(r);
                    if (target != null && rows.get(target)[slot] == null) {
                        count(value.length());
                        rows.get(target)[slot] = value;
                    }
                }
            }
        }
        return headerEnd;
    }

    private BatchRow row(int excelRow, String[] values) {
        Function<String, String> attribute = key -> {
            Integer slot = knownSlot.get(key);
            return slot == null ? null : values[slot];
        };
        String siteName = attribute.apply("name");
        List<String> carried = new ArrayList<>(carriedSlots.size());
        String tooLong = null;
        for (int i = 0; i < carriedSlots.size(); i++) {
            String value = values[carriedSlots.get(i)];
            if (value != null && value.length() > SiteReader.MAX_TEXT && tooLong == null) {
                tooLong = carriedNames.get(i) + " is " + value.length() + " characters long; at most " + SiteReader.MAX_TEXT + " are accepted";
            }
            carried.add(value == null || value.length() > SiteReader.MAX_TEXT ? "" : value);
        }
        if (tooLong != null) return BatchRow.refused(excelRow, siteName, tooLong, carried);
        try {
            return BatchRow.ok(excelRow, reader.fromValues(attribute.apply("lon"), attribute.apply("lat"), attribute), carried);
        } catch (InvalidSite e) {
            return BatchRow.refused(excelRow, siteName, e.getMessage(), carried);
        }
    }

    private void count(int length) {
        chars += length;
        if (chars > MAX_TEXT_CHARS) {
            throw new BatchInput.Refused(where() + " holds more than " + MAX_TEXT_CHARS / (1024 * 1024) + " million characters of text; "
                    + "a batch of " + MAX_ROWS + " sites needs far less", BatchInput.Refused.Kind.TOO_LARGE);
        }
    }

    private static boolean allNull(String[] values) {
        for (String v : values) if (v != null) return false;
        return true;
    }

    private String where() {
        return "sheet '" + name + "'";
    }
}
