package airzone.http;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.http.BadMessageException;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.HandlerWrapper;

import java.io.IOException;

/**
 * Cuts off a request body that arrives slower than {@code AIRZONE_MIN_UPLOAD_RATE} bytes per second
 * with 408: a trickle of a byte every few seconds never trips the idle timeout, yet holds a thread.
 * <p>
 * Written here because Jetty's own minimum request data rate measures from a body's first byte to
 * every read, so a small body that arrived whole but was read a moment later (after the bcrypt check
 * of a login, say) failed it. This one counts only the time a read spends waiting for bytes, after a
 * grace period for a connection that starts slowly.
 */
final class MinimumUploadRate extends HandlerWrapper {

    private static final long GRACE_NANOS = 5_000_000_000L;

    private final long bytesPerSecond;

    MinimumUploadRate(long bytesPerSecond) {
        this.bytesPerSecond = bytesPerSecond;
    }

    @Override
    public void handle(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        super.handle(target, baseRequest, new HttpServletRequestWrapper(request) {
            private ServletInputStream guarded;

            @Override
            public ServletInputStream getInputStream() throws IOException {
                if (guarded == null) guarded = new Guarded(request.getInputStream());
                return guarded;
            }
        }, response);
    }

    private final class Guarded extends ServletInputStream {

        private final ServletInputStream in;
        private long waitedNanos;
        private long bytes;

        Guarded(ServletInputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            long started = System.nanoTime();
            int b = in.read();
            account(started, b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            long started = System.nanoTime();
            int n = in.read(buffer, offset, length);
            account(started, Math.max(n, 0));
            return n;
        }

        private void account(long started, int read) {
            waitedNanos += System.nanoTime() - started;
            bytes += read;
            long counted = waitedNanos - GRACE_NANOS;
            if (counted > 0 && bytes < bytesPerSecond * (counted / 1_000_000) / 1000) {
                throw new BadMessageException(408, "the request body arrived at " + bytes * 1_000_000_000L / waitedNanos
                        + " bytes per second, slower than AIRZONE_MIN_UPLOAD_RATE (" + bytesPerSecond + "); nothing was written");
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
