package airzone.http;

import airzone.screen.Batch;
import airzone.screen.BatchInput;
import airzone.screen.BatchJobs;
import airzone.screen.BatchOutput;
import airzone.screen.BatchScreening;
import airzone.screen.Screener;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Batch screening: {@code POST /api/screen/batch} streams results back while it runs;
 * {@code POST /api/screen/jobs} runs in the background and reports progress at
 * {@code /api/screen/jobs/{id}}, and {@code …/cancel} stops it. Input CSV, Excel (.xlsx) or GeoJSON,
 * as the raw body or a form's {@code file} part; output CSV (summary or per finding), Excel or GeoJSON.
 */
final class BatchController {

    private static final Logger LOG = LoggerFactory.getLogger(BatchController.class);
    /** Which sheet of a workbook was read (its name percent-encoded as UTF-8), and the row of its header. */
    static final String SHEET_HEADER = "X-Airzone-Sheet";
    static final String HEADER_ROW_HEADER = "X-Airzone-Header-Row";

    private final Screener screener;
    private final BatchInput input;
    private final BatchJobs jobs;
    private final int jobsPerClient;
    private final Path workRoot;

    BatchController(Screener screener, BatchInput input, BatchJobs jobs, int jobsPerClient, Path workRoot) {
        this.screener = screener;
        this.input = input;
        this.jobs = jobs;
        this.jobsPerClient = jobsPerClient;
        this.workRoot = workRoot;
    }

    /**
     * Everything that refuses the request is found before the first row is answered; a failure after that
     * (a disk error, a bug) can no longer change the status, so the connection is cut: a client must not
     * take a truncated result for a whole one.
     */
    void stream(Context ctx) throws IOException {
        Request request = read(ctx);
        try (Batch batch = request.batch; Batch.Cursor rows = batch.rows()) {
            sheetHeaders(ctx, batch.sheet());
            ctx.contentType(request.format.contentType);
            ctx.header("Content-Disposition", "attachment; filename=\"screening." + request.format.extension + "\"");
            OutputStream out = ctx.outputStream();
            try (BatchOutput output = BatchOutput.of(request.format, out, batch.carried())) {
                BatchScreening.run(screener, rows, output, done -> { });
            } catch (IOException | RuntimeException e) {
                if (HttpServer.abandonedBody(e) == 0) LOG.error("batch from {} failed part-way; its connection is cut", ctx.ip(), e);
                org.eclipse.jetty.server.Request.getBaseRequest(ctx.req()).getHttpChannel().abort(e);
            }
        }
    }

    /** A client may have as many unfinished jobs as heavy requests running (AIRZONE_HEAVY_PER_CLIENT). */
    void submit(Context ctx) throws IOException {
        if (jobs.unfinished(ctx.ip()) >= jobsPerClient) throw HeavyRequests.tooMany(ctx);
        Request request = read(ctx);
        BatchJobs.Job job = jobs.submit(request.batch, request.format, ctx.ip()); // the job closes the batch
        sheetHeaders(ctx, job.sheet());
        ctx.status(202).header("Location", Links.base(ctx) + "/api/screen/jobs/" + job.id()).json(describe(ctx, job));
    }

    void status(Context ctx) {
        ctx.json(describe(ctx, job(ctx)));
    }

    /**
     * Whoever may see a job (anyone with its id: the job API has no owner check) may cancel it while it runs,
     * through any instance.
     */
    void cancel(Context ctx) {
        BatchJobs.Job job = job(ctx);
        BatchJobs.Job cancelled = jobs.cancel(job.id())
                .orElseThrow(() -> ApiError.conflict("job " + job.id() + " is " + job(ctx).status() + "; only a running job can be cancelled"));
        ctx.json(describe(ctx, cancelled));
    }

    /** In the job's own format, or the one {@code ?format=} or Accept asks for among those the job keeps. */
    void result(Context ctx) throws IOException {
        BatchJobs.Job job = job(ctx);
        BatchOutput.Format asked = askedFormat(ctx);
        BatchOutput.Format format = asked == null ? job.format() : asked;
        if (!job.formats().contains(format)) {
            throw ApiError.badRequest("job " + job.id() + " keeps its result as " + job.formats().stream().map(f -> f.extension).sorted().toList()
                    + " (findings only when it was asked for at submission); format " + format.name().toLowerCase(Locale.ROOT) + " is not among them");
        }
        try (InputStream in = jobs.result(job, format)
                .orElseThrow(() -> ApiError.conflict("job " + job.id() + " is " + job.status() + "; its result is not ready"))) {
            sheetHeaders(ctx, job.sheet());
            ctx.contentType(format.contentType);
            ctx.header("Content-Disposition", "attachment; filename=\"screening." + format.extension + "\"");
            in.transferTo(ctx.outputStream());
        }
    }

