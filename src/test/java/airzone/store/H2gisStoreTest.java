package airzone.store;

import airzone.layer.FeatureStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

class H2gisStoreTest extends FeatureStoreContract {

    private Path dir;

    @Override
    protected FeatureStore openFreshStore() {
        try {
            dir = Files.createTempDirectory("h2gis-contract");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return H2gisStore.open(dir, 0);
    }

    @Override
    protected void dropFreshStore() throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
