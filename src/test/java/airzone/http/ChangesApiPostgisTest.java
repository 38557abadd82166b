package airzone.http;

import airzone.RunningService;
import airzone.TestDatabases;
import airzone.ZoneEdits;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract on PostGIS, and what only a shared database shows: a second instance sees the first one's
 * changes, and a transaction that commits after a later one (a long import elsewhere) still arrives.
 */
class ChangesApiPostgisTest extends ChangesApiContract {

    @Override
    protected RunningService.Store store() {
        return RunningService.Store.POSTGIS;
    }

    @Test
    void aSecondInstanceOnTheSameDatabaseStreamsTheFirstOnesChangesAndEndsItsStreamsWhenItStops() throws Exception {
        TestDatabases.Postgis database = service.postgis();
        try (RunningService other = RunningService.startOn(database.url(), database.user(), database.password(), settings());
             EventStream stream = EventStream.open(other.baseUrl() + "/api/changes")) {
            assertThat(stream.expect(ARRIVAL).name()).isEqualTo("ready");
            ZoneEdits.Zone zone = edits.create(planner, "另一实例所写", "I");
            assertChange(stream.expect(ARRIVAL), "create", zone);
            other.stop();
            assertThat(stream.endsCleanly(java.time.Duration.ofSeconds(3))).as("the stream ends with the response, not a cut connection").isTrue();
        }
    }

    @Test
    void aTransactionThatCommitsAfterALaterOneStillArrives() throws Exception {
        TestDatabases.Postgis database = service.postgis();
        try (EventStream stream = open();
             Connection db = DriverManager.getConnection(database.url(), database.user(), database.password())) {
            stream.expect(ARRIVAL);
            db.setAutoCommit(false);
            // as another instance's long import does: its audit line takes its seq now and commits later
            try (Statement s = db.createStatement()) {
                s.executeUpdate("INSERT INTO audit (at, username, action, collection, feature_id, version) "
                        + "VALUES (now(), 'elsewhere', 'import', 'ban-zones', 'slow-import', 1)");
            }
            ZoneEdits.Zone quick = edits.create(planner, "先提交", "II");
            EventStream.Event first = stream.expect(ARRIVAL);
            assertChange(first, "create", quick);
            db.commit();
            EventStream.Event late = stream.expect(ARRIVAL);
            assertThat(late.data().get("id").asText()).isEqualTo("slow-import");
            assertThat(Long.parseLong(late.id())).isLessThan(Long.parseLong(first.id()));
        }
    }
}
