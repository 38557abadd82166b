package airzone.store;

import airzone.geo.GeoJson;
import airzone.layer.Bbox;
import airzone.layer.EditRefused;
import airzone.layer.Feature;
import airzone.layer.FeaturePage;
import airzone.layer.FeatureStore;
import airzone.layer.JobRecords;
import airzone.layer.Revision;
import airzone.layer.StoreException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What every store must do; runs once per store (H2GIS, PostGIS) through a subclass. */
abstract class FeatureStoreContract {

    private FeatureStore store;

    /** A store on a fresh, empty database. */
    protected abstract FeatureStore openFreshStore();

    /** Releases what {@link #openFreshStore()} created (after the store is closed). */
    protected abstract void dropFreshStore() throws Exception;

    @BeforeEach
    void open() {
        store = openFreshStore();
    }

    @AfterEach
    void close() throws Exception {
        store.close();
        dropFreshStore();
    }

    @Test
    void workUnderOneTaskRunsOneAtATimeAndUnderAnotherAlongside() throws Exception {
        assertThat(ranWhileHeld(store, "derived layers", store, "derived layers", 300)).isFalse();
        assertThat(ranWhileHeld(store, "derived layers", store, "seeding", 10_000)).isTrue();
    }

    // batch jobs (JobRecords): what any instance sharing the database reads of a job another one runs

    @Test
    void aJobIsHeardOfEndsOnceAndThenNeverChanges() {
        JobRecords jobs = ((JdbcFeatureStore) store).jobs();
        jobs.add("job-1", "10.0.0.7", 300, "{\"k\":\"详情\"}");
        JobRecords.JobRecord added = jobs.find("job-1").orElseThrow();
        assertThat(added).extracting(JobRecords.JobRecord::status, JobRecords.JobRecord::total, JobRecords.JobRecord::processed,
                JobRecords.JobRecord::detail).containsExactly("running", 300, 0, "{\"k\":\"详情\"}");
        assertThat(added.secondsSinceHeard()).isBetween(0L, 5L);
        assertThat(jobs.heard("job-1", 120)).contains("running");
        assertThat(jobs.find("job-1").orElseThrow().processed()).isEqualTo(120);
        assertThat(jobs.running("10.0.0.7", 15)).isEqualTo(1);
        assertThat(jobs.running("10.0.0.8", 15)).isZero();

        assertThat(jobs.end("job-1", "cancelled", null)).isTrue();
        assertThat(jobs.end("job-1", "failed", "too late")).as("an ended job stays ended").isFalse();
        assertThat(jobs.heard("job-1", 200)).as("the running instance hears of the cancel").contains("cancelled");
        assertThat(jobs.find("job-1").orElseThrow().processed()).isEqualTo(120);
        assertThat(jobs.finish("job-1", 300, Map.of())).as("no result for a cancelled job").isFalse();
        assertThat(jobs.running("10.0.0.7", 15)).isZero();
        assertThat(jobs.find("no-such-job")).isEmpty();
        assertThat(jobs.heard("no-such-job", 1)).isEmpty();
    }

    @Test
    void aJobNotHeardOfForAWhileIsFailedByWhoeverAsks() throws Exception {
        JobRecords jobs = ((JdbcFeatureStore) store).jobs();
        jobs.add("job-2", "10.0.0.7", 10, "{}");
        assertThat(jobs.failUnheard("job-2", 2, "its instance stopped")).as("heard of just now").isFalse();
        Thread.sleep(2_100);
        assertThat(jobs.find("job-2").orElseThrow().secondsSinceHeard()).isGreaterThanOrEqualTo(2);
        assertThat(jobs.running("10.0.0.7", 2)).as("an unheard job no longer holds its owner's place").isZero();
        assertThat(jobs.failUnheard("job-2", 2, "its instance stopped")).isTrue();
        assertThat(jobs.find("job-2").orElseThrow()).extracting(JobRecords.JobRecord::status, JobRecords.JobRecord::error)
                .containsExactly("failed", "its instance stopped");
    }

