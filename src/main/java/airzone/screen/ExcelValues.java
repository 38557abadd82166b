package airzone.screen;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.NumberToTextConverter;

import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * How a numeric cell reads as text in a batch: a number as Excel itself shows it at full precision
 * (never rounded to the cell's display format — a longitude shown as "119.60" is 119.60123), and a
 * date or time (a serial number with a date format) as an ISO date, date-time or time.
 */
final class ExcelValues extends DataFormatter {

    private final boolean date1904;

    /** @param date1904 the workbook counts days from 1904 (old Mac Excel) rather than 1900 */
    ExcelValues(boolean date1904) {
        this.date1904 = date1904;
    }

    @Override
    public String formatRawCellContents(double value, int formatIndex, String formatString) {
        return formatRawCellContents(value, formatIndex, formatString, date1904);
    }

    @Override
    public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904Windowing) {
        if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
            LocalDateTime at = DateUtil.getLocalDateTime(value, date1904, true);
            if (value < 1) return LocalTime.from(at).toString();
            return at.toLocalTime().equals(LocalTime.MIDNIGHT) ? at.toLocalDate().toString() : at.toString();
        }
        return NumberToTextConverter.toText(value);
    }
}