    private BatchJobs.Job job(Context ctx) {
        String id = ctx.pathParam("id");
        return jobs.find(id).orElseThrow(() -> ApiError.notFound("no batch job '" + id + "'"));
    }

    private static Map<String, Object> describe(Context ctx, BatchJobs.Job job) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", job.id());
        body.put("status", job.status());
        body.put("total", job.total());
        body.put("processed", job.processed());
        body.put("progress", job.total() == 0 ? 1.0 : job.processed() / (double) job.total());
        if (job.error() != null) body.put("error", job.error());
        if (job.sheet() != null) {
            body.put("sheet", job.sheet().name());
            body.put("sheetNumber", job.sheet().number());
            body.put("headerRow", job.sheet().headerRow());
        }
        body.put("rejectedCount", job.refusedCount());
        body.put("rejected", job.refused().stream().map(r -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("row", r.row());
            row.put("name", r.name());
            row.put("error", r.error());
            return row;
        }).toList());
        String self = Links.base(ctx) + "/api/screen/jobs/" + job.id();
        body.put("links", job.done()
                ? List.of(Links.link(self, "self", "application/json", null), Links.link(self + "/result", "result", job.format().contentType, null))
                : List.of(Links.link(self, "self", "application/json", null)));
        return body;
    }

    private static void sheetHeaders(Context ctx, Batch.Sheet sheet) {
        if (sheet == null) return;
        ctx.header(SHEET_HEADER, URLEncoder.encode(sheet.name(), StandardCharsets.UTF_8).replace("+", "%20"));
        ctx.header(HEADER_ROW_HEADER, Integer.toString(sheet.headerRow()));
    }

    private record Request(Batch batch, BatchOutput.Format format) {
    }

    private Request read(Context ctx) {
        // the format is checked first, so a bad format= costs no upload
        BatchOutput.Format asked = askedFormat(ctx);
        Batch batch;
        try (Upload upload = Upload.of(ctx, input.maxBytes(), workRoot, this::tooLarge)) {
            String contentType = upload.contentType() == null ? "" : upload.contentType().toLowerCase(Locale.ROOT);
            batch = input.read(upload.stream(), new BatchInput.Source(contentType, upload.fileName(), encoding(ctx, contentType), blankToNull(ctx.queryParam("sheet"))));
        } catch (BatchInput.Refused e) {
            throw switch (e.kind()) {
                case TOO_LARGE -> ApiError.tooLarge(e.getMessage());
                case UNSUPPORTED -> ApiError.unsupportedMediaType(e.getMessage());
                case BAD -> ApiError.badRequest(e.getMessage());
            };
        }
        return new Request(batch, asked != null ? asked : byInput(batch.source()));
    }

    private ApiError tooLarge() {
        return ApiError.tooLarge("a batch body may have at most " + input.maxBytes() + " bytes (AIRZONE_MAX_BATCH_MB)");
    }

    private static String encoding(Context ctx, String contentType) {
        String param = ctx.queryParam("encoding");
        if (param != null) return param;
        int charset = contentType.indexOf("charset=");
        return charset < 0 ? null : contentType.substring(charset + 8).trim();
    }

    /**
     * {@code ?format=csv|findings|geojson|xlsx} wins; else the Accept header; else (null) the input's own
     * format. The findings format is CSV only: a row per finding is a table to filter, not a sheet to read.
     */
    private static BatchOutput.Format askedFormat(Context ctx) {
        String format = ctx.queryParam("format");
        if (format != null) {
            return switch (format) {
                case "csv" -> BatchOutput.Format.CSV;
                case "findings" -> BatchOutput.Format.CSV_FINDINGS;
                case "geojson" -> BatchOutput.Format.GEOJSON;
                case "xlsx" -> BatchOutput.Format.XLSX;
                default -> throw ApiError.badRequest("format must be csv, findings, geojson or xlsx, got '" + format + "'");
            };
        }
        String accept = ctx.header("Accept") == null ? "" : ctx.header("Accept");
        if (accept.contains("spreadsheetml")) return BatchOutput.Format.XLSX;
        if (accept.contains("text/csv")) return BatchOutput.Format.CSV;
        if (accept.contains("geo+json") || accept.contains("application/json")) return BatchOutput.Format.GEOJSON;
        return null;
    }

    private static BatchOutput.Format byInput(Batch.Source source) {
        return switch (source) {
            case CSV -> BatchOutput.Format.CSV;
            case GEOJSON -> BatchOutput.Format.GEOJSON;
            case XLSX -> BatchOutput.Format.XLSX;
        };
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
