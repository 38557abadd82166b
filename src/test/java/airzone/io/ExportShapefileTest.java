package airzone.io;

import airzone.geo.GeoJson;
import airzone.layer.CollectionInfo;
import airzone.layer.CollectionKind;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shapefile writer on layers made to hit its edges — long and colliding property names, text
 * over 254 bytes, dates, nested values, mixed geometry kinds, an empty layer — each read back by
 * GDAL's shapefile driver.
 */
class ExportShapefileTest {

    private static final Charset GBK = Charset.forName("GBK");
    private static final CollectionInfo ZONES = new CollectionInfo("test-zones", "测试区", "Test zones", "test",
            CollectionKind.DRAWN, "MultiPolygon");

    @TempDir
    Path dir;

    @BeforeAll
    static void tools() {
        Gdal.requireTools();
    }

    @Test
    void longAndCollidingNamesAreShortenedUniquelyAndMapped() throws IOException {
        ObjectNode p = props("name", "甲");
        p.put("clean_heating_complete", true);
        p.put("clean_heating_illustrative", false);
        p.put("clean_heating_note", "说明");
        p.put("Name_en", "case-insensitive clash with nothing");
        p.put("名称", "non-ASCII key");
        Path shp = exportOne(List.of(row("a", "POLYGON ((0 0, 1 0, 1 1, 0 0))", p)), StandardCharsets.UTF_8);

        List<String> fields = fieldNames(shp);
        assertThat(fields).containsExactly("feature_id", "name", "clean_heat", "clean_he_1", "clean_he_2", "Name_en", "field");
        assertThat(fields).allSatisfy(f -> assertThat(f.length()).isLessThanOrEqualTo(10));

        List<String> csv = Files.readAllLines(shp.resolveSibling("fields.csv"), StandardCharsets.UTF_8);
        assertThat(csv.get(0)).isEqualTo("field,property,type,dbf_type,width,decimals,note");
        assertThat(csv).anySatisfy(l -> assertThat(l).startsWith("clean_he_1,clean_heating_illustrative,boolean,L,1,0,"));
        assertThat(csv).anySatisfy(l -> assertThat(l).startsWith("clean_he_2,clean_heating_note,text,C,"));
        assertThat(csv).anySatisfy(l -> assertThat(l).startsWith("field,名称,text,C,"));

        Map<String, String> row = Gdal.sql(shp, "SELECT clean_he_2, field FROM \"" + layer(shp) + "\"").get(0);
        assertThat(row).containsEntry("clean_he_2", "说明").containsEntry("field", "non-ASCII key");
    }

    @Test
    void longTextIsCutTo254BytesBetweenCharactersInUtf8AndGbk() throws IOException {
        // 100 three-byte (UTF-8) / two-byte (GBK) characters, then an astral character: 300+ bytes in UTF-8
        String text = "禁".repeat(100) + "\uD840\uDC00" + "区".repeat(30);
        for (Charset charset : List.of(StandardCharsets.UTF_8, GBK)) {
            Path out = Files.createDirectory(dir.resolve(charset.name()));
            Path shp = export(out, List.of(row("a", "POLYGON ((0 0, 1 0, 1 1, 0 0))", props("note", text))), charset).get(0);
            String cut = DbfText.truncate(text, charset, 254);
            assertThat(cut.getBytes(charset).length).isLessThanOrEqualTo(254);
            assertThat(text).startsWith(cut);
            String read = Gdal.sql(shp, "SELECT note FROM \"" + layer(shp) + "\"").get(0).get("note");
            // what the encoding can hold of it: GBK has no U+20000 and stores '?' as Java's encoder does
            assertThat(read).as("GDAL reads the cut text in %s", charset).isEqualTo(new String(cut.getBytes(charset), charset));
            assertThat(Files.readAllLines(shp.resolveSibling("fields.csv"), StandardCharsets.UTF_8))
                    .anySatisfy(l -> assertThat(l).startsWith("note,note,text,C,254,0,").contains("1 value longer than 254 bytes"));
        }
        // UTF-8: 84 whole characters are 252 bytes; the 85th would need 255
        assertThat(DbfText.truncate(text, StandardCharsets.UTF_8, 254)).hasSize(84);
        // GBK: 100 characters are 200 bytes; U+20000 is not in GBK and counts as one '?'; 26 more make 253
        assertThat(DbfText.truncate(text, GBK, 254)).hasSize(100 + 2 + 26);
        assertThat(DbfText.truncate(text, GBK, 254).getBytes(GBK)).hasSize(253);
        // never half a surrogate pair
        assertThat(DbfText.truncate("a".repeat(252) + "\uD840\uDC00", StandardCharsets.UTF_8, 254)).isEqualTo("a".repeat(252));
    }