    @Test
    void aFinishedJobsResultComesBackByteForByteAcrossParts() throws Exception {
        JobRecords jobs = ((JdbcFeatureStore) store).jobs();
        byte[] large = new byte[JdbcJobs.PART_BYTES * 2 + 17];
        new java.util.Random(7).nextBytes(large);
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("job-results");
        java.nio.file.Path big = java.nio.file.Files.write(dir.resolve("big"), large);
        java.nio.file.Path empty = java.nio.file.Files.write(dir.resolve("empty"), new byte[0]);
        jobs.add("job-3", "10.0.0.7", 3, "{}");
        assertThat(jobs.result("job-3", "CSV")).as("nothing before it is done").isEmpty();
        assertThat(jobs.finish("job-3", 3, Map.of("CSV", big, "XLSX", empty))).isTrue();
        try (var in = jobs.result("job-3", "CSV").orElseThrow()) {
            assertThat(in.readAllBytes()).isEqualTo(large);
        }
        assertThat(jobs.result("job-3", "GEOJSON")).isEmpty();
        assertThat(jobs.find("job-3").orElseThrow()).extracting(JobRecords.JobRecord::status, JobRecords.JobRecord::processed)
                .containsExactly("done", 3);
        for (int i = 0; i < 4; i++) {
            jobs.add("later-" + i, "10.0.0.7", 1, "{}");
            if (i > 0) jobs.end("later-" + i, "failed", null);
            Thread.sleep(5); // created_at orders them
        }
        jobs.forgetEndedBeyond(2);
        assertThat(jobs.find("job-3")).as("an old ended job goes, with its result").isEmpty();
        assertThat(jobs.find("later-0")).as("a running one stays").isPresent();
        assertThat(jobs.find("later-1")).isEmpty();
        assertThat(jobs.find("later-2")).isPresent();
        assertThat(jobs.find("later-3")).isPresent();
    }

