package airzone.store;

/**
 * The few SQL fragments where H2GIS and PostGIS differ.
 *
 * @param syncAfterCommit run after each write transaction commits and before the write is acknowledged,
 *                        or null where the commit itself is durable
 * @param tryLock         takes a lock every process on the database sees, by two int keys, answering true
 *                        when it got it; null where the database is embedded in one process
 * @param unlock          releases it
 * @param secondsSince    the whole seconds from a timestamp column ({@code %s}) to the database's now
 */
record Dialect(String jsonParameter, String nextVersion, String syncAfterCommit, String tryLock, String unlock, String secondsSince) {

    // H2's MVStore keeps a commit in memory and writes it with its background writer up to WRITE_DELAY
    // (500 ms) later, and never forces the file to the device on its own: a kill -9 in that window lost
    // acknowledged writes. CHECKPOINT SYNC stores the pending changes and calls FileChannel.force, so a
    // write that was answered survives a killed process and a power cut alike. WRITE_DELAY=0 would store at
    // every commit too, but it also stops the background writer that compacts the file, and still no fsync.
    static final Dialect H2GIS = new Dialect("?", "NEXT VALUE FOR feature_version", "CHECKPOINT SYNC", null, null,
            "DATEDIFF('SECOND', %s, CURRENT_TIMESTAMP)");
    // PostgreSQL's commit waits for its WAL flush while synchronous_commit is on; PostgisStore sets it on
    // for every connection whatever the server's default says.
    // A session-level advisory lock: the server releases it when the session ends, a killed process's too.
    static final Dialect POSTGIS = new Dialect("CAST(? AS jsonb)", "nextval('feature_version')", null,
            "SELECT pg_try_advisory_lock(?, ?)", "SELECT pg_advisory_unlock(?, ?)",
            "FLOOR(EXTRACT(EPOCH FROM CURRENT_TIMESTAMP - %s))");
}
