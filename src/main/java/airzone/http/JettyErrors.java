package airzone.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Requests Jetty refuses before any route sees them (a NUL or other ambiguous byte in the path, a
 * malformed header) get the API's JSON error shape too, not Jetty's HTML page, and the security headers.
 */
final class JettyErrors extends ErrorHandler {

    @Override
    protected void generateAcceptableResponse(Request baseRequest, HttpServletRequest request, HttpServletResponse response,
                                              int code, String message) throws IOException {
        response.setContentType("application/json;charset=utf-8");
        response.setHeader(SecurityHeaders.CSP, SecurityHeaders.NOTHING_POLICY);
        SecurityHeaders.common(response::setHeader);
        response.getOutputStream().write(body(code, message));
        baseRequest.setHandled(true);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, "application/json;charset=utf-8");
        fields.put(SecurityHeaders.CSP, SecurityHeaders.NOTHING_POLICY);
        SecurityHeaders.common(fields::put);
        return ByteBuffer.wrap(body(status, reason));
    }

    private static byte[] body(int status, String reason) {
        String error = HttpStatus.getMessage(status);
        String detail = "the request was refused before it reached the service: " + (reason == null ? error : reason);
        return ("{\"status\":" + status + ",\"error\":" + quote(error) + ",\"detail\":" + quote(detail) + "}").getBytes(StandardCharsets.UTF_8);
    }

    private static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') out.append('\\').append(c);
            else if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
            else out.append(c);
        }
        return out.append('"').toString();
    }
}
