package airzone.http;

import airzone.auth.Role;
import airzone.auth.User;
import airzone.config.Config;
import airzone.disk.DiskSpace;
import airzone.edit.Edits;
import airzone.io.ExportCrs;
import airzone.io.imports.ImportFormat;
import airzone.io.imports.ImportLimits;
import airzone.io.imports.ImportOptions;
import airzone.io.imports.ImportRefused;
import airzone.io.imports.ImportRejected;
import airzone.io.imports.ImportReport;
import airzone.io.imports.Importer;
import airzone.io.imports.TextEncoding;
import airzone.layer.CollectionInfo;
import airzone.layer.FeatureStore;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code POST /api/import/{collection}?format=&encoding=&crs=&layer=&dryRun=&preview=}: a zipped shapefile,
 * GeoJSON, KML (or KMZ) or GeoPackage as the raw request body or a form's {@code file} part, into a collection people write
 * (drawn zones, heat sources), by a planner. The answer is the {@link ImportReport}; a dry run
 * only reports, and with {@code preview=true} carries the features it would write. A real import with any rejected feature stores nothing and answers 400 with the
 * report beside the usual {@code {status, error, detail}}. An upload whose Content-Length exceeds
 * the limit is refused with 413 before a byte of it is read.
 */
final class ImportController {

    private final Importer importer;
    private final Path workRoot;

    ImportController(Config config, FeatureStore store, Edits edits) {
        this(new Importer(store, edits, new DiskSpace(config.workRoot(), config.minFreeDiskBytes()), ImportLimits.standard()), config.workRoot());
    }

    ImportController(Importer importer, Path workRoot) {
        this.importer = importer;
        this.workRoot = workRoot;
    }

    void upload(Context ctx) {
        CollectionInfo info = QueryParams.collection(ctx, QueryParams.COLLECTION);
        String id = info.id();
        if (!Importer.importable(id)) {
            ctx.header("Allow", "");
            throw ApiError.methodNotAllowed("collection '" + id + "' is " + info.kind().name().toLowerCase(Locale.ROOT)
                    + " and cannot be imported into; imports go to ban-zones, built-up-areas, industrial-parks, control-zones and heat-sources");
        }
        User user = Access.require(ctx, Role.PLANNER);
        ImportOptions options = options(ctx);
        long declared = ctx.req().getContentLengthLong();
        long max = importer.limits().maxUploadBytes();
        ImportReport report;
        try (Upload upload = Upload.of(ctx, max, workRoot, () -> ApiError.tooLarge((declared > max ? "the upload is " + declared + " bytes; " : "")
                + "an import takes at most " + importer.limits().uploadText()))) {
            report = importer.run(info.id(), byFileName(options, upload.fileName()), upload.contentType(), upload.stream(), user);
        } catch (ImportRefused e) {
            throw e.tooLarge() ? ApiError.tooLarge(e.getMessage()) : ApiError.badRequest(e.getMessage());
        } catch (ImportRejected e) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", 400);
            body.put("error", HttpStatus.BAD_REQUEST.getMessage());
            body.put("detail", e.getMessage());
            body.put("report", e.report());
            ctx.status(400).json(body);
            return;
        }
        ctx.json(report);
    }

    private static ImportOptions options(Context ctx) {
        String rawFormat = ctx.queryParam(QueryParams.FORMAT);
        ImportFormat format = blank(rawFormat) ? null : ImportFormat.parse(rawFormat).orElseThrow(() ->
                ApiError.badRequest("format must be " + ImportFormat.names() + ", got '" + rawFormat + "'"));
        String rawEncoding = ctx.queryParam(QueryParams.ENCODING);
        TextEncoding encoding = blank(rawEncoding) ? null : TextEncoding.parameter(rawEncoding).orElseThrow(() ->
                ApiError.badRequest("encoding must be UTF-8 or GBK (or GB18030), got '" + rawEncoding + "'"));
        String rawCrs = ctx.queryParam(QueryParams.CRS);
        ExportCrs crs = blank(rawCrs) ? null : ExportCrs.parse(rawCrs).orElseThrow(() ->
                ApiError.badRequest("crs '" + rawCrs + "' is not supported; use " + ExportCrs.supportedText()));
        String layer = blank(ctx.queryParam(QueryParams.LAYER)) ? null : ctx.queryParam(QueryParams.LAYER).trim();
        boolean dryRun = flag("dryRun", ctx.queryParam("dryRun"));
        boolean preview = flag("preview", ctx.queryParam("preview"));
        if (preview && !dryRun) {
            throw ApiError.badRequest("preview=true needs dryRun=true: the preview shows what a dry run would write");
        }
        return new ImportOptions(format, encoding, crs, layer, dryRun, preview);
    }

    /** A form's file name says the format when nothing else did ({@code zones.geojson}, {@code plan.kmz}, {@code parks.gpkg}). */
    private static ImportOptions byFileName(ImportOptions options, String fileName) {
        if (options.format() != null || fileName == null || fileName.lastIndexOf('.') < 0) return options;
        return ImportFormat.parse(fileName.substring(fileName.lastIndexOf('.') + 1))
                .map(format -> new ImportOptions(format, options.encoding(), options.crs(), options.layer(), options.dryRun(), options.preview()))
                .orElse(options);
    }

    private static boolean flag(String name, String raw) {
        if (blank(raw)) return false;
        return switch (raw.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw ApiError.badRequest(name + " must be true or false, got '" + raw + "'");
        };
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
