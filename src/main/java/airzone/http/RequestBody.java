package airzone.http;

import io.javalin.http.Context;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Request bodies read with a size limit: refused from Content-Length before reading when possible, else while reading. */
final class RequestBody {

    private RequestBody() {
    }

    static byte[] read(Context ctx, long maxBytes) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxBytes) throw tooLarge(maxBytes);
        try (InputStream in = ctx.bodyInputStream()) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (body.length > maxBytes) throw tooLarge(maxBytes);
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ApiError tooLarge(long maxBytes) {
        return ApiError.tooLarge("the body is larger than " + maxBytes / (1024 * 1024) + " MB (AIRZONE_MAX_BODY_MB)");
    }
}
