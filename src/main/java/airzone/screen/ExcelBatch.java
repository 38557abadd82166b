package airzone.screen;

import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.crypt.Decryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * An Excel workbook (.xlsx) read as a batch with POI's event API — the sheet streams through SAX, never
 * whole into memory — from the sheet asked for ({@code sheet=} name or 1-based number) or else the
 * first one with a header ({@link ExcelSheet}). Formulas read as their cached values. Whatever the
 * file is, the answer is a batch or a {@link BatchInput.Refused} that names the problem: zip bombs
 * (POI's inflate-ratio and entry-size limits), DTDs and entities (POI's parsers refuse them), too
 * many rows or too much text, a password, an .xls, a zip that is no workbook.
 */
final class ExcelBatch {

    /** The largest part a workbook may unpack to: a sheet of 100,000 rows of 20 columns is about 100 MB. */
    private static final long MAX_PART_BYTES = 512L * 1024 * 1024;

    static {
        // POI keeps its zip limits in static settings; this service is their only user. The inflate ratio
        // stays POI's default (a part may unpack to at most 100 times its compressed size).
        ZipSecureFile.setMaxEntrySize(MAX_PART_BYTES);
    }

    private final SiteReader reader;

    ExcelBatch(SiteReader reader) {
        this.reader = reader;
    }

    /** @param wanted the sheet's name or 1-based number, or null for the first with a header */
    Batch read(Path file, String wanted) {
        try (OPCPackage workbook = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader xssf = new XSSFReader(workbook);
            List<String> names = sheetNames(xssf);
            int only = wanted == null ? 0 : pick(wanted.strip(), names);
            ExcelSharedStrings strings = new ExcelSharedStrings(workbook);
            StylesTable styles = xssf.getStylesTable();
            ExcelValues values = new ExcelValues(date1904(xssf));
            XSSFReader.SheetIterator sheets = xssf.getSheetIterator();
            for (int number = 1; sheets.hasNext(); number++) {
                try (InputStream in = sheets.next()) {
                    if (only != 0 && number != only) continue;
                    ExcelSheet sheet = new ExcelSheet(reader, sheets.getSheetName(), number);
                    Optional<Batch> batch = parse(in, sheet, new XSSFSheetXMLHandler(styles, strings, sheet, values, false));
                    if (batch.isPresent()) return batch.get();
                    if (only != 0) throw new BatchInput.Refused("sheet '" + names.get(only - 1) + "' has no header row naming the columns lon and lat "
                            + "in its first " + ExcelSheet.HEADER_SEARCH_ROWS + " rows");
                }
            }
            throw new BatchInput.Refused("no sheet of the workbook has a header row naming the columns lon and lat in its first "
                    + ExcelSheet.HEADER_SEARCH_ROWS + " rows (sheets: " + listed(names) + ")");
        } catch (BatchInput.Refused e) {
            throw e;
        } catch (IOException e) {
            throw unreadable(e, file);
        } catch (SAXException e) {
            if (e.getException() instanceof BatchInput.Refused refused) throw refused;
            throw unreadable(e, file);
        } catch (OpenXML4JException | RuntimeException e) {
            throw unreadable(e, file);
        }
    }

