package airzone.http;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * HTTP/1.1 over a bare socket, for requests java.net.http will not send: a request target with
 * literal backslashes or {@code ../}, a chunked body, a Content-Length that lies, a body of hundreds of
 * megabytes streamed without being held in memory. The body is written on its own thread while the
 * response is read, so a server that answers early (413) and stops reading is seen answering, not as
 * a broken pipe. {@link #sendFrom} sends from another local address (all of 127.0.0.0/8 is this
 * machine on Linux), which java.net.http cannot bind: a second client as far as the server can tell.
 */
final class RawHttp {

    enum Framing { CONTENT_LENGTH, CHUNKED, DECLARED_LENGTH }

    record Response(int status, Map<String, String> headers, String body, String writeError) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private RawHttp() {
    }

    /**
     * @param headers       name, value pairs (Host, Connection and the framing header are added here)
     * @param body          opens the body bytes; null for none
     * @param length        the body's length (for CONTENT_LENGTH) or the length to declare (DECLARED_LENGTH)
     */
    static Response send(int port, String method, String target, List<String> headers, Supplier<InputStream> body,
                         long length, Framing framing, Duration timeout) throws IOException {
        return send(new Socket("localhost", port), port, method, target, headers, body, length, framing, timeout);
    }

    /** A request with a UTF-8 text body (or none, when null) to 127.0.0.1 from the local address {@code from}. */
    static Response sendFrom(InetAddress from, int port, String method, String target, List<String> headers, String body)
            throws IOException {
        byte[] bytes = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
        return send(new Socket(InetAddress.getByName("127.0.0.1"), port, from, 0), port, method, target, headers,
                bytes == null ? null : () -> new ByteArrayInputStream(bytes), bytes == null ? 0 : bytes.length,
                Framing.CONTENT_LENGTH, Duration.ofSeconds(30));
    }

    private static Response send(Socket connected, int port, String method, String target, List<String> headers,
                                 Supplier<InputStream> body, long length, Framing framing, Duration timeout) throws IOException {
        try (Socket socket = connected) {
            socket.setSoTimeout((int) timeout.toMillis());
            StringBuilder head = new StringBuilder();
            head.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
            head.append("Host: localhost:").append(port).append("\r\n");
            for (int i = 0; i + 1 < headers.size(); i += 2) {
                head.append(headers.get(i)).append(": ").append(headers.get(i + 1)).append("\r\n");
            }
            head.append("Connection: close\r\n");
            if (body != null || framing == Framing.DECLARED_LENGTH) {
                if (framing == Framing.CHUNKED) head.append("Transfer-Encoding: chunked\r\n");
                else head.append("Content-Length: ").append(length).append("\r\n");
            }
            head.append("\r\n");
            byte[] headBytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);

            AtomicReference<String> writeError = new AtomicReference<>();
            OutputStream out = socket.getOutputStream();
            Thread writer = new Thread(() -> {
                try {
                    out.write(headBytes);
                    if (body != null) {
                        try (InputStream in = body.get()) {
                            byte[] buffer = new byte[64 * 1024];
                            for (int n; (n = in.read(buffer)) > 0; ) {
                                if (framing == Framing.CHUNKED) {
                                    out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                                    out.write(buffer, 0, n);
                                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                                } else {
                                    out.write(buffer, 0, n);
                                }
                            }
                        }
                        if (framing == Framing.CHUNKED) out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                    out.flush();
                } catch (IOException e) {
                    // the server stopped reading (it may well have answered already): that is its right
                    writeError.set(e.toString());
                }
            }, "raw-http-writer");
            writer.setDaemon(true);
            writer.start();
            try {
                Response response = read(new BufferedInputStream(socket.getInputStream()), writeError);
                return response;
            } catch (SocketTimeoutException e) {
                throw new IOException("no response within " + timeout.toSeconds() + " s (writer: "
                        + (writer.isAlive() ? "still sending" : "done, " + writeError.get()) + ")", e);
            } finally {
                socket.close();
                writer.join(10_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static Response read(InputStream in, AtomicReference<String> writeError) throws IOException {
        String statusLine = line(in);
        if (statusLine == null) throw new IOException("the server closed the connection without a response");
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) throw new IOException("not an HTTP response: " + statusLine);
        int status = Integer.parseInt(parts[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String h; (h = line(in)) != null && !h.isEmpty(); ) {
            int colon = h.indexOf(':');
            if (colon > 0) headers.merge(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim(), (a, b) -> a + ", " + b);
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if ("chunked".equalsIgnoreCase(headers.getOrDefault("transfer-encoding", ""))) {
            for (String size; (size = line(in)) != null; ) {
                int n = Integer.parseInt(size.split(";", 2)[0].trim(), 16);
                if (n == 0) break;
                body.write(in.readNBytes(n));
                line(in);
            }
        } else if (headers.containsKey("content-length")) {
            body.write(in.readNBytes(Integer.parseInt(headers.get("content-length"))));
        } else {
            try {
                in.transferTo(body);
            } catch (IOException e) {
                // connection reset after the response: keep what arrived
            }
        }
        return new Response(status, headers, body.toString(StandardCharsets.UTF_8), writeError.get());
    }

    /** One CRLF- (or LF-) terminated line, without the terminator; null at end of stream. */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1 && c != '\n') line.write(c);
        if (c == -1 && line.size() == 0) return null;
        String s = line.toString(StandardCharsets.ISO_8859_1);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }
}
