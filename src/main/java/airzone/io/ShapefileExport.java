package airzone.io;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.h2gis.functions.io.dbf.internal.DbaseFileException;
import org.h2gis.functions.io.dbf.internal.DbaseFileHeader;
import org.h2gis.functions.io.dbf.internal.DbaseFileWriter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A zipped ESRI shapefile: .shp .shx .dbf .prj .cpg for each geometry kind in the layer (one set
 * when the layer has one kind, as every collection here does; {@code _point}, {@code _multipoint},
 * {@code _line}, {@code _polygon} sets when it mixes them), plus fields.csv mapping the 10-character
 * dBase field names to the property names.
 *
 * <p>The .dbf is written by H2GIS's dBase writer ({@link DbaseFileWriter}) with a header built
 * here; the .shp/.shx by {@link ShpWriter} (why by hand: see there). Not through {@code CALL
 * SHPWrite}: through SQL, H2GIS would choose field names (cut to 10 characters, not made unique),
 * widths and code page itself — and it maps 'GBK' to no code page at all (it knows only "cp936"),
 * falls back to cp1252 and writes every Chinese character as '?'. It also writes no .cpg, copies the
 * OGC WKT of its spatial_ref_sys into the .prj instead of the ESRI flavour ArcGIS expects, and
 * fails on an empty layer. So, here:
 * <ul>
 *   <li>text is cut to 254 bytes in the chosen encoding between characters ({@link DbfText}) —
 *       H2GIS's writer would store NULL for a value whose bytes overflow the field;</li>
 *   <li>numbers get widths and decimals wide enough for every value (H2GIS cuts digits that do
 *       not fit); ISO dates become dBase dates (D); booleans logical (L); nested JSON is text;</li>
 *   <li>the DBF header names its code page (0x00 with UTF-8 in the .cpg, 0x4D = code page 936
 *       for GBK) and the .cpg says UTF-8 or GBK; ArcGIS reads the header byte, GDAL the .cpg;</li>
 *   <li>the .prj is {@link ExportCrs#esriWkt()}.</li>
 * </ul>
 */
final class ShapefileExport implements FormatWriter {

    /** Geometry kinds a shapefile can hold, in the order their file sets are named. */
    enum Kind {
        POINT("point", ShpWriter.POINT),
        MULTIPOINT("multipoint", ShpWriter.MULTIPOINT),
        LINE("line", ShpWriter.POLYLINE),
        POLYGON("polygon", ShpWriter.POLYGON);

        final String suffix;
        final int shapeType;

        Kind(String suffix, int shapeType) {
            this.suffix = suffix;
            this.shapeType = shapeType;
        }

        static Kind ofDeclared(String geometryType) {
            return switch (geometryType) {
                case "Point" -> POINT;
                case "MultiPoint" -> MULTIPOINT;
                case "LineString", "MultiLineString" -> LINE;
                default -> POLYGON;
            };
        }
    }

    private static final int MAX_DECIMALS = 10;

    @Override
    public Path write(ExportLayer layer, Path dir) throws IOException {
        Charset charset = layer.charset();
        boolean gbk = !charset.equals(StandardCharsets.UTF_8);
        List<Column> columns = layer.columns();
        List<String> fieldNames = DbfFieldNames.assign(columns.stream().map(Column::name).toList());

        Map<Kind, List<Part>> byKind = split(layer);
        if (byKind.isEmpty()) byKind.put(Kind.ofDeclared(layer.collection().geometryType()), List.of());

        List<Field> fields = fields(layer, columns, fieldNames, charset);
        Path files = Files.createDirectory(dir.resolve("shapefile"));
        List<Path> written = new ArrayList<>();
        for (Map.Entry<Kind, List<Part>> group : byKind.entrySet()) {
            String name = layer.baseName() + (byKind.size() > 1 ? "_" + group.getKey().suffix : "");
            written.addAll(writeSet(files, name, group.getKey(), group.getValue(), fields, gbk, layer.crs().esriWkt()));
        }
        Path fieldsCsv = files.resolve("fields.csv");
        writeFieldsCsv(fieldsCsv, fields, charset);
        written.add(fieldsCsv);

        Path zip = dir.resolve(layer.baseName() + ".zip");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream zipOut = new ZipOutputStream(out)) {
            for (Path file : written) {
                zipOut.putNextEntry(new ZipEntry(file.getFileName().toString()));
                Files.copy(file, zipOut);
                zipOut.closeEntry();
            }
        }
        return zip;
    }

    /** One row's geometry of one kind: a row whose geometry is a collection may give a part to several kinds. */
    private record Part(ExportRow row, Geometry geometry) {
    }

    private static Map<Kind, List<Part>> split(ExportLayer layer) {
        Map<Kind, List<Part>> byKind = new EnumMap<>(Kind.class);
        for (ExportRow row : layer.rows()) {
            Map<Kind, List<Geometry>> pieces = new EnumMap<>(Kind.class);
            collect(row.geometry(), pieces);
            pieces.forEach((kind, list) -> {
                Geometry g = list.size() == 1 ? list.get(0) : row.geometry().getFactory().buildGeometry(list);
                byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(new Part(row, g));
            });
        }
        return byKind;
    }

    private static void collect(Geometry g, Map<Kind, List<Geometry>> into) {
        if (g == null || g.isEmpty()) return;
        Kind kind;
        if (g instanceof Point) kind = Kind.POINT;
        else if (g instanceof MultiPoint) kind = Kind.MULTIPOINT;
        else if (g instanceof LineString || g instanceof MultiLineString) kind = Kind.LINE;
        else if (g instanceof Polygon || g instanceof MultiPolygon) kind = Kind.POLYGON;
        else if (g instanceof GeometryCollection) {
            for (int i = 0; i < g.getNumGeometries(); i++) collect(g.getGeometryN(i), into);
            return;
        } else return;
        into.computeIfAbsent(kind, k -> new ArrayList<>()).add(g);
    }

    private static List<Path> writeSet(Path dir, String name, Kind kind, List<Part> parts, List<Field> fields, boolean gbk,
                                       String esriWkt) throws IOException {
        DbaseFileHeader header = new DbaseFileHeader();
        if (!header.setEncoding(gbk ? "cp936" : "UTF-8")) {
            throw new IllegalStateException("H2GIS's DBF header does not know the code page for " + (gbk ? "GBK" : "UTF-8"));
        }
        try {
            for (Field f : fields) header.addColumn(f.dbfName, f.dbfType, f.width, f.decimals);
        } catch (DbaseFileException e) {
            throw new IllegalStateException("field definition rejected by the DBF writer: " + e.getMessage(), e);
        }
        header.setNumRecords(parts.size());

        Path shp = dir.resolve(name + ".shp");
        Path shx = dir.resolve(name + ".shx");
        Path dbf = dir.resolve(name + ".dbf");
        try (ShpWriter shapes = new ShpWriter(shp, shx, kind.shapeType);
             FileChannel dbfChannel = FileChannel.open(dbf, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            DbaseFileWriter records = new DbaseFileWriter(header, dbfChannel);
            Object[] values = new Object[fields.size()];
            for (Part part : parts) {
                shapes.write(part.geometry());
                for (int i = 0; i < fields.size(); i++) values[i] = fields.get(i).value(part.row());
                records.write(values);
            }
            // dBase counts the year of last update from 1900; H2GIS writes year % 100 (2026 → 26, read as 1926)
            dbfChannel.write(ByteBuffer.wrap(new byte[]{(byte) (LocalDate.now().getYear() - 1900)}), 1);
        } catch (DbaseFileException e) {
            throw new IllegalStateException("record rejected by the DBF writer: " + e.getMessage(), e);
        }
        Path prj = dir.resolve(name + ".prj");
        Files.writeString(prj, esriWkt, StandardCharsets.US_ASCII);
        Path cpg = dir.resolve(name + ".cpg");
        Files.writeString(cpg, gbk ? "GBK" : "UTF-8", StandardCharsets.US_ASCII);
        return List.of(shp, shx, dbf, prj, cpg);
    }

    /** A DBF field: its definition, where its values come from, and what happened to them. */
    private static final class Field {
        final Column column;
        final String dbfName;
        final char dbfType;
        final int width;
        final int decimals;
        final Charset charset;
        int truncated;

        Field(Column column, String dbfName, char dbfType, int width, int decimals, Charset charset) {
            this.column = column;
            this.dbfName = dbfName;
            this.dbfType = dbfType;
            this.width = width;
            this.decimals = decimals;
            this.charset = charset;
        }

        Object value(ExportRow row) {
            Object v = column.value(row);
            if (v == null) return null;
            return switch (dbfType) {
                case 'C' -> DbfText.truncate(v.toString(), charset, width);
                case 'D' -> java.sql.Date.valueOf((LocalDate) v);
                default -> v;
            };
        }
    }

    private static List<Field> fields(ExportLayer layer, List<Column> columns, List<String> names, Charset charset) {
        List<Field> fields = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            String name = names.get(i);
            Field field = switch (c.type()) {
                case INTEGER -> new Field(c, name, 'N', integerWidth(layer, c), 0, charset);
                case REAL -> {
                    int decimals = decimals(layer, c);
                    yield new Field(c, name, 'N', realWidth(layer, c, decimals), decimals, charset);
                }
                case BOOLEAN -> new Field(c, name, 'L', 1, 0, charset);
                case DATE -> new Field(c, name, 'D', 8, 0, charset);
                case TEXT, JSON -> textField(layer, c, name, charset);
            };
            fields.add(field);
        }
        return fields;
    }

    private static Field textField(ExportLayer layer, Column c, String name, Charset charset) {
        int longest = 1;
        int truncated = 0;
        for (ExportRow row : layer.rows()) {
            Object v = c.value(row);
            if (v == null) continue;
            int bytes = DbfText.byteLength(v.toString(), charset);
            if (bytes > DbfText.MAX_BYTES) truncated++;
            longest = Math.max(longest, Math.min(bytes, DbfText.MAX_BYTES));
        }
        Field field = new Field(c, name, 'C', longest, 0, charset);
        field.truncated = truncated;
        return field;
    }

    private static int integerWidth(ExportLayer layer, Column c) {
        int width = 1;
        for (ExportRow row : layer.rows()) {
            if (c.value(row) instanceof Long v) width = Math.max(width, Long.toString(v).length());
        }
        return width;
    }

    private static int decimals(ExportLayer layer, Column c) {
        int decimals = 1; // at least one, so that readers type the field Real rather than Integer
        for (ExportRow row : layer.rows()) {
            if (c.value(row) instanceof Double v) {
                decimals = Math.max(decimals, Math.min(MAX_DECIMALS, BigDecimal.valueOf(v).stripTrailingZeros().scale()));
            }
        }
        return decimals;
    }

    private static int realWidth(ExportLayer layer, Column c, int decimals) {
        int width = decimals + 2;
        for (ExportRow row : layer.rows()) {
            if (c.value(row) instanceof Double v) {
                width = Math.max(width, BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_UP).toPlainString().length());
            }
        }
        return width;
    }

    private static void writeFieldsCsv(Path file, List<Field> fields, Charset charset) throws IOException {
        String encoding = charset.equals(StandardCharsets.UTF_8) ? "UTF-8" : "GBK";
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT.builder()
                     .setHeader("field", "property", "type", "dbf_type", "width", "decimals", "note").get())) {
            for (Field f : fields) {
                csv.printRecord(f.dbfName, f.column.isFeatureId() ? "(feature id)" : f.column.property(),
                        f.column.type().name().toLowerCase(), String.valueOf(f.dbfType), f.width, f.decimals,
                        note(f, encoding));
            }
        }
    }

    private static String note(Field f, String encoding) {
        List<String> notes = new ArrayList<>();
        if (f.column.isFeatureId()) notes.add("the feature's id in the service");
        switch (f.column.type()) {
            case JSON -> notes.add("nested value written as JSON text");
            case DATE -> notes.add("ISO date written as a dBase date (D, YYYYMMDD)");
            case BOOLEAN -> notes.add("dBase logical (L): T or F");
            default -> {
            }
        }
        if (!f.column.isFeatureId() && !f.dbfName.equals(f.column.property())) {
            notes.add("renamed: dBase field names have at most 10 ASCII characters and must be unique");
        }
        if (f.truncated > 0) {
            notes.add(f.truncated + (f.truncated == 1 ? " value" : " values") + " longer than " + DbfText.MAX_BYTES
                    + " bytes in " + encoding + " cut to " + DbfText.MAX_BYTES + " bytes between characters");
        }
        return String.join("; ", notes);
    }
}
