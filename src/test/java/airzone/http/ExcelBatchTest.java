package airzone.http;

import airzone.RunningService;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Excel in and out of batch screening: a workbook as planners really save it (a notes sheet first, a
 * merged title above the header, coordinates as text, with degree signs and in DMS, formulas, merged
 * cells, dates, empty trailing rows), compared with the same sites sent as CSV; the sheet chosen; jobs;
 * and hostile files (zip bomb, password, XML entities, a million rows, .xls, no spreadsheet at all),
 * after each of which the service still screens.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExcelBatchTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private RunningService service;

    @BeforeAll
    void start() {
        service = RunningService.start(RunningService.Store.H2GIS);
    }

    @AfterAll
    void stop() throws Exception {
        service.close();
    }

    /** Whatever a test sent, the service is up and screens a small CSV afterwards. */
    @AfterEach
    void stillServing() throws Exception {
        assertThat(service.get("/health").statusCode()).isEqualTo(200);
        HttpResponse<byte[]> ok = post("/api/screen/batch", "name,lon,lat\na,119.6,39.94\n".getBytes(StandardCharsets.UTF_8), "text/csv", "text/csv");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(new String(ok.body(), StandardCharsets.UTF_8)).contains("海港区");
    }

    @Test
    void aWorkbookAsPlannersSaveItGivesTheSameResultsAsTheSameSitesInCsv() throws Exception {
        HttpResponse<byte[]> response = post("/api/screen/batch", plannersWorkbook(), Workbooks.XLSX, Workbooks.XLSX);
        assertThat(response.statusCode()).as(text(response)).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith(Workbooks.XLSX);
        assertThat(URLDecoder.decode(response.headers().firstValue("X-Airzone-Sheet").orElseThrow(), StandardCharsets.UTF_8)).isEqualTo("站点");
        assertThat(response.headers().firstValue("X-Airzone-Header-Row")).contains("3");

        List<List<String>> sheet = rows(response.body());
        assertThat(sheet.get(0)).containsExactly("row", "name", "lon", "lat", "verdict", "district", "city", "province", "findings", "error",
                "投产日期", "district_input");
        List<List<String>> data = sheet.subList(1, sheet.size());
        assertThat(data).extracting(r -> r.get(0)).as("Excel's own row numbers; the empty rows below are not sites").containsExactly("4", "5", "6", "7");

        // the same sites as CSV, with the values the workbook's cells hold (not as they display)
        String csv = "name,lon,lat,fuel,boiler_tph\n海港锅炉,119.60123,39.94,coal,20\n青龙锅炉,118.95,40.4,coal,10\n缺纬度,119.6,,,\n钦州钢铁,108.62,21.96,gas,\n";
        List<CSVRecord> expected = csv(post("/api/screen/batch", csv.getBytes(StandardCharsets.UTF_8), "text/csv", "text/csv"));
        for (int i = 0; i < expected.size(); i++) {
            for (int column = 1; column < 10; column++) {
                String name = sheet.get(0).get(column);
                if (name.equals("lon") || name.equals("lat")) {
                    if (!expected.get(i).get(name).isEmpty()) {
                        assertThat(Double.parseDouble(data.get(i).get(column))).as(name).isCloseTo(Double.parseDouble(expected.get(i).get(name)), org.assertj.core.data.Offset.offset(1e-9));
                    }
                } else {
                    assertThat(data.get(i).get(column)).as("row %d %s", i + 4, name).isEqualTo(expected.get(i).get(name));
                }
            }
        }
        assertThat(data.get(0).get(2)).as("the longitude the cell holds, not the 119.60 it displays").isEqualTo("119.60123");
        assertThat(data.get(0).get(5)).isEqualTo("海港区");
        assertThat(data.get(1).get(5)).as("118.95°E, 40°24'N").isEqualTo("青龙满族自治县");
        assertThat(Double.parseDouble(data.get(1).get(3))).isEqualTo(40.4);
        assertThat(data.get(2).get(9)).isEqualTo("lat is missing");
        assertThat(data.get(3).get(6)).isEqualTo("钦州市");
        assertThat(data).extracting(r -> r.get(10)).as("a date column comes out as ISO dates").containsExactly("2024-03-15", "2024-03-16", "", "2023-12-01");
        assertThat(data.get(0).get(11)).isEqualTo("海港");
    }

    @Test
    void theFindingsFormatStaysCsvAndGeoJsonCarriesTheSheetsColumnsAsInput() throws Exception {
        HttpResponse<byte[]> findings = post("/api/screen/batch?format=findings", plannersWorkbook(), Workbooks.XLSX, "*/*");
        List<CSVRecord> rows = csv(findings);
        assertThat(rows).anySatisfy(r -> {
            assertThat(r.get("row")).isEqualTo("4");
            assertThat(r.get("rule")).isEqualTo("ban-zone-class");
            assertThat(r.get("投产日期")).isEqualTo("2024-03-15");
        });

        HttpResponse<byte[]> geojson = post("/api/screen/batch?format=geojson", plannersWorkbook(), Workbooks.XLSX, "*/*");
        JsonNode features = JSON.readTree(geojson.body()).get("features");
        assertThat(features).hasSize(4);
        assertThat(features.get(0).get("properties").get("input").get("投产日期").asText()).isEqualTo("2024-03-15");
    }

    /** The header a bureau's sheet has: Chinese names, a unit in brackets. */
    @Test
    void aHeaderInChineseNamesTheColumns() throws Exception {
        byte[] workbook = Workbooks.xlsx(wb -> {
            var sheet = wb.createSheet("锅炉清单");
            String[][] cells = {{"项目名称", "经度", "纬度", "燃料", "锅炉容量（蒸吨/小时）", "是否新建"}, {"海港锅炉", "119.60", "39.94", "coal", "20", "是"}};
            for (int r = 0; r < cells.length; r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < cells[r].length; c++) row.createCell(c).setCellValue(cells[r][c]);
            }
        });
        List<CSVRecord> rows = csv(post("/api/screen/batch?format=csv", workbook, Workbooks.XLSX, "text/csv"));
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("name")).isEqualTo("海港锅炉");
        assertThat(rows.get(0).get("district")).isEqualTo("海港区");
        assertThat(rows.get(0).get("verdict")).isEqualTo("prohibited");
    }

    @Test
    void sheetPicksASheetByNameOrNumberAndSaysSoWhenItHasNoHeader() throws Exception {
        byte[] workbook = plannersWorkbook();
        HttpResponse<byte[]> byName = post("/api/screen/batch?sheet=" + URLEncoder.encode("站点", StandardCharsets.UTF_8), workbook, Workbooks.XLSX, Workbooks.XLSX);
        assertThat(byName.statusCode()).isEqualTo(200);
        HttpResponse<byte[]> byNumber = post("/api/screen/batch?sheet=2", workbook, Workbooks.XLSX, Workbooks.XLSX);
        assertThat(byNumber.statusCode()).isEqualTo(200);
        assertThat(rows(byNumber.body())).hasSize(5);

        assertRefused(post("/api/screen/batch?sheet=1", workbook, Workbooks.XLSX, Workbooks.XLSX), 400, "sheet '说明' has no header row naming the columns lon and lat");
        assertRefused(post("/api/screen/batch?sheet=9", workbook, Workbooks.XLSX, Workbooks.XLSX), 400, "no sheet '9'; give sheet= one of its names or its number: 1 '说明', 2 '站点'");
        byte[] noHeader = Workbooks.xlsx(wb -> wb.createSheet("data").createRow(0).createCell(0).setCellValue("经度"));
        assertRefused(post("/api/screen/batch", noHeader, Workbooks.XLSX, Workbooks.XLSX), 400, "no sheet of the workbook has a header row naming the columns lon and lat");
    }

    @Test
    void aBackgroundJobTakesAWorkbookAndReportsTheSheetAndTheRejectedRows() throws Exception {
        HttpResponse<byte[]> accepted = post("/api/screen/jobs", plannersWorkbook(), Workbooks.XLSX, "*/*");
        assertThat(accepted.statusCode()).as(text(accepted)).isEqualTo(202);
        JsonNode job = JSON.readTree(accepted.body());
        assertThat(job.get("sheet").asText()).isEqualTo("站点");
        assertThat(job.get("sheetNumber").asInt()).isEqualTo(2);
        assertThat(job.get("headerRow").asInt()).isEqualTo(3);
        assertThat(job.get("rejectedCount").asInt()).isEqualTo(1);
        assertThat(job.get("rejected").get(0).get("row").asInt()).isEqualTo(6);
        assertThat(job.get("rejected").get(0).get("name").asText()).isEqualTo("缺纬度");
        assertThat(job.get("rejected").get(0).get("error").asText()).isEqualTo("lat is missing");

        String path = "/api/screen/jobs/" + job.get("id").asText();
        for (int i = 0; i < 300 && !job.get("status").asText().equals("done"); i++) {
            Thread.sleep(100);
            job = JSON.readTree(service.get(path).body());
        }
        assertThat(job.get("status").asText()).isEqualTo("done");
        assertThat(job.get("links").toString()).contains(Workbooks.XLSX);
        HttpResponse<byte[]> result = get(path + "/result");
        assertThat(result.headers().firstValue("Content-Type").orElse("")).startsWith(Workbooks.XLSX);
        assertThat(result.headers().firstValue("Content-Disposition").orElse("")).contains("screening.xlsx");
        assertThat(rows(result.body())).hasSize(5);

        // a CSV job reports its rejected rows the same way, numbered from the first data row
        HttpResponse<byte[]> csvJob = post("/api/screen/jobs", "name,lon,lat\nok,119.6,39.9\nbad,500,39.9\n".getBytes(StandardCharsets.UTF_8), "text/csv", "*/*");
        JsonNode csvStatus = JSON.readTree(csvJob.body());
        assertThat(csvStatus.has("sheet")).isFalse();
        assertThat(csvStatus.get("rejected").get(0).get("row").asInt()).isEqualTo(2);
        assertThat(csvStatus.get("rejected").get(0).get("error").asText()).contains("lon");
    }

    @Test
    void anXlsxOutputOfCsvInputHasTheCsvColumnsAndAHundredThousandRowsStayInBoundedMemory() throws Exception {
        StringBuilder csv = new StringBuilder("name,lon,lat,fuel\n");
        java.util.Random random = new java.util.Random(3);
        for (int i = 1; i <= 100_000; i++) {
            csv.append("site ").append(i).append(',').append(108 + random.nextDouble() * 14).append(',').append(21 + random.nextDouble() * 23).append(",coal\n");
        }
        HttpResponse<byte[]> response = post("/api/screen/batch?format=xlsx", csv.toString().getBytes(StandardCharsets.UTF_8), "text/csv", "*/*");
        assertThat(response.statusCode()).isEqualTo(200);
        // GDAL, not POI, reads the file back: an independent reader of what Excel, WPS and LibreOffice open
        java.nio.file.Path file = java.nio.file.Files.createTempFile("screening", ".xlsx");
        try {
            java.nio.file.Files.write(file, response.body());
            assertThat(airzone.io.Gdal.layerInfo(file, "screening").featureCount()).isEqualTo(100_000);
            var last = airzone.io.Gdal.sql(file, "SELECT name, verdict, error FROM screening WHERE \"row\" = 100000");
            assertThat(last).hasSize(1);
            assertThat(last.get(0).get("name")).isEqualTo("site 100000");
            assertThat(last.get(0).get("verdict")).isNotBlank();
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }

    // ------------------------------------------------------------------------------------ hostile files

    @Test
    void aZipBombIs413() throws Exception {
        byte[] bomb = Workbooks.handMade(out -> {
            try {
                out.append("<row r=\"1\">").append(Workbooks.text("A1", "name")).append(Workbooks.text("B1", "lon")).append(Workbooks.text("C1", "lat")).append("</row>");
                String spaces = " ".repeat(1 << 20);
                for (int i = 0; i < 300; i++) out.append(spaces);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertThat(bomb.length).as("300 MB of sheet in a small file").isLessThan(2_000_000);
        assertRefused(post("/api/screen/batch", bomb, Workbooks.XLSX, Workbooks.XLSX), 413, "zip bomb");
    }

    @Test
    void aPasswordProtectedWorkbookIs400SayingSo() throws Exception {
        byte[] locked = Workbooks.encrypted(plannersWorkbook(), "secret");
        assertRefused(post("/api/screen/batch", locked, Workbooks.XLSX, Workbooks.XLSX), 400, "protected with a password");
    }

    @Test
    void xmlEntitiesAreRefusedAndNeverExpanded() throws Exception {
        byte[] valid = Workbooks.xlsx(wb -> {
            Row header = wb.createSheet("sites").createRow(0);
            header.createCell(0).setCellValue("name");
            header.createCell(1).setCellValue("lon");
            header.createCell(2).setCellValue("lat");
        });
        String ns = "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"";
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE worksheet [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><worksheet " + ns + "><sheetData>"
                + "<row r=\"1\">" + Workbooks.text("A1", "name") + Workbooks.text("B1", "lon") + Workbooks.text("C1", "lat") + "</row>"
                + "<row r=\"2\">" + Workbooks.text("A2", "&xxe;") + "<c r=\"B2\"><v>119.6</v></c><c r=\"C2\"><v>39.9</v></c></row></sheetData></worksheet>";
        HttpResponse<byte[]> external = post("/api/screen/batch", Workbooks.replacePart(valid, "xl/worksheets/sheet1.xml", xxe.getBytes(StandardCharsets.UTF_8)), Workbooks.XLSX, "text/csv");
        assertRefused(external, 400, "declares a document type or entities");
        assertThat(text(external)).doesNotContain("root:");

        StringBuilder lol = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE sst [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++) lol.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        lol.append("]><sst ").append(ns).append(" count=\"1\" uniqueCount=\"1\"><si><t>&lol9;</t></si></sst>");
        byte[] laughs = Workbooks.replacePart(valid, "xl/sharedStrings.xml", lol.toString().getBytes(StandardCharsets.UTF_8));
        assertRefused(post("/api/screen/batch", laughs, Workbooks.XLSX, "text/csv"), 400, "declares a document type or entities");
    }

    @Test
    void aMillionAndOneRowsAreRefusedByTheRowLimitBeforeTheyAreAllRead() throws Exception {
        byte[] huge = Workbooks.handMade(Workbooks.sites(1_000_001));
        assertThat(huge.length).isLessThan(64 * 1024 * 1024);
        long started = System.nanoTime();
        assertRefused(post("/api/screen/batch", huge, Workbooks.XLSX, Workbooks.XLSX), 413, "a batch holds at most 100000 sites");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(60));

        // the limit itself: 100,000 rows are a batch (latitudes over 90, so every row is refused and nothing is screened)
        HttpResponse<byte[]> full = post("/api/screen/batch?format=csv", Workbooks.handMade(Workbooks.sites(100_000, 91)), Workbooks.XLSX, "*/*");
        List<CSVRecord> rows = csv(full);
        assertThat(rows).hasSize(100_000);
        assertThat(rows.get(99_999).get("row")).isEqualTo("100001");
        assertThat(rows.get(99_999).get("error")).contains("outside -90..90");
    }

    @Test
    void anExcel97FileIs415AskingForXlsx() throws Exception {
        assertRefused(post("/api/screen/batch", Workbooks.xls(), "application/vnd.ms-excel", "*/*"), 415, "save it as an Excel Workbook (.xlsx)");
        assertRefused(post("/api/screen/batch", Workbooks.xls(), Workbooks.XLSX, "*/*"), 415, "Excel 97-2003 workbook (.xls)");
    }

    @Test
    void filesThatAreNoSpreadsheetAreRefusedNamingWhatTheyAre() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13};
        assertRefused(post("/api/screen/batch", png, "application/octet-stream", "*/*"), 415, "not a spreadsheet");
        assertRefused(post("/api/screen/batch", png, Workbooks.XLSX, "*/*"), 400, "said to be an Excel workbook (.xlsx) but is none");
        java.io.ByteArrayOutputStream zipBytes = new java.io.ByteArrayOutputStream();
        try (var zip = new java.util.zip.ZipOutputStream(zipBytes)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("zones.shp"));
            zip.write(new byte[100]);
        }
        assertRefused(post("/api/screen/batch", zipBytes.toByteArray(), Workbooks.XLSX, "*/*"), 400, "cannot be read as an Excel workbook (.xlsx)");
        byte[] utf16 = "\uFEFFname\tlon\tlat\n".getBytes(StandardCharsets.UTF_16LE);
        assertRefused(post("/api/screen/batch", utf16, "text/plain", "*/*"), 415, "UTF-16");
    }

    // ------------------------------------------------------------------------------------ helpers

    /**
     * Sheet 1 "说明" holds notes; sheet 2 "站点" has a merged title on row 1, the header on row 3 (in
     * other capitals, with spaces), a fuel merged over two rows, a longitude shown rounded, coordinates as
     * text with a degree sign and in DMS, formulas, a date column, a column named like a result column,
     * and styled but empty rows below.
     */
    static byte[] plannersWorkbook() {
        return Workbooks.xlsx(wb -> {
            Sheet notes = wb.createSheet("说明");
            notes.createRow(0).createCell(0).setCellValue("本表为2024年新建锅炉项目清单；lon/lat 为 WGS 84");
            Sheet sheet = wb.createSheet("站点");
            CellStyle date = wb.createCellStyle();
            date.setDataFormat((short) 14);
            CellStyle rounded = wb.createCellStyle();
            rounded.setDataFormat(wb.createDataFormat().getFormat("0.00"));
            sheet.createRow(0).createCell(0).setCellValue("2024年 新建锅炉项目");
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 6));
            Row header = sheet.createRow(2);
            String[] names = {"Name", " LON", "Lat ", "fuel", "boiler_tph", "投产日期", "district"};
            for (int i = 0; i < names.length; i++) header.createCell(i).setCellValue(names[i]);

            Row r4 = sheet.createRow(3);
            r4.createCell(0).setCellValue("海港锅炉");
            r4.createCell(1).setCellValue(119.60123);
            r4.getCell(1).setCellStyle(rounded);
            r4.createCell(2).setCellValue(39.94);
            r4.createCell(3).setCellValue("coal");
            r4.createCell(4).setCellValue(20);
            r4.createCell(5).setCellValue(LocalDate.of(2024, 3, 15));
            r4.getCell(5).setCellStyle(date);
            r4.createCell(6).setCellValue("海港");
            Row r5 = sheet.createRow(4);
            r5.createCell(0).setCellValue("青龙锅炉");
            r5.createCell(1).setCellValue("118.95°E");
            r5.createCell(2).setCellValue("40°24'N");
            r5.createCell(4).setCellFormula("E4/2");
            r5.createCell(5).setCellFormula("F4+1");
            r5.getCell(5).setCellStyle(date);
            sheet.addMergedRegion(new CellRangeAddress(3, 4, 3, 3));
            Row r6 = sheet.createRow(5);
            r6.createCell(0).setCellValue("缺纬度");
            r6.createCell(1).setCellValue(119.6);
            Row r7 = sheet.createRow(6);
            r7.createCell(0).setCellValue("钦州钢铁");
            r7.createCell(1).setCellValue(108.62);
            r7.createCell(2).setCellFormula("21+0.96");
            r7.createCell(3).setCellValue("gas");
            r7.createCell(5).setCellValue(LocalDate.of(2023, 12, 1));
            r7.getCell(5).setCellStyle(date);
            for (int r = 7; r < 12; r++) sheet.createRow(r).createCell(0).setCellStyle(rounded);
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
        });
    }

    private static List<List<String>> rows(byte[] xlsx) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        DataFormatter format = new DataFormatter();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(1);
            Sheet sheet = wb.getSheetAt(0);
            int width = sheet.getRow(0).getLastCellNum();
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < width; c++) {
                    var cell = row.getCell(c);
                    cells.add(cell == null ? "" : cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC
                            ? org.apache.poi.ss.util.NumberToTextConverter.toText(cell.getNumericCellValue()) : format.formatCellValue(cell));
                }
                rows.add(cells);
            }
        }
        return rows;
    }

    private static List<CSVRecord> csv(HttpResponse<byte[]> response) throws IOException {
        assertThat(response.statusCode()).as(text(response)).isEqualTo(200);
        String body = new String(response.body(), StandardCharsets.UTF_8);
        if (body.startsWith("\uFEFF")) body = body.substring(1);
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(body)).getRecords();
    }

    private static void assertRefused(HttpResponse<byte[]> response, int status, String detail) throws IOException {
        assertThat(response.statusCode()).as(text(response)).isEqualTo(status);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("detail").asText()).contains(detail);
    }

    private static String text(HttpResponse<byte[]> response) {
        String s = new String(response.body(), StandardCharsets.UTF_8);
        return s.substring(0, Math.min(s.length(), 1000));
    }

    private HttpResponse<byte[]> post(String path, byte[] body, String contentType, String accept) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(service.baseUrl() + path)).timeout(Duration.ofMinutes(3))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", contentType).header("Accept", accept).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<byte[]> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(service.baseUrl() + path)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
