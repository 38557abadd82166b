package airzone.io.imports;

import airzone.auth.User;
import airzone.disk.DiskFull;
import airzone.disk.DiskSpace;
import airzone.disk.WorkDir;
import airzone.edit.Edits;
import airzone.edit.FeatureIds;
import airzone.edit.FeatureValidator;
import airzone.edit.InvalidFeature;
import airzone.edit.Validated;
import airzone.geo.GeoJson;
import airzone.layer.Feature;
import airzone.layer.FeatureStore;
import airzone.layer.Upserted;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.locationtech.jts.geom.Geometry;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * An upload into a collection, end to end: the body saved under {@code <data dir>/tmp/import-*}
 * (within the size limit), unzipped safely when it is a zip, its format told (request, Content-Type,
 * contents), read into features, fields mapped to the collection's properties, geometries brought to
 * lon/lat, every feature validated like an edit, and — unless it is a dry run or any feature was
 * rejected — all of them stored in one transaction through {@link Edits#importAll}. The working
 * directory is deleted whatever happens.
 *
 * <p>Derived features in the file (property {@code source: "derived"}, as in an export of
 * ban-zones) are skipped and reported: the service computes them from the rules.
 */
public final class Importer {

    private static final int HEAD_BYTES = 64;

    private final FeatureStore store;
    private final Edits edits;
    private final DiskSpace work;
    private final ImportLimits limits;

    /** @param work where uploads are saved and unpacked, and the space kept free there */
    public Importer(FeatureStore store, Edits edits, DiskSpace work, ImportLimits limits) {
        this.store = store;
        this.edits = edits;
        this.work = work;
        this.limits = limits;
    }

    public ImportLimits limits() {
        return limits;
    }

    /** True for the collections an import may write (drawn zones and heat sources). */
    public static boolean importable(String collection) {
        return FeatureValidator.writable(collection);
    }

    /**
     * Reads {@code body} and imports it into {@code collection} as {@code actor} (or only reports, on
     * a dry run). @throws ImportRefused for an upload that cannot be read, ImportRejected when
     * features were rejected in a real import.
     */
    public ImportReport run(String collection, ImportOptions options, String contentType, InputStream body, User actor) {
        String doing = "importing into " + collection;
        work.require(doing);
        try (WorkDir dir = WorkDir.create(work.directory(), "import-")) {
            Path upload = dir.path().resolve("upload");
            save(body, upload);
            SourceLayer layer = read(upload, dir.path(), options, contentType);
            return importLayer(collection, layer, options, actor);
        } catch (IOException | UncheckedIOException e) {
            // the working directory is gone by now (closed before this catch runs); the store was not written
            if (DiskFull.causedBy(e)) throw work.ranOut(doing, "the import's working files", e);
            if (e instanceof UncheckedIOException unchecked) throw unchecked;
            throw new UncheckedIOException(doing + " failed", (IOException) e);
        }
    }

    private SourceLayer read(Path upload, Path dir, ImportOptions options, String contentType) throws IOException {
        if (Files.size(upload) == 0) throw ImportRefused.badInput("the request body is empty; send the file itself as the body");
        byte[] head = head(upload);
        ImportFormat format = options.format() != null ? options.format() : UploadFormat.ofContentType(contentType).orElse(null);
        SourceLayer layer;
        if (UploadZip.isZip(head)) {
            Path files = Files.createDirectory(dir.resolve("files"));
            layer = readZip(new UploadZip(limits).unpack(upload, files), format, options);
        } else {
            if (format == null) {
                format = UploadFormat.sniff(head).orElseThrow(() -> ImportRefused.badInput("cannot tell what the upload is: it is no zip, "
                        + "GeoPackage, KML or GeoJSON by its first bytes; send one of those or give format=" + ImportFormat.names().replace(", ", "|")
                        .replace(" or ", "|")));
            }
            if (format == ImportFormat.SHAPEFILE) {
                throw ImportRefused.badInput("a shapefile is several files (.shp, .shx, .dbf, .prj, .cpg): upload them together as a zip");
            }
            layer = readFile(format, upload, options);
        }
        if (options.encoding() != null && !options.encoding().isUtf8() && layer.format() != ImportFormat.SHAPEFILE) {
            throw ImportRefused.badInput("encoding=" + options.encoding().name() + " applies to shapefiles only; "
                    + layer.format().id() + " is UTF-8 by specification");
        }
        return layer;
    }

    private SourceLayer readFile(ImportFormat format, Path file, ImportOptions options) throws IOException {
        return switch (format) {
            case GEOJSON -> new GeoJsonImport().read(file, options);
            case KML -> new KmlImport().read(file, options);
            case GEOPACKAGE -> {
                Path gpkg = file;
                if (!file.getFileName().toString().toLowerCase().endsWith(".gpkg")) {
                    gpkg = Files.move(file, file.resolveSibling(file.getFileName() + ".gpkg"));
                }
                if (!UploadFormat.isSqlite(head(gpkg))) {
                    throw ImportRefused.badInput("the upload is not a GeoPackage: a GeoPackage is an SQLite database file");
                }
                yield new GeoPackageImport().read(gpkg, options);
            }
            case SHAPEFILE -> throw new IllegalStateException("shapefiles come zipped");
        };
    }

    private SourceLayer readZip(List<Path> files, ImportFormat format, ImportOptions options) throws IOException {
        if (format == ImportFormat.SHAPEFILE || (format == null && ShapefileImport.holdsShapefile(files))) {
            return new ShapefileImport().read(files, options);
        }
        List<Path> candidates = new ArrayList<>();
        for (Path f : files) {
            Optional<ImportFormat> of = UploadFormat.ofFileName(f.getFileName().toString());
            if (of.isPresent() && (format == null || of.get() == format)) candidates.add(f);
        }
        if (candidates.isEmpty()) {
            throw ImportRefused.badInput("the zip holds no " + (format == null
                    ? "shapefile (.shp with .shx and .dbf), GeoPackage (.gpkg), GeoJSON (.geojson, .json) or KML (.kml)"
                    : format.id() + " file") + "; a shapefile needs its .shp, .shx and .dbf");
        }
        Path chosen = choose(candidates, options);
        ImportFormat of = UploadFormat.ofFileName(chosen.getFileName().toString()).orElseThrow();
        // layer= chose the file among several; within a lone GeoPackage it names the table
        ImportOptions inner = candidates.size() == 1 ? options
                : new ImportOptions(options.format(), options.encoding(), options.crs(), null, options.dryRun(), options.preview());
        return readFile(of, chosen, inner);
    }

    private static Path choose(List<Path> candidates, ImportOptions options) {
        if (candidates.size() == 1) return candidates.get(0);
        if (options.layer() != null) {
            for (Path p : candidates) {
                String name = p.getFileName().toString();
                String base = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
                if (base.equalsIgnoreCase(options.layer()) || name.equalsIgnoreCase(options.layer())) return p;
            }
        }
        // a KMZ's main document is doc.kml
        for (Path p : candidates) if (p.getFileName().toString().equalsIgnoreCase("doc.kml")) return p;
        throw ImportRefused.badInput("the zip holds " + candidates.size() + " files that could be imported ("
                + String.join(", ", candidates.stream().map(p -> p.getFileName().toString()).toList()) + "); choose one with layer=");
    }

    private ImportReport importLayer(String collection, SourceLayer layer, ImportOptions options, User actor) {
        List<Feature> stored = store.all(collection);
        Map<String, Feature> existing = new HashMap<>();
        for (Feature f : stored) existing.put(f.id(), f);
        FieldMapping mapping = FieldMapping.of(layer, PropertyTypes.of(collection, stored));
        UnaryOperator<Geometry> toLonLat = new ToLonLat().from(layer.crs());
        FeatureValidator validator = edits.validator();

        Map<String, Integer> geometryTypes = new TreeMap<>();
        List<ImportReport.Repaired> repaired = new ArrayList<>();
        List<ImportReport.Problem> skipped = new ArrayList<>();
        List<ImportReport.Problem> rejected = new ArrayList<>();
        List<Feature> valid = new ArrayList<>();
        List<Integer> validIndex = new ArrayList<>();
        Map<String, Integer> firstIndex = new HashMap<>();
        int restoredTexts = 0;
        int created = 0;
        int updated = 0;
        List<SourceFeature> features = layer.features();
        for (int i = 0; i < features.size(); i++) {
            SourceFeature source = features.get(i);
            if (source.geometry() != null) geometryTypes.merge(source.geometry().getGeometryType(), 1, Integer::sum);
            ObjectNode properties = mapping.properties(source);
            String id = source.id();
            if ("derived".equals(properties.path("source").asText(null))) {
                skipped.add(new ImportReport.Problem(i, id, "a derived feature (source: derived): the service computes these from the rules"));
                continue;
            }
            if (source.problem() != null) {
                rejected.add(new ImportReport.Problem(i, id, source.problem()));
                continue;
            }
            if (id != null) {
                Integer first = firstIndex.putIfAbsent(id, i);
                if (first != null) {
                    rejected.add(new ImportReport.Problem(i, id, "the id '" + id + "' is also used by the feature at index " + first + " of the file"));
                    continue;
                }
                Feature old = existing.get(id);
                if (old != null && "derived".equals(old.properties().path("source").asText(null))) {
                    rejected.add(new ImportReport.Problem(i, id, "'" + id + "' is a derived feature of " + collection + "; it cannot be replaced"));
                    continue;
                }
            }
            if (layer.format() == ImportFormat.SHAPEFILE && id != null) {
                restoredTexts += CutText.restore(properties, existing.get(id), layer.encoding().charset());
            }
            Validated checked;
            try {
                Geometry lonLat = toLonLat.apply(source.geometry());
                checked = validator.validate(collection, new Feature(id, properties, lonLat, 0));
            } catch (InvalidFeature e) {
                rejected.add(new ImportReport.Problem(i, id, e.getMessage()));
                continue;
            }
            if (!checked.repairs().isEmpty()) repaired.add(new ImportReport.Repaired(i, id, checked.repairs()));
            if (id != null && existing.containsKey(id)) updated++;
            else created++;
            valid.add(checked.feature());
            validIndex.add(i);
        }

        int imported = 0;
        if (!options.dryRun() && rejected.isEmpty() && !valid.isEmpty()) {
            List<Feature> named = new ArrayList<>(valid.size());
            for (Feature f : valid) {
                named.add(f.id() != null ? f : new Feature(FeatureIds.fresh(collection), f.properties(), f.geometry(), f.version()));
            }
            String source = layer.format().id() + (layer.layer() == null ? "" : " '" + layer.layer() + "'") + " upload, "
                    + features.size() + " features";
            Upserted done = edits.importAll(collection, named, actor, source);
            imported = named.size();
            created = done.created();
            updated = done.updated();
        }
        List<String> notes = new ArrayList<>(layer.notes());
        if (restoredTexts > 0) {
            notes.add(restoredTexts + " text value(s) of 251–254 bytes were the dBase field's cut of the longer text the feature stores; "
                    + "the stored text was kept in full");
        }
        ImportReport report = new ImportReport(collection, layer.format().id(), layer.layer(), options.dryRun(), layer.crs().code(),
                layer.crsFrom(), layer.encoding().name(), layer.encoding().detectedFrom(), features.size(), geometryTypes,
                mapping.report(layer), imported, created, updated, repaired, skipped, rejected, notes,
                options.preview() ? preview(valid, validIndex, existing) : null);
        if (!options.dryRun()) {
            if (!rejected.isEmpty()) {
                throw new ImportRejected(rejected.size() + " of " + features.size() + " features cannot be imported (see report.rejected); "
                        + "nothing was imported", withNothingImported(report));
            }
            if (valid.isEmpty()) {
                throw new ImportRejected("the file holds no feature to import" + (skipped.isEmpty() ? "" : " (" + skipped.size()
                        + " derived features were skipped)") + "; nothing was imported", withNothingImported(report));
            }
        }
        return report;
    }

    private static ImportReport withNothingImported(ImportReport r) {
        return new ImportReport(r.collection(), r.format(), r.layer(), r.dryRun(), r.sourceCrs(), r.crsFrom(), r.encoding(),
                r.encodingDetectedFrom(), r.count(), r.geometryTypes(), r.fields(), 0, 0, 0, r.repaired(), r.skipped(), r.rejected(), r.notes(), null);
    }

    /**
     * The features a dry run would write, as GeoJSON for a page to draw over the stored ones (see
     * {@link ImportReport#features}); ids only where the file gives them (the others get fresh ids
     * when written).
     */
    private static ObjectNode preview(List<Feature> valid, List<Integer> index, Map<String, Feature> existing) {
        ObjectNode collection = GeoJson.MAPPER.createObjectNode();
        collection.put("type", "FeatureCollection");
        collection.put("numberMatched", valid.size());
        int shown = Math.min(valid.size(), ImportReport.PREVIEW_LIMIT);
        collection.put("numberReturned", shown);
        ArrayNode features = collection.putArray("features");
        for (int k = 0; k < shown; k++) {
            Feature f = valid.get(k);
            ObjectNode out = features.addObject();
            out.put("type", "Feature");
            if (f.id() != null) out.put("id", f.id());
            out.set("geometry", GeoJson.parseObject(GeoJson.geometry(f.geometry())));
            out.set("properties", f.properties());
            out.put("airzone:index", index.get(k));
            out.put("airzone:action", f.id() != null && existing.containsKey(f.id()) ? "update" : "create");
        }
        return collection;
    }

    private void save(InputStream body, Path upload) throws IOException {
        long total = 0;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = body; OutputStream out = Files.newOutputStream(upload)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                total += n;
                if (total > limits.maxUploadBytes()) {
                    throw ImportRefused.tooLarge("the upload is larger than " + limits.uploadText() + ", the most an import takes");
                }
                out.write(buffer, 0, n);
            }
        }
    }

    private static byte[] head(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(HEAD_BYTES);
        }
    }
}
