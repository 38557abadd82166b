package airzone.store;

import java.nio.file.Path;
import java.util.Map;

/** The embedded default: the H2 file in the data directory survives kill -9 with every acknowledged write. */
class CrashDurabilityH2gisTest extends CrashDurabilityContract {

    @Override
    Map<String, String> settings(Path dataDir) {
        return Map.of();
    }
}
