package airzone.http;

import airzone.disk.WorkDir;
import io.javalin.http.Context;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.http.Part;
import org.eclipse.jetty.server.MultiPartFormInputStream;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The file a batch or an import request carries: the raw body, or the part named {@value #PART} of a
 * {@code multipart/form-data} body (what {@code curl -F file=@x.xlsx} and an HTML form's file input
 * send), with the part's file name and content type. The size limit holds for both: a declared length
 * over it is refused before a byte is read, and a form is parsed with Jetty's multipart reader under
 * that limit, spooling a large part to a working directory under the data directory's tmp (removed on
 * close), never to memory. The form is read through the request's own input stream, so the minimum
 * upload rate applies to it as to a raw body.
 */
final class Upload implements AutoCloseable {

    static final String PART = "file";
    /** Room for a form's boundaries, part headers and a few small fields beside the file. */
    private static final long FORM_OVERHEAD = 64 * 1024;
    private static final int MAX_PARTS = 20;
    private static final int IN_MEMORY_BYTES = 1024 * 1024;

    private final InputStream stream;
    private final String fileName;
    private final String contentType;
    private final MultiPartFormInputStream form;
    private final WorkDir spool;

    private Upload(InputStream stream, String fileName, String contentType, MultiPartFormInputStream form, WorkDir spool) {
        this.stream = stream;
        this.fileName = fileName;
        this.contentType = contentType;
        this.form = form;
        this.spool = spool;
    }

    /**
     * @param maxBytes the most the file may have
     * @param tooLarge the 413 to answer beyond it
     */
    static Upload of(Context ctx, long maxBytes, Path workRoot, Supplier<ApiError> tooLarge) {
        String type = ctx.contentType() == null ? "" : ctx.contentType();
        long declared = ctx.req().getContentLengthLong();
        boolean multipart = type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
        if (declared > maxBytes + (multipart ? FORM_OVERHEAD : 0)) throw tooLarge.get();
        try {
            if (!multipart) return new Upload(ctx.req().getInputStream(), null, ctx.contentType(), null, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        WorkDir spool = WorkDir.create(workRoot, "upload-");
        MultiPartFormInputStream form = null;
        try {
            form = new MultiPartFormInputStream(ctx.req().getInputStream(), type,
                    new MultipartConfigElement(spool.path().toString(), maxBytes, maxBytes + FORM_OVERHEAD, IN_MEMORY_BYTES),
                    spool.path().toFile(), MAX_PARTS);
            Part part = form.getPart(PART);
            if (part == null) {
                throw ApiError.badRequest("the multipart/form-data body has no part named '" + PART + "'; send the file as " + PART
                        + " (curl -F " + PART + "=@sites.xlsx), or as the raw body");
            }
            return new Upload(part.getInputStream(), part.getSubmittedFileName(), part.getContentType(), form, spool);
        } catch (IllegalStateException e) {
            close(form, spool);
            if (HttpServer.abandonedBody(e) != 0) throw e;
            // Jetty's multipart reader says "exceeds max filesize" or "exceeds maxRequestSize" this way
            throw tooLarge.get();
        } catch (IOException e) {
            close(form, spool);
            if (HttpServer.abandonedBody(e) != 0) throw new UncheckedIOException(e);
            throw ApiError.badRequest("the multipart/form-data body cannot be read: " + e.getMessage());
        } catch (RuntimeException e) {
            close(form, spool);
            throw e;
        }
    }

    InputStream stream() {
        return stream;
    }

    /** The file name the form gave the part, or null (a raw body has none). */
    String fileName() {
        return fileName;
    }

    /** The part's content type in a form, else the request's; may be null. */
    String contentType() {
        return contentType;
    }

    @Override
    public void close() {
        close(form, spool);
    }

    private static void close(MultiPartFormInputStream form, WorkDir spool) {
        if (form != null) form.deleteParts();
        if (spool != null) spool.close();
    }
}