    @Test
    void typesDatesNumbersAndNestedValuesReadBackAsWritten() throws IOException {
        ObjectNode p = props("effective_date", "2025-01-01");
        p.put("capacity_mw", 1320.5);
        p.put("units", 4);
        p.put("big", 12345678901L);
        p.put("chp", true);
        p.putObject("citation").put("document", "001.txt").put("clause", "（七）");
        p.putArray("source_ids").add("x").add("y");
        ObjectNode q = props("effective_date", "2018-12-31");
        q.put("capacity_mw", 2);
        q.put("units", -12);
        Path shp = exportOne(List.of(row("a", "POLYGON ((0 0, 1 0, 1 1, 0 0))", p),
                row("b", "POLYGON ((2 2, 3 2, 3 3, 2 2))", q)), StandardCharsets.UTF_8);

        Gdal.LayerInfo info = Gdal.layerInfo(shp, layer(shp));
        assertThat(info.output()).contains("effective_: Date").contains("capacity_m: Real").contains("units: Integer")
                .contains("big: Integer64").contains("citation: String");
        List<Map<String, String>> rows = Gdal.sql(shp,
                "SELECT feature_id, effective_ e, capacity_m c, units u, big, chp, citation, source_ids s FROM \"" + layer(shp) + "\" ORDER BY feature_id");
        assertThat(rows.get(0)).containsEntry("e", "2025/01/01").containsEntry("c", "1320.5").containsEntry("u", "4")
                .containsEntry("big", "12345678901").containsEntry("chp", "T")
                .containsEntry("citation", "{\"document\":\"001.txt\",\"clause\":\"（七）\"}").containsEntry("s", "[\"x\",\"y\"]");
        assertThat(rows.get(1)).containsEntry("e", "2018/12/31").containsEntry("c", "2").containsEntry("u", "-12")
                .containsEntry("citation", "(null)");
    }

    @Test
    void aLayerOfMixedKindsGivesOneSetPerKind() throws IOException {
        List<Path> files = export(dir, List.of(
                row("p", "POINT (1 1)", props("name", "点")),
                row("l", "LINESTRING (0 0, 1 1)", props("name", "线")),
                row("g", "MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)), ((5 5, 6 5, 6 6, 5 5)))", props("name", "面")),
                row("c", "GEOMETRYCOLLECTION (POINT (3 3), POLYGON ((2 2, 3 2, 3 3, 2 2)))", props("name", "集合"))),
                StandardCharsets.UTF_8);
        assertThat(files.stream().map(f -> f.getFileName().toString()))
                .containsExactly("test-zones_2026-11-23_point.shp", "test-zones_2026-11-23_line.shp", "test-zones_2026-11-23_polygon.shp");
        for (Path shp : files) {
            for (String ext : List.of(".shx", ".dbf", ".prj", ".cpg")) {
                assertThat(shp.resolveSibling(shp.getFileName().toString().replace(".shp", ext))).exists();
            }
        }
        assertThat(Gdal.layerInfo(files.get(0), layer(files.get(0))).geometry()).isEqualTo("Point");
        assertThat(names(files.get(0))).containsExactly("点", "集合");
        assertThat(Gdal.layerInfo(files.get(1), layer(files.get(1))).geometry()).isEqualTo("Line String");
        assertThat(names(files.get(1))).containsExactly("线");
        assertThat(Gdal.layerInfo(files.get(2), layer(files.get(2))).geometry()).isEqualTo("Polygon");
        assertThat(names(files.get(2))).containsExactly("面", "集合");
        Map<String, String> multi = Gdal.sql(files.get(2), "SELECT ST_NumGeometries(geometry) n, ST_IsValid(geometry) v FROM \""
                + layer(files.get(2)) + "\" WHERE name = '面'").get(0);
        assertThat(multi).containsEntry("n", "2").containsEntry("v", "1");
    }

