package airzone.screen;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.xml.sax.SAXException;

import java.io.IOException;

/**
 * A workbook's shared strings (the text of its cells, kept once each), read whole as POI's read-only
 * table does, but refused past {@value #MAX_CHARS} characters: the table is the one part of an .xlsx
 * that must sit in memory, and a small file can name a great deal of text.
 */
final class ExcelSharedStrings extends ReadOnlySharedStringsTable {

    static final long MAX_CHARS = 32L * 1024 * 1024;

    /** Counted as the superclass's constructor parses, so it must stay without an initialiser. */
    private long chars;

    ExcelSharedStrings(OPCPackage workbook) throws IOException, SAXException {
        super(workbook, false);
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
        chars += length;
        if (chars > MAX_CHARS) {
            throw new BatchInput.Refused("the workbook holds more than " + MAX_CHARS / (1024 * 1024) + " million characters of text; "
                    + "a batch of " + ExcelSheet.MAX_ROWS + " sites needs far less", BatchInput.Refused.Kind.TOO_LARGE);
        }
        super.characters(ch, start, length);
    }
}