    /**
     * Whether {@code second}'s work under {@code secondTask}, asked for while {@code first}'s under
     * {@code firstTask} runs, ran before that ended. The first holds on for {@code holdMillis} at most, and
     * lets go as soon as the second's work has run.
     */
    static boolean ranWhileHeld(FeatureStore first, String firstTask, FeatureStore second, String secondTask, long holdMillis) throws Exception {
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch secondRan = new CountDownLatch(1);
        AtomicBoolean firstHolds = new AtomicBoolean();
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            Future<?> held = thread.submit(() -> first.exclusively(firstTask, () -> {
                firstHolds.set(true);
                holding.countDown();
                try {
                    secondRan.await(holdMillis, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                firstHolds.set(false);
                return null;
            }));
            holding.await();
            boolean whileHeld = second.exclusively(secondTask, () -> {
                secondRan.countDown();
                return firstHolds.get();
            });
            held.get();
            return whileHeld;
        } finally {
            thread.shutdown();
        }
    }

    @Test
    void aFreshStoreIsEmptyAndAlive() {
        assertThat(store.isEmpty()).isTrue();
        assertThat(store.ping()).isTrue();
        assertThat(store.count("districts")).isZero();
        assertThat(store.extent("districts")).isEmpty();
        assertThat(store.items("districts", null, 10, 0).features()).isEmpty();
    }

    @Test
    void insertedFeaturesComeBackWithGeometryPropertiesAndVersion() {
        store.insert("districts", List.of(square("b", 119, 39, "北戴河区"), square("a", 118, 40, "海港区")), "test");

        assertThat(store.isEmpty()).isFalse();
        assertThat(store.count("districts")).isEqualTo(2);
        assertThat(store.count("provinces")).isZero();
        Feature a = store.item("districts", "a").orElseThrow();
        assertThat(a.properties().get("name").asText()).isEqualTo("海港区");
        assertThat(a.properties().get("nested").get("n").asInt()).isEqualTo(7);
        assertThat(a.geometry().equalsExact(wkt("POLYGON ((118 40, 119 40, 119 41, 118 41, 118 40))"))).isTrue();
        assertThat(a.geometry().getSRID()).isIn(0, 4326);
        assertThat(a.version()).isPositive().isNotEqualTo(store.item("districts", "b").orElseThrow().version());
        assertThat(store.item("districts", "missing")).isEmpty();
        assertThat(store.item("provinces", "a")).isEmpty();
    }

    @Test
    void pagesAreOrderedByIdAndCountEverythingMatched() {
        store.insert("districts", List.of(square("c", 0, 0, "c"), square("a", 2, 0, "a"), square("b", 4, 0, "b")), "test");

        FeaturePage first = store.items("districts", null, 2, 0);
        FeaturePage second = store.items("districts", null, 2, 2);

        assertThat(first.numberMatched()).isEqualTo(3);
        assertThat(first.features()).extracting(Feature::id).containsExactly("a", "b");
        assertThat(second.features()).extracting(Feature::id).containsExactly("c");
        assertThat(store.items("districts", null, 2, 10).features()).isEmpty();
    }

    @Test
    void bboxSelectsWhatIntersectsIt() {
        store.insert("districts", List.of(square("west", 100, 30, "w"), square("east", 120, 30, "e")), "test");

        FeaturePage page = store.items("districts", new Bbox(100.5, 30.5, 110, 35), 10, 0);

        assertThat(page.features()).extracting(Feature::id).containsExactly("west");
        assertThat(page.numberMatched()).isEqualTo(1);
        assertThat(store.items("districts", new Bbox(0, 0, 1, 1), 10, 0).numberMatched()).isZero();
        assertThat(store.extent("districts").orElseThrow()).isEqualTo(new Bbox(100, 30, 121, 31));
    }

    @Test
    void aFailedInsertLeavesNothingBehind() {
        store.insert("districts", List.of(square("a", 0, 0, "a")), "test");

        assertThatThrownBy(() -> store.insert("districts", List.of(square("new", 5, 5, "n"), square("a", 1, 1, "dup")), "test"))
                .isInstanceOf(EditRefused.class);

        assertThat(store.count("districts")).isEqualTo(1);
        assertThat(store.item("districts", "new")).isEmpty();
        assertThat(store.item("districts", "a").orElseThrow().properties().get("name").asText()).isEqualTo("a");
    }

    @Test
    void sameIdInTwoCollectionsIsTwoFeatures() {
        store.insert("districts", List.of(square("x", 0, 0, "district")), "test");
        store.insert("provinces", List.of(square("x", 0, 0, "province")), "test");

        assertThat(store.item("provinces", "x").orElseThrow().properties().get("name").asText()).isEqualTo("province");
    }

    @Test
    void replacingDerivedFeaturesKeepsDrawnOnesAndNeverReusesVersions() {
        store.insert("ban-zones", List.of(square("drawn", 0, 0, "drawn")), "test");
        store.replaceDerived(Map.of("ban-zones", List.of(square("derived-1", 1, 1, "first")),
                "heating-radii", List.of(square("r1", 2, 2, "r1"), square("r2", 3, 3, "r2"))));
        long firstVersion = store.item("ban-zones", "derived-1").orElseThrow().version();

        store.replaceDerived(Map.of("ban-zones", List.of(square("derived-1", 1, 1, "second")),
                "heating-radii", List.of(square("r1", 2, 2, "r1"))));

        assertThat(store.items("ban-zones", null, 10, 0).features()).extracting(Feature::id)
                .containsExactly("derived-1", "drawn");
        Feature derived = store.item("ban-zones", "derived-1").orElseThrow();
        assertThat(derived.properties().get("name").asText()).isEqualTo("second");
        assertThat(derived.version()).isGreaterThan(firstVersion);
        assertThat(store.count("heating-radii")).isEqualTo(1);
    }

    @Test
    void aFailedReplaceKeepsTheOldDerivedFeatures() {
        store.replaceDerived(Map.of("heating-radii", List.of(square("r1", 2, 2, "r1"))));

        assertThatThrownBy(() -> store.replaceDerived(Map.of("heating-radii",
                List.of(square("r2", 2, 2, "r2"), square("r2", 3, 3, "duplicate")))))
                .isInstanceOf(StoreException.class);

        assertThat(store.items("heating-radii", null, 10, 0).features()).extracting(Feature::id).containsExactly("r1");
    }

    @Test
    void theRevisionChangesWithEveryWriteToItsCollectionOnly() {
        Revision empty = store.revision("ban-zones");
        store.insert("ban-zones", List.of(square("a", 0, 0, "a"), square("b", 2, 0, "b")), "test");
        Revision seeded = store.revision("ban-zones");
        assertThat(seeded).isNotEqualTo(empty);
        store.items("ban-zones", null, 10, 0);
        store.insert("districts", List.of(square("d", 0, 0, "d")), "test");
        assertThat(store.revision("ban-zones")).as("after a read and a write elsewhere").isEqualTo(seeded);

        List<Revision> seen = new ArrayList<>(List.of(empty, seeded));
        Feature a = store.item("ban-zones", "a").orElseThrow();
        store.update("ban-zones", "a", a.version(), square("a", 0, 1, "moved"), "test");
        seen.add(store.revision("ban-zones"));
        store.replaceDerived(Map.of("ban-zones", List.of(square("derived", 5, 5, "derived"))));
        seen.add(store.revision("ban-zones"));
        Feature b = store.item("ban-zones", "b").orElseThrow();
        store.delete("ban-zones", "b", b.version(), "test");
        seen.add(store.revision("ban-zones"));
        // the derived feature removed while a drawn one holds the highest version: only the row count tells
        store.replaceDerived(Map.of("ban-zones", List.of()));
        seen.add(store.revision("ban-zones"));
        assertThat(seen).as("seed, update, derived added, delete, derived removed").doesNotHaveDuplicates();
    }

    @Test
    void settingsAreJsonDocumentsByName() {
        assertThat(store.setting("rule-parameters")).isEmpty();
        store.putSetting("rule-parameters", "{\"a\": 1}");
        store.putSetting("rule-parameters", "{\"a\": 2}");
        assertThat(GeoJson.parseObject(store.setting("rule-parameters").orElseThrow()).get("a").asInt()).isEqualTo(2);
    }

    private static Feature square(String id, double lon, double lat, String name) {
        ObjectNode p = GeoJson.MAPPER.createObjectNode();
        p.put("name", name);
        p.putObject("nested").put("n", 7);
        Geometry g = wkt(String.format("POLYGON ((%s %s, %s %s, %s %s, %s %s, %s %s))",
                lon, lat, lon + 1, lat, lon + 1, lat + 1, lon, lat + 1, lon, lat));
        return new Feature(id, p, g, 0);
    }

    private static Geometry wkt(String text) {
        try {
            return new WKTReader().read(text);
        } catch (ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
