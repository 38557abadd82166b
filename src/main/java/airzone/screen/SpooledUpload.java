package airzone.screen;

import airzone.disk.DiskFull;
import airzone.disk.WorkDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A batch's upload copied to a file of its own under the data directory's tmp, so that it can be
 * checked whole and then read row by row, as often as needed, in constant memory. Closing it deletes
 * the file.
 */
final class SpooledUpload implements AutoCloseable {

    /** What {@link FileKind} and the JSON-or-CSV guess look at. */
    private static final int HEAD = 4096;

    final Path file;
    /** The first bytes of the file (fewer when it is shorter). */
    final byte[] head;
    private final WorkDir dir;

    private SpooledUpload(WorkDir dir, Path file, byte[] head) {
        this.dir = dir;
        this.file = file;
        this.head = head;
    }

    /** @throws BatchInput.Refused (too large) when {@code in} holds more than {@code maxBytes} */
    static SpooledUpload of(InputStream in, long maxBytes, Path workRoot) {
        WorkDir dir = WorkDir.create(workRoot, "batch-");
        Path file = dir.path().resolve("upload");
        byte[] head = new byte[HEAD];
        int headLength = 0;
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            long total = 0;
            for (int n; (n = in.read(buffer)) >= 0; ) {
                if (headLength < HEAD) {
                    int taken = Math.min(n, HEAD - headLength);
                    System.arraycopy(buffer, 0, head, headLength, taken);
                    headLength += taken;
                }
                total += n;
                if (total > maxBytes) throw BatchInput.tooLarge(maxBytes);
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            dir.close();
            if (DiskFull.causedBy(e)) {
                throw new DiskFull("the disk holding the data directory's tmp (" + workRoot.toAbsolutePath() + ") ran out of space while "
                        + "an uploaded batch was written to it; nothing of it was kept. Free space there and send the batch again.", e);
            }
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            dir.close();
            throw e;
        }
        return new SpooledUpload(dir, file, Arrays.copyOf(head, headLength));
    }

    @Override
    public void close() {
        dir.close();
    }
}
