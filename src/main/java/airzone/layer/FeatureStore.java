package airzone.layer;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The seam between the HTTP side and a spatial database. Two implementations (embedded H2GIS and
 * PostGIS) pass the same contract test; nothing above this interface knows which one runs.
 */
public interface FeatureStore extends AutoCloseable {

    /** "h2gis" or "postgis", as reported by /health. */
    String kind();

    /** Features of a collection intersecting {@code bbox} (all when null), ordered by id. */
    FeaturePage items(String collection, Bbox bbox, int limit, int offset);

    /** Every feature of a collection, ordered by id. */
    default List<Feature> all(String collection) {
        return items(collection, null, Integer.MAX_VALUE, 0).features();
    }

    Optional<Feature> item(String collection, String id);

    long count(String collection);

    /** Changes whenever anything in the collection is written or removed (see {@link Revision}). */
    Revision revision(String collection);

    /** The bounding box of a collection's features; empty when it has none. */
    Optional<Bbox> extent(String collection);

    /** True when no feature of any collection is stored yet, i.e. the store wants its seed. */
    boolean isEmpty();

    /**
     * The seed: adds new features in one transaction, each with a fresh version and a history entry
     * (action "seed" by {@code user}); fails whole if any id exists.
     */
    void insert(String collection, List<Feature> features, String user);

    // Edits by people. Each is one transaction that also writes the feature's history and the audit
    // trail; refusals because of the stored state come as EditRefused (not found, stale, taken, derived).

    /** Stores a new feature under its id; the returned one carries the assigned version. */
    Feature create(String collection, Feature feature, String user);

    /** Replaces the feature if it is still at {@code expectedVersion}. */
    Feature update(String collection, String id, long expectedVersion, Feature next, String user);

    /** Soft delete if still at {@code expectedVersion}: reads stop showing it, history keeps every version. */
    Feature delete(String collection, String id, long expectedVersion, String user);

    /** Makes a version from the history current again (live or deleted feature), as a new version. */
    Feature restore(String collection, String id, long fromVersion, String user);

    /** Creates or replaces each feature by id, all in one transaction, recorded under {@code action}. */
    Upserted upsert(String collection, List<Feature> features, String user, String action);

    /** Every version of a feature, newest first; empty when it never existed. */
    List<HistoryEntry> history(String collection, String id);

    /** The audit trail from {@code since} on, oldest first. */
    List<AuditEntry> audit(Instant since, int limit);

    /**
     * Audit lines with a seq greater than {@code seq}, in seq order, at most {@code limit}: how the live
     * changes follow the trail. Seqs are handed out as lines are written, so a transaction still open
     * can commit a smaller one later.
     */
    List<AuditEntry> auditAfter(long seq, int limit);

    /** The seq of the newest audit line; 0 when there is none. */
    long newestAuditSeq();

    /**
     * {@code listener} runs after each transaction this instance commits, and — in a store that other
     * instances share, which announces their commits (PostGIS) — after each of theirs it hears of and after
     * each time it may have missed some, so that a reader of {@link #auditAfter} need not wait for its next
     * poll; it must return at once. One listener; a second replaces the first.
     */
    void onCommit(Runnable listener);

    /**
     * In one transaction, removes every derived feature of the named collections and stores the
     * given ones as derived in their place; drawn features of the same collections stay.
     */
    void replaceDerived(Map<String, List<Feature>> byCollection);

    /** A named JSON document of service state (rule parameters and the like). */
    Optional<String> setting(String name);

    /** Service state no person changed (fingerprints of the derived layers). */
    void putSetting(String name, String json);

    /** A setting a person changed, with its audit line, in one transaction. */
    void putSetting(String name, String json, AuditLine audit);

    /**
     * Writes a consistent copy of the whole database (features, history, audit, users, settings) to
     * {@code zip} while the service goes on serving, and returns true; false, writing nothing, for a
     * store that is backed up with its own tools (PostGIS: pg_dump).
     */
    boolean backupTo(Path zip);

    /**
     * Runs {@code work} while no other instance sharing this store runs work under the same {@code task}
     * (computing the derived layers, seeding an empty store), so that it happens once and whole. Not
     * re-entrant: {@code work} must not ask for the same task again.
     */
    <T> T exclusively(String task, Supplier<T> work);

    /** Cheap round trip to the database, for /health. */
    boolean ping();

    @Override
    void close();
}
