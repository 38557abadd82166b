package airzone.layer;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Background jobs kept in the database every instance shares, so that any of them answers for any job.
 * Times are the database's: instances' clocks need not agree. A job is {@code running} until it ends as
 * {@code done} (with its results), {@code failed} or {@code cancelled}; an ended job never changes again.
 */
public interface JobRecords {

    /** What is stored of a job; {@code detail} is JSON that only the job's owner package reads. */
    record JobRecord(String id, String owner, String status, int total, int processed, String error, String detail,
                     long secondsSinceHeard) {
        public boolean running() {
            return status.equals("running");
        }
    }

    /** Stores a new running job, heard of now. */
    void add(String id, String owner, int total, String detail);

    Optional<JobRecord> find(String id);

    /**
     * The running instance's heartbeat: how far the job has come, heard of now.
     * @return the job's stored status — {@code cancelled} when someone cancelled it through any instance
     */
    Optional<String> heard(String id, int processed);

    /** Ends a running job as {@code failed} or {@code cancelled}; false (nothing changed) when it had already ended. */
    boolean end(String id, String status, String error);

    /**
     * Ends a running job whose instance has not been heard of for {@code seconds} as failed with
     * {@code error}; false when it is heard of, ended, or unknown.
     */
    boolean failUnheard(String id, long seconds, String error);

    /**
     * Stores the results (each a gzip file, by format name) and ends the job as done, in one transaction;
     * false, storing nothing, when it had already ended (cancelled meanwhile).
     */
    boolean finish(String id, int processed, Map<String, Path> gzippedResults);

    /** The stored result of a done job in the format named, as written (gzip); empty when there is none. */
    Optional<InputStream> result(String id, String format);

    /** Running jobs of {@code owner} whose instance was heard of within {@code seconds}. */
    long running(String owner, long seconds);

    /** Removes all but the newest {@code kept} ended jobs, with their results. */
    void forgetEndedBeyond(int kept);
}
