package airzone.io.imports;

import airzone.auth.Role;
import airzone.auth.User;
import airzone.disk.DiskSpace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An upload without a Content-Length (chunked) that grows past the limit is cut off while it
 * streams in, as a 413, and its working directory goes with it. Nothing reaches the store, so the
 * importer runs here without one.
 */
class ImporterLimitsTest {

    @TempDir
    Path work;

    @Test
    void anUploadLargerThanTheLimitIsStoppedWhileReading() throws IOException {
        ImportLimits small = new ImportLimits(10_000, 100_000, 10, 100, 1_000_000);
        Importer importer = new Importer(null, null, new DiskSpace(work, 0), small);
        InputStream endless = new InputStream() {
            long served;

            @Override
            public int read() {
                return served++ < 1_000_000_000L ? '{' : -1;
            }
        };
        assertThatThrownBy(() -> importer.run("ban-zones", new ImportOptions(null, null, null, null, true), "application/geo+json",
                endless, new User("p", Role.PLANNER))).isInstanceOf(ImportRefused.class)
                .satisfies(e -> assertThat(((ImportRefused) e).tooLarge()).isTrue())
                .hasMessageContaining("10000 bytes");
        assertThat(leftovers()).isEmpty();

        assertThatThrownBy(() -> importer.run("ban-zones", new ImportOptions(null, null, null, null, true), null,
                new ByteArrayInputStream("neither zip nor JSON".getBytes()), new User("p", Role.PLANNER)))
                .isInstanceOf(ImportRefused.class).hasMessageContaining("cannot tell");
        assertThat(leftovers()).isEmpty();
    }

    private java.util.List<Path> leftovers() throws IOException {
        try (Stream<Path> s = Files.list(work)) {
            return s.toList();
        }
    }
}
