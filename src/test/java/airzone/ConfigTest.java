package airzone;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigTest {

    @Test
    void defaultsStartTheEmbeddedStoreOnPort7070() {
        Config config = Config.from(Map.of(), new String[0]);
        assertThat(config.port()).isEqualTo(7070);
        assertThat(config.dataDir()).isEqualTo(Path.of("./data"));
        assertThat(config.usesPostgis()).isFalse();
        assertThat(config.publicRead()).isTrue();
    }

    @Test
    void flagsOverrideTheEnvironment() {
        Config config = Config.from(
                Map.of("AIRZONE_PORT", "8000", "AIRZONE_DB_URL", "jdbc:postgresql://db/airzone", "AIRZONE_PUBLIC_READ", "false"),
                new String[]{"--port=9000", "--data-dir", "/tmp/x"});
        assertThat(config.port()).isEqualTo(9000);
        assertThat(config.dataDir()).isEqualTo(Path.of("/tmp/x"));
        assertThat(config.dbUrl()).isEqualTo("jdbc:postgresql://db/airzone");
        assertThat(config.publicRead()).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "AIRZONE_PORT|abc|AIRZONE_PORT",
            "AIRZONE_PORT|70000|AIRZONE_PORT",
            "AIRZONE_DB_URL|mysql://x|AIRZONE_DB_URL",
            "AIRZONE_PUBLIC_READ|maybe|AIRZONE_PUBLIC_READ",
            "AIRZONE_TILE_URL|ftp://tiles|AIRZONE_TILE_URL"})
    void badValuesAreNamed(String variable, String value, String named) {
        assertThatThrownBy(() -> Config.from(Map.of(variable, value), new String[0]))
                .isInstanceOf(Config.Invalid.class).hasMessageContaining(named).hasMessageContaining(value);
    }

    @Test
    void aBadBootstrapAdminIsNamedWithoutEchoingTheSecret() {
        assertThatThrownBy(() -> Config.from(Map.of("AIRZONE_BOOTSTRAP_ADMIN", "s3cret"), new String[0]))
                .isInstanceOf(Config.Invalid.class).hasMessageContaining("AIRZONE_BOOTSTRAP_ADMIN")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void unknownFlagsAndMissingValuesAreRefused() {
        assertThatThrownBy(() -> Config.from(Map.of(), new String[]{"--colour=red"}))
                .isInstanceOf(Config.Invalid.class).hasMessageContaining("--colour");
        assertThatThrownBy(() -> Config.from(Map.of(), new String[]{"--port"}))
                .isInstanceOf(Config.Invalid.class).hasMessageContaining("--port needs a value");
    }
}