    @Test
    void anEmptyLayerIsAValidShapefileOfTheDeclaredKind() throws IOException {
        Path shp = exportOne(List.of(), StandardCharsets.UTF_8);
        Gdal.LayerInfo info = Gdal.layerInfo(shp, layer(shp));
        assertThat(info.featureCount()).isZero();
        assertThat(info.geometry()).isEqualTo("Polygon");
        assertThat(info.epsg()).isEqualTo(4528);
    }

    @Test
    void dbfFieldNamesStayAsciiShortAndUnique() {
        assertThat(DbfFieldNames.assign(List.of("effective_date", "effective_time", "EFFECTIVE_", "a b", "区县", "x")))
                .containsExactly("effective_", "effectiv_1", "EFFECTIV_2", "a_b", "field", "x");
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 12; i++) many.add("property_name_" + i);
        List<String> assigned = DbfFieldNames.assign(many);
        assertThat(assigned).doesNotHaveDuplicates().allSatisfy(n -> assertThat(n.length()).isLessThanOrEqualTo(10));
        assertThat(assigned.get(11)).isEqualTo("property11".substring(0, 7) + "_11");
    }

    private Path exportOne(List<ExportRow> rows, Charset charset) throws IOException {
        List<Path> files = export(dir, rows, charset);
        assertThat(files).hasSize(1);
        return files.get(0);
    }

    /** Writes the layer in EPSG:4528 (coordinates as given), unzips it, and returns its .shp files in zip order. */
    private static List<Path> export(Path dir, List<ExportRow> rows, Charset charset) throws IOException {
        ExportLayer layer = new ExportLayer(ZONES, ExportCrs.of(4528), charset, LocalDate.of(2026, 11, 23), rows, Column.of(rows),
                ExportFileName.base(ZONES.id(), LocalDate.of(2026, 11, 23), ExportCrs.wgs84()));
        Path work = Files.createDirectory(dir.resolve("work"));
        Path zip = new ShapefileExport().write(layer, work);
        Path out = Files.createDirectory(dir.resolve("unzipped"));
        List<Path> shps = new ArrayList<>();
        try (InputStream in = Files.newInputStream(zip); ZipInputStream z = new ZipInputStream(in)) {
            for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
                Path f = out.resolve(e.getName());
                Files.copy(z, f);
                if (f.toString().endsWith(".shp")) shps.add(f);
            }
        }
        for (Path shp : shps) {
            String cpg = Files.readString(shp.resolveSibling(shp.getFileName().toString().replace(".shp", ".cpg")));
            assertThat(cpg).isEqualTo(charset.equals(StandardCharsets.UTF_8) ? "UTF-8" : "GBK");
        }
        return shps;
    }

    private static List<String> fieldNames(Path shp) {
        String out = Gdal.layerInfo(shp, layer(shp)).output();
        return out.lines().filter(l -> l.matches("^[^ :]+: [A-Za-z0-9()]+ \\(\\d+\\.\\d+\\)$")).map(l -> l.substring(0, l.indexOf(':')))
                .collect(Collectors.toList());
    }

    private static List<String> names(Path shp) {
        return Gdal.sql(shp, "SELECT name FROM \"" + layer(shp) + "\"").stream().map(r -> r.get("name")).toList();
    }

    private static String layer(Path shp) {
        String n = shp.getFileName().toString();
        return n.substring(0, n.length() - 4);
    }

    private static ObjectNode props(String key, String value) {
        ObjectNode p = GeoJson.MAPPER.createObjectNode();
        p.put(key, value);
        return p;
    }

    private static ExportRow row(String id, String wkt, ObjectNode properties) {
        try {
            Geometry g = new WKTReader().read(wkt);
            return new ExportRow(id, g, properties);
        } catch (ParseException e) {
            throw new IllegalArgumentException(wkt, e);
        }
    }
}
