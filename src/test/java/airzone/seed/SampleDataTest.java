package airzone.seed;

import airzone.App;
import airzone.TestDatabases;
import airzone.config.Config;
import airzone.layer.Catalog;
import airzone.layer.CollectionInfo;
import airzone.layer.Feature;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The sample data lands once: a second start on the same store changes nothing. */
class SampleDataTest {

    @Test
    void secondStartOnH2gisChangesNothing() throws Exception {
        Path dir = Files.createTempDirectory("airzone-seed");
        assertSecondStartChangesNothing(Map.of("AIRZONE_DATA_DIR", dir.toString()));
    }

    @Test
    void secondStartOnPostgisChangesNothing() throws Exception {
        try (TestDatabases.Postgis pg = TestDatabases.freshPostgis()) {
            assertSecondStartChangesNothing(Map.of("AIRZONE_DB_URL", pg.url(), "AIRZONE_DB_USER", pg.user(),
                    "AIRZONE_DB_PASSWORD", pg.password()));
        }
    }

    @Test
    void everyHeatSourceRowOfTheTableIsSeeded() {
        List<Feature> heatSources = SampleData.heatSources("gis-data/heat-sources.csv");
        assertThat(heatSources).hasSize(46);
        assertThat(heatSources).allSatisfy(f -> assertThat(f.properties().get("source").asText()).isNotBlank());
    }

    private static void assertSecondStartChangesNothing(Map<String, String> settings) {
        Map<String, String> env = new HashMap<>(settings);
        env.put("AIRZONE_PORT", "0");
        Config config = Config.from(env, new String[0]);
        Map<String, Object> first;
        try (App app = App.start(config)) {
            first = snapshot(app);
        }
        try (App app = App.start(config)) {
            assertThat(snapshot(app)).isEqualTo(first);
        }
        assertThat(first.get("districts")).asString().isNotEqualTo("[]");
    }

    /** Every feature's id and version, per collection: any change shows. */
    private static Map<String, Object> snapshot(App app) {
        Map<String, Object> state = new LinkedHashMap<>();
        for (CollectionInfo info : Catalog.all()) {
            state.put(info.id(), app.store().items(info.id(), null, 10_000, 0).features().stream()
                    .map(f -> f.id() + "@" + f.version()).toList().toString());
        }
        return state;
    }
}