    /** An OLE2 file: a workbook encrypted with a password, or the Excel 97-2003 format. */
    static BatchInput.Refused refuseOle2(Path file) {
        boolean encrypted;
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            encrypted = fs.getRoot().hasEntry(Decryptor.DEFAULT_POIFS_ENTRY);
        } catch (IOException | RuntimeException e) {
            encrypted = false;
        }
        if (encrypted) {
            return new BatchInput.Refused("the workbook is protected with a password; open it in Excel, remove the password "
                    + "(File → Info → Protect Workbook → Encrypt with Password) and send it again");
        }
        return new BatchInput.Refused("the file is an Excel 97-2003 workbook (.xls), which a batch does not read; "
                + "open it in Excel and save it as an Excel Workbook (.xlsx) or as CSV UTF-8", BatchInput.Refused.Kind.UNSUPPORTED);
    }

    private static Optional<Batch> parse(InputStream in, ExcelSheet sheet, XSSFSheetXMLHandler cells) throws IOException, SAXException {
        XMLReader xml;
        try {
            xml = XMLHelper.newXMLReader();
        } catch (javax.xml.parsers.ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's SAX parser is missing", e);
        }
        xml.setContentHandler(new MergesToo(cells, sheet));
        try {
            xml.parse(new InputSource(in));
        } catch (ExcelSheet.NoHeader e) {
            return Optional.empty();
        } catch (SAXException e) {
            if (e.getException() instanceof ExcelSheet.NoHeader) return Optional.empty();
            throw e;
        }
        return sheet.batch();
    }

    /** POI's cell handler, plus the merged areas, which it passes over. */
    private static final class MergesToo extends DefaultHandler {
        private final XSSFSheetXMLHandler cells;
        private final ExcelSheet sheet;

        MergesToo(XSSFSheetXMLHandler cells, ExcelSheet sheet) {
            this.cells = cells;
            this.sheet = sheet;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
            if ("mergeCell".equals(localName) && attributes.getValue("ref") != null) sheet.merged(attributes.getValue("ref"));
            cells.startElement(uri, localName, qName, attributes);
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            cells.endElement(uri, localName, qName);
        }

        @Override
        public void characters(char[] ch, int start, int length) throws SAXException {
            cells.characters(ch, start, length);
        }
    }

    private static List<String> sheetNames(XSSFReader xssf) throws IOException, OpenXML4JException {
        List<String> names = new ArrayList<>();
        XSSFReader.SheetIterator sheets = xssf.getSheetIterator();
        while (sheets.hasNext()) {
            try (InputStream ignored = sheets.next()) {
                names.add(sheets.getSheetName());
            }
        }
        return names;
    }

    /** A sheet by its exact name, its name in other capitals, or its 1-based number. */
    private static int pick(String wanted, List<String> names) {
        for (int i = 0; i < names.size(); i++) if (names.get(i).equals(wanted)) return i + 1;
        for (int i = 0; i < names.size(); i++) if (names.get(i).strip().equalsIgnoreCase(wanted)) return i + 1;
        if (wanted.matches("\\d{1,4}")) {
            int number = Integer.parseInt(wanted);
            if (number >= 1 && number <= names.size()) return number;
        }
        throw new BatchInput.Refused("the workbook has no sheet '" + wanted + "'; give sheet= one of its names or its number: " + listed(names));
    }

    private static String listed(List<String> names) {
        return IntStream.range(0, names.size()).mapToObj(i -> (i + 1) + " '" + names.get(i) + "'").collect(Collectors.joining(", "));
    }

    /** Whether the workbook counts dates from 1904 ({@code <workbookPr date1904="1"/>}). */
    private static boolean date1904(XSSFReader xssf) throws IOException, OpenXML4JException, SAXException {
        boolean[] found = {false};
        try (InputStream in = xssf.getWorkbookData()) {
            XMLReader xml = XMLHelper.newXMLReader();
            xml.setContentHandler(new DefaultHandler() {
                @Override
                public void startElement(String uri, String localName, String qName, Attributes attributes) {
                    if ("workbookPr".equals(localName)) {
                        String v = attributes.getValue("date1904");
                        found[0] = "1".equals(v) || "true".equalsIgnoreCase(v);
                    }
                }
            });
            xml.parse(new InputSource(in));
        } catch (javax.xml.parsers.ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's SAX parser is missing", e);
        }
        return found[0];
    }

    private static BatchInput.Refused unreadable(Exception e, Path file) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (message.contains("Zip bomb detected")) {
                return new BatchInput.Refused("the workbook unpacks to far more than a spreadsheet does (more than " + (int) (1 / ZipSecureFile.getMinInflateRatio())
                        + " times its size, or a part over " + MAX_PART_BYTES / (1024 * 1024) + " MB): it looks like a zip bomb and is refused",
                        BatchInput.Refused.Kind.TOO_LARGE);
            }
            if (message.contains("DOCTYPE") || message.contains("entity") || message.contains("Entity")) {
                return new BatchInput.Refused("the workbook's XML declares a document type or entities, which no spreadsheet needs; it is refused");
            }
        }
        // POI's messages may name the working file; the client knows it only as its upload
        String why = String.valueOf(e.getMessage()).replace(file.toString(), "the upload");
        return new BatchInput.Refused("the file cannot be read as an Excel workbook (.xlsx): " + why);
    }
}
