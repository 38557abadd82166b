package airzone.io.imports;

import airzone.io.ExportCrs;
import airzone.io.ValueType;
import com.fasterxml.jackson.databind.JsonNode;
import org.h2gis.functions.io.shp.internal.IndexFile;
import org.h2gis.functions.io.shp.internal.ShapeType;
import org.h2gis.functions.io.shp.internal.ShapefileReader;
import org.locationtech.jts.geom.Geometry;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A zipped ESRI shapefile: .shp, .shx and .dbf (all three required), .prj for the CRS, .cpg for
 * the text encoding, and the export's fields.csv sidecar when present. Geometries are read with
 * H2GIS's shapefile reader ({@link ShapefileReader} over the .shx offsets of {@link IndexFile}, the
 * GeoTools-derived readers behind its SHPRead) after the sizes have been checked here — that reader
 * trusts every length in the files, and loops forever on an .shx shorter than its header. The .dbf
 * is read by {@link DbfTable} (why not H2GIS's: see there).
 */
final class ShapefileImport {

    private static final int SHP_HEADER = 100;

    SourceLayer read(List<Path> files, ImportOptions options) throws IOException {
        Map<String, Map<String, Path>> sets = sets(files);
        Map<String, Path> set = sets.get(choose(sets, options.layer()));
        String base = stem(set.values().iterator().next());
        List<String> missing = new ArrayList<>();
        for (String ext : List.of("shp", "shx", "dbf")) if (!set.containsKey(ext)) missing.add(displayName(base) + "." + ext);
        if (!missing.isEmpty()) {
            throw ImportRefused.badInput("the shapefile '" + displayName(base) + "' lacks " + String.join(" and ", missing)
                    + "; a shapefile needs its .shp, .shx and .dbf together in the zip");
        }
        List<String> notes = new ArrayList<>();
        Path dir = set.get("shp").getParent();
        FieldsCsv sidecar = sidecar(dir, files);
        if (!sidecar.isEmpty()) notes.add("fields.csv maps the dBase field names to property names and types");

        ExportCrs crs;
        String crsFrom;
        if (options.crs() != null) {
            crs = options.crs();
            crsFrom = "parameter";
            if (set.containsKey("prj")) notes.add("crs=" + crs.code() + " given: the .prj was not used");
        } else if (set.containsKey("prj")) {
            crs = PrjCrs.match(Files.readString(set.get("prj"), StandardCharsets.ISO_8859_1), displayName(base) + ".prj");
            crsFrom = "prj";
        } else {
            throw ImportRefused.badInput("the shapefile '" + displayName(base) + "' has no .prj, so its coordinates could be in any CRS;"
                    + " add the .prj or name the CRS with crs=EPSG:… (" + ExportCrs.supportedText() + ")");
        }

        try (DbfTable dbf = DbfTable.open(set.get("dbf"))) {
            int shapes = checkShapes(set.get("shp"), set.get("shx"));
            if (shapes != dbf.records()) {
                throw ImportRefused.badInput("mismatched record counts: " + displayName(base) + ".shp/.shx hold " + shapes + " shapes but "
                        + displayName(base) + ".dbf holds " + dbf.records() + " records; the files do not belong together");
            }
            TextEncoding encoding = encoding(options, set, dbf, notes);
            List<String> names = dbf.names(encoding).orElseThrow();
            List<SourceField> fields = new ArrayList<>();
            String idField = null;
            for (int i = 0; i < dbf.fields().size(); i++) {
                DbfTable.Field f = dbf.fields().get(i);
                String name = names.get(i);
                if (!f.readable()) {
                    notes.add("field '" + name + "' (dBase type " + f.type() + ") cannot be read and was left out");
                    continue;
                }
                Optional<FieldsCsv.Entry> entry = sidecar.entry(name);
                if (entry.isPresent() && entry.get().isFeatureId()) {
                    idField = name;
                    continue;
                }
                ValueType type = entry.map(FieldsCsv.Entry::type).filter(t -> t != null).orElse(f.valueType());
                fields.add(new SourceField(name, type, entry.map(FieldsCsv.Entry::property).orElse(null)));
            }
            if (idField == null) idField = IdField.pick(fields);
            final String idName = idField;
            if (idName != null) fields.removeIf(f -> f.name().equals(idName));

            List<SourceFeature> features = new ArrayList<>(dbf.records());
            int deleted = 0;
            try (FileChannel shxChannel = FileChannel.open(set.get("shx"), StandardOpenOption.READ);
                 FileChannel shpChannel = FileChannel.open(set.get("shp"), StandardOpenOption.READ)) {
                IndexFile index = new IndexFile(shxChannel);
                ShapefileReader shp = new ShapefileReader(shpChannel);
                for (int r = 0; r < dbf.records(); r++) {
                    if (dbf.deleted(r)) {
                        deleted++;
                        continue;
                    }
                    Map<String, JsonNode> values;
                    try {
                        values = dbf.values(r, encoding, names);
                    } catch (DbfTable.BadText e) {
                        throw badText(encoding, dbf, e);
                    }
                    JsonNode id = idName == null ? null : values.remove(idName);
                    Map<String, JsonNode> attributes = new LinkedHashMap<>();
                    for (SourceField f : fields) {
                        JsonNode v = values.get(f.name());
                        if (v != null) attributes.put(f.name(), Values.as(v, f.type()));
                    }
                    features.add(new SourceFeature(id == null ? null : IdField.text(id), attributes, geometry(shp, index, r, base)));
                }
            } catch (IllegalStateException e) {
                throw ImportRefused.badInput(displayName(base) + ".shp is damaged: " + e.getMessage(), e);
            }
            if (deleted > 0) notes.add(deleted + " record(s) marked deleted in the .dbf were skipped");
            return new SourceLayer(ImportFormat.SHAPEFILE, displayName(base), crs, crsFrom, encoding, fields, idName, features, notes);
        }
    }

    /** Shapefile sets by path without extension (lower case: Windows mixes "ZONES.SHP" and "zones.dbf"), each with its parts by extension. */
    private static Map<String, Map<String, Path>> sets(List<Path> files) {
        Map<String, Map<String, Path>> sets = new TreeMap<>();
        for (Path file : files) {
            String name = file.toString();
            int dot = name.lastIndexOf('.');
            if (dot < 0 || dot < name.lastIndexOf('/')) continue;
            String ext = name.substring(dot + 1).toLowerCase(Locale.ROOT);
            if (!List.of("shp", "shx", "dbf", "prj", "cpg").contains(ext)) continue;
            sets.computeIfAbsent(name.substring(0, dot).toLowerCase(Locale.ROOT), k -> new LinkedHashMap<>()).put(ext, file);
        }
        // a lone .dbf, .prj or .cpg is no shapefile unless it pairs with a .shp or .shx
        sets.values().removeIf(parts -> !parts.containsKey("shp") && !parts.containsKey("shx") && !parts.containsKey("dbf"));
        return sets;
    }

    static boolean holdsShapefile(List<Path> files) {
        return !sets(files).isEmpty();
    }

    private static String choose(Map<String, Map<String, Path>> sets, String layer) {
        if (sets.isEmpty()) throw ImportRefused.badInput("the zip holds no shapefile: a .shp with its .shx and .dbf is needed");
        if (layer != null) {
            for (String key : sets.keySet()) if (displayName(key).equalsIgnoreCase(layer)) return key;
            throw ImportRefused.badInput("the zip holds no shapefile named '" + layer + "'; it holds " + list(sets));
        }
        if (sets.size() > 1) {
            throw ImportRefused.badInput("the zip holds " + sets.size() + " shapefiles (" + list(sets) + "); choose one with layer=");
        }
        return sets.keySet().iterator().next();
    }

    private static String list(Map<String, Map<String, Path>> sets) {
        return String.join(", ", sets.values().stream().map(parts -> displayName(stem(parts.values().iterator().next()))).toList());
    }

    /** The path of a file without its extension, as the zip spells it. */
    private static String stem(Path file) {
        String name = file.toString();
        return name.substring(0, name.lastIndexOf('.'));
    }

    private static String displayName(String base) {
        return Path.of(base).getFileName().toString();
    }

    private static FieldsCsv sidecar(Path dir, List<Path> files) throws IOException {
        for (Path f : files) {
            if (f.getParent().equals(dir) && f.getFileName().toString().equalsIgnoreCase("fields.csv")) return FieldsCsv.read(f);
        }
        return FieldsCsv.none();
    }

    /** The encoding: the parameter, else the .cpg, else strict UTF-8 when every text decodes, else GBK. */
    private static TextEncoding encoding(ImportOptions options, Map<String, Path> set, DbfTable dbf, List<String> notes) throws IOException {
        TextEncoding chosen = options.encoding();
        if (chosen == null && set.containsKey("cpg")) {
            String cpg = Files.readString(set.get("cpg"), StandardCharsets.ISO_8859_1);
            chosen = TextEncoding.cpg(cpg).orElseThrow(() -> ImportRefused.badInput("the .cpg names the encoding '" + cpg.trim()
                    + "', which the service does not know; give encoding=UTF-8 or encoding=GBK"));
        }
        if (chosen != null) {
            Optional<DbfTable.BadText> bad = dbf.firstBadText(chosen);
            if (bad.isPresent()) throw badText(chosen, dbf, bad.get());
            return chosen;
        }
        TextEncoding utf8 = TextEncoding.utf8(TextEncoding.GUESS);
        if (dbf.firstBadText(utf8).isEmpty()) {
            notes.add("no .cpg and no encoding parameter: the text is valid UTF-8 and was read as such");
            return utf8;
        }
        TextEncoding gbk = new TextEncoding(TextEncoding.GBK, "GBK", TextEncoding.GUESS);
        Optional<DbfTable.BadText> bad = dbf.firstBadText(gbk);
        if (bad.isPresent()) {
            throw ImportRefused.badInput(dbf.fileName() + " has no .cpg and its text is neither UTF-8 nor GBK ("
                    + where(bad.get()) + "); give its encoding with encoding=");
        }
        notes.add("no .cpg and no encoding parameter: the text is not UTF-8 but is valid GBK and was read as GBK"
                + " (give encoding= if that is wrong)");
        return gbk;
    }

    private static ImportRefused badText(TextEncoding encoding, DbfTable dbf, DbfTable.BadText bad) {
        String from = switch (encoding.detectedFrom()) {
            case TextEncoding.CPG -> "the .cpg says " + encoding.name();
            case TextEncoding.PARAMETER -> "encoding=" + encoding.name() + " was given";
            default -> "read as " + encoding.name();
        };
        String other = encoding.isUtf8() ? "GBK" : "UTF-8";
        return ImportRefused.badInput(dbf.fileName() + " is not " + encoding.name() + " although " + from + ": " + where(bad)
                + " holds bytes that are invalid in " + encoding.name() + ". Wrong encoding? Try encoding=" + other);
    }

    private static String where(DbfTable.BadText bad) {
        return bad.record < 0 ? "a field name" : "record " + bad.record + ", field '" + bad.field + "',";
    }

    /**
     * Checks that the .shp and .shx are whole and agree, before any reader trusts their lengths;
     * returns the number of shapes.
     */
    private static int checkShapes(Path shp, Path shx) throws IOException {
        String shpName = shp.getFileName().toString();
        String shxName = shx.getFileName().toString();
        long shpSize = Files.size(shp);
        long shxSize = Files.size(shx);
        if (shpSize < SHP_HEADER) throw ImportRefused.badInput(shpName + " is truncated: it is shorter than a shapefile header");
        if (shxSize < SHP_HEADER) throw ImportRefused.badInput(shxName + " is truncated: it is shorter than a shapefile header");
        ByteBuffer shpHeader = header(shp);
        ByteBuffer shxHeader = header(shx);
        for (var h : List.of(Map.entry(shpName, shpHeader), Map.entry(shxName, shxHeader))) {
            if (h.getValue().order(ByteOrder.BIG_ENDIAN).getInt(0) != 9994) {
                throw ImportRefused.badInput(h.getKey() + " is not a shapefile (its first bytes are not the shapefile file code)");
            }
        }
        long shpDeclared = 2L * shpHeader.order(ByteOrder.BIG_ENDIAN).getInt(24);
        long shxDeclared = 2L * shxHeader.order(ByteOrder.BIG_ENDIAN).getInt(24);
        if (shpSize < shpDeclared) {
            throw ImportRefused.badInput(shpName + " is truncated: its header announces " + shpDeclared + " bytes, the file has " + shpSize);
        }
        if (shxSize < shxDeclared) {
            throw ImportRefused.badInput(shxName + " is truncated: its header announces " + shxDeclared + " bytes, the file has " + shxSize);
        }
        if (shxDeclared < SHP_HEADER || (shxDeclared - SHP_HEADER) % 8 != 0) {
            throw ImportRefused.badInput(shxName + " is damaged: its header announces " + shxDeclared + " bytes, not a header and 8-byte entries");
        }
        int type = shpHeader.order(ByteOrder.LITTLE_ENDIAN).getInt(32);
        ShapeType shapeType = ShapeType.forID(type);
        if (shapeType == null || shapeType == ShapeType.UNDEFINED) {
            throw ImportRefused.badInput(shpName + " holds shape type " + type + ", which is not a shapefile geometry type");
        }
        long count = (Math.min(shxSize, shxDeclared) - SHP_HEADER) / 8;
        // every record must lie inside the .shp
        try (FileChannel channel = FileChannel.open(shx, StandardOpenOption.READ)) {
            ByteBuffer index = ByteBuffer.allocate((int) (count * 8)).order(ByteOrder.BIG_ENDIAN);
            while (index.hasRemaining()) if (channel.read(index, SHP_HEADER + index.position()) < 0) break;
            for (int i = 0; i < count; i++) {
                long offset = 2L * index.getInt(i * 8);
                long length = 2L * index.getInt(i * 8 + 4);
                if (offset < SHP_HEADER || length < 4 || offset + 8 + length > shpSize) {
                    throw ImportRefused.badInput(shpName + " is truncated or does not match " + shxName + ": shape " + i
                            + " would end at byte " + (offset + 8 + length) + " of a " + shpSize + "-byte file");
                }
            }
        }
        return (int) count;
    }

    private static ByteBuffer header(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer b = ByteBuffer.allocate(SHP_HEADER);
            while (b.hasRemaining()) if (channel.read(b) < 0) break;
            return b;
        }
    }

    private static Geometry geometry(ShapefileReader shp, IndexFile index, int r, String base) throws IOException {
        try {
            return Flat.xy(shp.geomAt(index.getOffset(r)));
        } catch (RuntimeException | IOException e) {
            throw ImportRefused.badInput(displayName(base) + ".shp is damaged at shape " + r + ": " + e, e);
        }
    }
}
