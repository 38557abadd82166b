package airzone.config;

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
            "AIRZONE_TILE_URL|ftp://tiles|AIRZONE_TILE_URL",
            "AIRZONE_TILE_URL|https://tiles{z}.example.org/{x}/{y}.png|AIRZONE_TILE_URL",
            "AIRZONE_TILE_URL|https://user@tiles.example.org/{z}/{x}/{y}.png|AIRZONE_TILE_URL",
            "AIRZONE_CHANGES_POLL_MS|0|AIRZONE_CHANGES_POLL_MS",
            "AIRZONE_TRUSTED_PROXIES|proxy.example.org|AIRZONE_TRUSTED_PROXIES",
            "AIRZONE_TRUSTED_PROXIES|999.1.1.1|AIRZONE_TRUSTED_PROXIES",
            "AIRZONE_TRUSTED_PROXIES|10.0.0.0/33|AIRZONE_TRUSTED_PROXIES",
            "AIRZONE_TRUSTED_PROXIES|10.0.0.1/|AIRZONE_TRUSTED_PROXIES",
            "AIRZONE_TRUSTED_PROXIES|fd00::/129|AIRZONE_TRUSTED_PROXIES",
            "AIRZONE_TRUSTED_PROXIES|1.2.3|AIRZONE_TRUSTED_PROXIES"})
    void badValuesAreNamed(String variable, String value, String named) {
        assertThatThrownBy(() -> Config.from(Map.of(variable, value), new String[0]))
                .isInstanceOf(Config.Invalid.class).hasMessageContaining(named).hasMessageContaining(value);
    }

    @Test
    void trustedProxiesAreAddressesAndBlocksWrittenOut() {
        assertThat(Config.from(Map.of(), new String[0]).trustedProxies()).isEmpty();
        assertThat(Config.from(Map.of("AIRZONE_TRUSTED_PROXIES", " 10.0.0.5, 172.30.0.0/24,fd00::/8 ,"), new String[0]).trustedProxies())
                .containsExactly("10.0.0.5", "172.30.0.0/24", "fd00::/8");
    }

    @Test
    void tileOriginsAreTheHostsTheBaseMapLoadsFrom() {
        assertThat(Config.from(Map.of(), new String[0]).tileOrigins()).isEmpty();
        assertThat(Config.from(Map.of("AIRZONE_TILE_URL", "http://tiles.local:8080/{z}/{x}/{y}.png?key=k"), new String[0]).tileOrigins())
                .containsExactly("http://tiles.local:8080");
        // Leaflet fills {s} with a, b or c
        assertThat(Config.from(Map.of("AIRZONE_TILE_URL", "https://{s}.tile.example.org/{z}/{x}/{y}.png"), new String[0]).tileOrigins())
                .containsExactly("https://a.tile.example.org", "https://b.tile.example.org", "https://c.tile.example.org");
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
