package airzone.screen;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * Batch results as an Excel workbook, one sheet with the summary CSV's columns (and the input's carried
 * ones), written with POI's SXSSF: only the last {@value #WINDOW} rows are in memory, the rest in a
 * compressed temporary file, so 100,000 rows cost what 100 do. The workbook is sent when the batch ends.
 */
final class XlsxBatchOutput implements BatchOutput {

    private static final int WINDOW = 100;
    private static final String SHEET = "screening";

    private final OutputStream out;
    private final SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
    private final SXSSFSheet sheet;
    private final int width;
    private int next;

    XlsxBatchOutput(OutputStream out, List<String> carried) {
        this.out = out;
        workbook.setCompressTempFiles(true);
        sheet = workbook.createSheet(SHEET);
        CellStyle bold = workbook.createCellStyle();
        Font font = workbook.createFont();
        font.setBold(true);
        bold.setFont(font);
        List<String> header = BatchSummary.header(carried);
        width = header.size();
        Row row = sheet.createRow(next++);
        for (int i = 0; i < header.size(); i++) {
            Cell cell = row.createCell(i);
            cell.setCellValue(header.get(i));
            cell.setCellStyle(bold);
        }
        sheet.createFreezePane(0, 1);
    }

    @Override
    public void write(BatchRow batchRow, Screening s) {
        Row row = sheet.createRow(next++);
        List<Object> values = BatchSummary.values(batchRow, s);
        for (int i = 0; i < values.size(); i++) {
            Object v = values.get(i);
            if (v == null || "".equals(v)) continue;
            if (v instanceof Number n) row.createCell(i).setCellValue(n.doubleValue());
            else row.createCell(i).setCellValue(v.toString());
        }
    }

    @Override
    public void close() throws IOException {
        try {
            sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, next - 1), 0, width - 1));
            workbook.write(out);
        } finally {
            workbook.close();
            workbook.dispose();
        }
    }
}
