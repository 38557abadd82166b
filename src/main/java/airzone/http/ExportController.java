package airzone.http;

import airzone.config.Config;
import airzone.disk.DiskFull;
import airzone.disk.DiskSpace;
import airzone.disk.WorkDir;
import airzone.io.ExportCrs;
import airzone.io.ExportFormat;
import airzone.io.ExportRefused;
import airzone.io.Exporter;
import airzone.layer.Bbox;
import airzone.layer.CollectionInfo;
import airzone.layer.FeaturePage;
import airzone.layer.FeatureStore;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

/**
 * {@code GET /api/export/{collection}?format=&crs=&encoding=&bbox=}: a whole collection (or the part
 * a bbox selects, with limit/offset as on /items when given) as a file download. The file is
 * written into a fresh directory under {@code <data dir>/tmp}, streamed, and the directory is
 * deleted in every case; a rejected request writes nothing.
 */
final class ExportController {

    private static final Logger LOG = LoggerFactory.getLogger(ExportController.class);
    /** File names carry the date where the planners are. */
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final FeatureStore store;
    private final Exporter exporter = new Exporter();
    private final DiskSpace work;
    private final Clock clock;

    ExportController(Config config, FeatureStore store) {
        this(store, new DiskSpace(config.workRoot(), config.minFreeDiskBytes()), Clock.system(CHINA));
    }

    /** @param work where the files are written, and the space kept free there */
    ExportController(FeatureStore store, DiskSpace work, Clock clock) {
        this.store = store;
        this.work = work;
        this.clock = clock;
    }

    void export(Context ctx) {
        CollectionInfo info = QueryParams.collection(ctx, QueryParams.COLLECTION);
        String id = info.id();
        ExportFormat format = format(ctx.queryParam(QueryParams.FORMAT));
        ExportCrs crs = crs(ctx.queryParam(QueryParams.CRS), format);
        Charset charset = encoding(ctx.queryParam(QueryParams.ENCODING), format);
        Bbox bbox = QueryParams.bbox(ctx);
        int limit = ctx.queryParam(QueryParams.LIMIT) == null ? Integer.MAX_VALUE : QueryParams.limit(ctx);
        int offset = QueryParams.offset(ctx);

        String doing = "exporting " + info.id() + " as " + format.id();
        work.require(doing);
        long started = System.nanoTime();
        FeaturePage page = store.items(info.id(), bbox, limit, offset);
        try (WorkDir dir = WorkDir.create(work.directory(), "export-")) {
            Exporter.Result result = exporter.export(new Exporter.Request(info, page.features(), format, crs, charset,
                    LocalDate.now(clock)), dir.path());
            ctx.status(200);
            ctx.contentType(format == ExportFormat.CSV ? format.mediaType() + "; charset=" + charsetName(charset) : format.mediaType());
            ctx.header("Content-Disposition", "attachment; filename=\"" + result.fileName() + "\"");
            ctx.header("Content-Crs", "<" + crs.uri() + ">");
            try (OutputStream out = ctx.outputStream()) {
                Files.copy(result.file(), out);
            }
            LOG.debug("exported {} features of {} as {} in {} in {} ms", result.featureCount(), info.id(), format.id(),
                    crs.code(), (System.nanoTime() - started) / 1_000_000);
        } catch (ExportRefused e) {
            throw ApiError.badRequest(e.getMessage());
        } catch (IOException | RuntimeException e) {
            // the working directory is gone by now (closed before this catch runs), so nothing is left behind
            if (DiskFull.causedBy(e)) throw work.ranOut(doing, "the export's working files", e);
            if (e instanceof RuntimeException unchecked) throw unchecked;
            throw new UncheckedIOException(doing + " failed", (IOException) e);
        }
    }

    private static ExportFormat format(String raw) {
        if (raw == null || raw.isBlank()) {
            throw ApiError.badRequest("format is required: " + ExportFormat.names());
        }
        return ExportFormat.parse(raw).orElseThrow(() -> ApiError.badRequest(
                "format must be " + ExportFormat.names() + ", got '" + raw + "'"));
    }

    private static ExportCrs crs(String raw, ExportFormat format) {
        ExportCrs crs = raw == null || raw.isBlank() ? ExportCrs.wgs84() : ExportCrs.parse(raw).orElseThrow(() ->
                ApiError.badRequest("crs '" + raw + "' is not supported; use " + ExportCrs.supportedText()));
        if (format.onlyWgs84() && crs.epsg() != ExportCrs.WGS84) {
            throw ApiError.badRequest("crs must be EPSG:4326 with format=" + format.id()
                    + ": KML coordinates are WGS 84 longitude/latitude by specification, got '" + raw + "'");
        }
        return crs;
    }

    private static Charset encoding(String raw, ExportFormat format) {
        if (raw == null || raw.isBlank()) return StandardCharsets.UTF_8;
        String e = raw.trim().toUpperCase(Locale.ROOT);
        Charset charset = switch (e) {
            case "UTF-8", "UTF8" -> StandardCharsets.UTF_8;
            case "GBK", "CP936" -> Charset.forName("GBK");
            default -> throw ApiError.badRequest("encoding must be UTF-8 or GBK, got '" + raw + "'");
        };
        if (!charset.equals(StandardCharsets.UTF_8) && !format.canChooseEncoding()) {
            throw ApiError.badRequest("encoding=GBK applies to format=shapefile and format=csv only; "
                    + format.id() + " is always UTF-8");
        }
        return charset;
    }

    private static String charsetName(Charset charset) {
        return charset.equals(StandardCharsets.UTF_8) ? "UTF-8" : "GBK";
    }
}
