package airzone.screen;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Batches run in the background with progress the web page can poll. Results go to files under the
 * data directory; the newest {@value #KEPT} jobs are kept. Jobs live in this instance only: behind a
 * load balancer, poll the instance that took the job (or use the streaming endpoint).
 */
public final class BatchJobs implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BatchJobs.class);
    private static final int KEPT = 20;

    /** A job's state as the API reports it. */
    public static final class Job {
        public final String id;
        public final int total;
        public final BatchOutput.Format format;
        final Path result;
        final String owner;
        private final AtomicInteger processed = new AtomicInteger();
        private volatile String status = "running";
        private volatile String error;

        Job(String id, int total, BatchOutput.Format format, Path result, String owner) {
            this.id = id;
            this.total = total;
            this.format = format;
            this.result = result;
            this.owner = owner;
        }

        public int processed() {
            return processed.get();
        }

        public String status() {
            return status;
        }

        public String error() {
            return error;
        }

        public Optional<Path> result() {
            return status.equals("done") ? Optional.of(result) : Optional.empty();
        }
    }

    private final Screener screener;
    private final Path dir;
    private final ExecutorService workers = Executors.newSingleThreadExecutor(r -> new Thread(r, "batch-jobs"));
    private final Map<String, Job> jobs = new LinkedHashMap<>();

    public BatchJobs(Screener screener, Path dataDir) {
        this.screener = screener;
        this.dir = dataDir.resolve("jobs");
    }

    /** @param owner the client address that asked, for {@link #unfinished} */
    public synchronized Job submit(List<BatchRow> rows, BatchOutput.Format format, String owner) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String id = UUID.randomUUID().toString();
        Job job = new Job(id, rows.size(), format, dir.resolve(id + "." + format.extension), owner);
        jobs.put(id, job);
        forgetOldJobs();
        workers.submit(() -> run(job, rows));
        return job;
    }

    /** Jobs of this owner still queued or running. */
    public synchronized long unfinished(String owner) {
        return jobs.values().stream().filter(j -> j.owner.equals(owner) && j.status.equals("running")).count();
    }

    public synchronized Optional<Job> find(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    private void run(Job job, List<BatchRow> rows) {
        try (OutputStream out = Files.newOutputStream(job.result); BatchOutput output = BatchOutput.of(job.format, out)) {
            BatchScreening.run(screener, rows, output, job.processed::set);
            job.status = "done";
        } catch (IOException | RuntimeException e) {
            LOG.error("batch job {} failed", job.id, e);
            job.error = e.getMessage();
            job.status = "failed";
            // a result cut short (a full disk, say) is no result: nothing of it stays on disk
            try {
                Files.deleteIfExists(job.result);
            } catch (IOException gone) {
                LOG.warn("could not delete {}: {}", job.result, gone.getMessage());
            }
        }
    }

    private void forgetOldJobs() {
        var oldest = jobs.values().iterator();
        while (jobs.size() > KEPT) {
            Job old = oldest.next();
            if (old.status.equals("running")) break;
            oldest.remove();
            try {
                Files.deleteIfExists(old.result);
            } catch (IOException e) {
                LOG.warn("could not delete {}: {}", old.result, e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
