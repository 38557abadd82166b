package airzone.disk;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A private working directory for one export or import under {@code <data dir>/tmp}, removed with
 * everything in it on close, whether the work succeeded or not.
 */
public final class WorkDir implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WorkDir.class);

    private final Path path;

    private WorkDir(Path path) {
        this.path = path;
    }

    /** A new directory {@code <root>/<prefix><random>}; the root is created when missing. */
    public static WorkDir create(Path root, String prefix) {
        try {
            Files.createDirectories(root);
            return new WorkDir(Files.createTempDirectory(root, prefix));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a working directory under " + root, e);
        }
    }

    /**
     * Deletes what a killed process left under {@code root}; called at start, before any export or
     * import runs, so nothing here is in use.
     * @return how many working directories were removed
     */
    public static int removeLeftovers(Path root) {
        if (!Files.isDirectory(root)) return 0;
        try (Stream<Path> left = Files.list(root)) {
            List<Path> dirs = left.toList();
            dirs.forEach(d -> new WorkDir(d).close());
            return dirs.size();
        } catch (IOException e) {
            LOG.warn("could not list {}: {}", root, e.getMessage());
            return 0;
        }
    }

    public Path path() {
        return path;
    }

    /** Deletes the tree; a failure is logged, never thrown, so it cannot hide the work's own outcome. */
    @Override
    public void close() {
        try (Stream<Path> paths = Files.walk(path)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            LOG.warn("could not delete the working directory {}: {}", path, e.getMessage());
        }
    }
}
