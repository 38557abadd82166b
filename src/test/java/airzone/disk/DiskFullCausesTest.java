package airzone.disk;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What counts as a full disk, as the failures come from the JDK, the drivers and SQLite; the full
 * filesystem itself is DiskFullTest's.
 */
class DiskFullCausesTest {

    @Test
    void enospcSqliteFullAndPostgresDiskFullAreRecognisedAnywhereInTheChain() {
        assertThat(DiskFull.causedBy(new UncheckedIOException(new IOException("No space left on device")))).isTrue();
        assertThat(DiskFull.causedBy(new RuntimeException(new SQLException("[SQLITE_FULL] Insertion failed because database is full")))).isTrue();
        // what PgJDBC throws for "could not extend file …: No space left on device" is a PSQLException with SQLState 53100
        assertThat(DiskFull.causedBy(new SQLException("ERROR: could not extend file", "53100"))).isTrue();
    }

    @Test
    void otherFailuresAreNot() {
        assertThat(DiskFull.causedBy(new IOException("Connection reset by peer"))).isFalse();
        assertThat(DiskFull.causedBy(new SQLException("deadlock detected", "40P01"))).isFalse();
        assertThat(DiskFull.causedBy(new IllegalStateException())).isFalse();
    }

    @Test
    void aReserveLargerThanAnyDiskRefusesWithTheSettingAndWhatToDo() {
        DiskSpace everything = new DiskSpace(Path.of("target", "not-made-yet", "tmp"), Long.MAX_VALUE);
        assertThatThrownBy(() -> everything.require("exporting districts"))
                .isInstanceOf(DiskFull.class)
                .hasMessageContaining("exporting districts was refused")
                .hasMessageContaining("AIRZONE_MIN_FREE_DISK_MB")
                .hasMessageContaining("Free space on that filesystem");
        new DiskSpace(Path.of("target"), 0).require("anything");
    }
}
