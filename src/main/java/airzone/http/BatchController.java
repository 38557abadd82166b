package airzone.http;

import airzone.screen.BatchInput;
import airzone.screen.BatchJobs;
import airzone.screen.BatchOutput;
import airzone.screen.BatchRow;
import airzone.screen.BatchScreening;
import airzone.screen.Screener;
import io.javalin.http.Context;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Batch screening: {@code POST /api/screen/batch} streams results back while it runs;
 * {@code POST /api/screen/jobs} runs in the background and reports progress at
 * {@code /api/screen/jobs/{id}}. Input CSV or GeoJSON; output CSV (summary or per finding) or GeoJSON.
 */
final class BatchController {

    /** 100,000 rows of CSV with every attribute run to ~10 MB; this leaves room for polygons in GeoJSON. */
    private static final long MAX_BODY_BYTES = 64L * 1024 * 1024;

    private final Screener screener;
    private final BatchInput input;
    private final BatchJobs jobs;
    private final int jobsPerClient;

    BatchController(Screener screener, BatchInput input, BatchJobs jobs, int jobsPerClient) {
        this.screener = screener;
        this.input = input;
        this.jobs = jobs;
        this.jobsPerClient = jobsPerClient;
    }

    void stream(Context ctx) throws IOException {
        Request request = read(ctx);
        ctx.contentType(request.format.contentType);
        ctx.header("Content-Disposition", "attachment; filename=\"screening." + request.format.extension + "\"");
        OutputStream out = ctx.outputStream();
        try (BatchOutput output = BatchOutput.of(request.format, out)) {
            BatchScreening.run(screener, request.rows, output, done -> { });
        }
    }

    /** A client may have as many unfinished jobs as heavy requests running (AIRZONE_HEAVY_PER_CLIENT). */
    void submit(Context ctx) throws IOException {
        if (jobs.unfinished(ctx.ip()) >= jobsPerClient) throw HeavyRequests.tooMany(ctx);
        Request request = read(ctx);
        BatchJobs.Job job = jobs.submit(request.rows, request.format, ctx.ip());
        ctx.status(202).header("Location", Links.base(ctx) + "/api/screen/jobs/" + job.id).json(describe(ctx, job));
    }

    void status(Context ctx) {
        ctx.json(describe(ctx, job(ctx)));
    }

    void result(Context ctx) throws IOException {
        BatchJobs.Job job = job(ctx);
        var file = job.result().orElseThrow(() -> ApiError.conflict("job " + job.id + " is " + job.status() + "; its result is not ready"));
        ctx.contentType(job.format.contentType);
        ctx.header("Content-Disposition", "attachment; filename=\"screening." + job.format.extension + "\"");
        try (InputStream in = Files.newInputStream(file)) {
            in.transferTo(ctx.outputStream());
        }
    }

    private BatchJobs.Job job(Context ctx) {
        String id = ctx.pathParam("id");
        return jobs.find(id).orElseThrow(() -> ApiError.notFound("no batch job '" + id + "'"));
    }

    private static Map<String, Object> describe(Context ctx, BatchJobs.Job job) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", job.id);
        body.put("status", job.status());
        body.put("total", job.total);
        body.put("processed", job.processed());
        body.put("progress", job.total == 0 ? 1.0 : job.processed() / (double) job.total);
        if (job.error() != null) body.put("error", job.error());
        String self = Links.base(ctx) + "/api/screen/jobs/" + job.id;
        body.put("links", job.result().isPresent()
                ? List.of(Links.link(self, "self", "application/json", null), Links.link(self + "/result", "result", job.format.contentType, null))
                : List.of(Links.link(self, "self", "application/json", null)));
        return body;
    }

    private record Request(List<BatchRow> rows, BatchOutput.Format format) {
    }

    private Request read(Context ctx) throws IOException {
        byte[] body = limitedBody(ctx);
        String contentType = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        boolean json = contentType.contains("json") || (!contentType.contains("csv") && firstNonBlank(body) == '{');
        List<BatchRow> rows;
        try {
            rows = json ? input.geoJson(body) : input.csv(body, encoding(ctx, contentType));
        } catch (BatchInput.Refused e) {
            throw e.tooLarge() ? ApiError.tooLarge(e.getMessage()) : ApiError.badRequest(e.getMessage());
        }
        return new Request(rows, format(ctx, json));
    }

    private static byte[] limitedBody(Context ctx) throws IOException {
        long declared = ctx.req().getContentLengthLong();
        if (declared > MAX_BODY_BYTES) throw ApiError.tooLarge("a batch body may have at most " + MAX_BODY_BYTES + " bytes");
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] body = in.readNBytes((int) MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) throw ApiError.tooLarge("a batch body may have at most " + MAX_BODY_BYTES + " bytes");
            return body;
        }
    }

    private static String encoding(Context ctx, String contentType) {
        String param = ctx.queryParam("encoding");
        if (param != null) return param;
        int charset = contentType.indexOf("charset=");
        return charset < 0 ? null : contentType.substring(charset + 8).trim();
    }

    /** {@code ?format=csv|findings|geojson} wins; else the Accept header; else the input's own format. */
    private static BatchOutput.Format format(Context ctx, boolean jsonInput) {
        String format = ctx.queryParam("format");
        if (format != null) {
            return switch (format) {
                case "csv" -> BatchOutput.Format.CSV;
                case "findings" -> BatchOutput.Format.CSV_FINDINGS;
                case "geojson" -> BatchOutput.Format.GEOJSON;
                default -> throw ApiError.badRequest("format must be csv, findings or geojson, got '" + format + "'");
            };
        }
        String accept = ctx.header("Accept") == null ? "" : ctx.header("Accept");
        if (accept.contains("text/csv")) return BatchOutput.Format.CSV;
        if (accept.contains("geo+json") || accept.contains("application/json")) return BatchOutput.Format.GEOJSON;
        return jsonInput ? BatchOutput.Format.GEOJSON : BatchOutput.Format.CSV;
    }

    private static int firstNonBlank(byte[] body) {
        for (byte b : body) if (!Character.isWhitespace(b)) return b;
        return -1;
    }
}
