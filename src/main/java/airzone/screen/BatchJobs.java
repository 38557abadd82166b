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
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Batches run in the background with progress the web page can poll. Results go to files under the
 * data directory; the newest {@value #KEPT} jobs are kept. Jobs live in this instance only: behind a
 * load balancer, poll the instance that took the job (or use the streaming endpoint).
 */
public final class BatchJobs implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BatchJobs.class);
    private static final int KEPT = 20;
    /** How many refused rows a job's status lists (it counts them all). */
    public static final int REFUSED_LISTED = 100;

    /** A job's state as the API reports it: running, then done, failed or cancelled. */
    public static final class Job {
        public final String id;
        public final int total;
        public final BatchOutput.Format format;
        /** The sheet read, for a workbook; null otherwise. */
        public final Batch.Sheet sheet;
        /** How many rows were refused while reading, and the first {@value #REFUSED_LISTED} of them. */
        public final int refusedCount;
        public final List<BatchRow> refused;
        final List<String> carried;
        final Path result;
        final String owner;
        private final AtomicInteger processed = new AtomicInteger();
        private final AtomicReference<String> status = new AtomicReference<>("running");
        private volatile String error;

        Job(String id, Batch batch, BatchOutput.Format format, Path result, String owner) {
            this.id = id;
            this.total = batch.rows().size();
            this.format = format;
            this.sheet = batch.sheet();
            List<BatchRow> refusedRows = batch.refused();
            this.refusedCount = refusedRows.size();
            this.refused = List.copyOf(refusedRows.subList(0, Math.min(REFUSED_LISTED, refusedRows.size())));
            this.carried = batch.carried();
            this.result = result;
            this.owner = owner;
        }

        public int processed() {
            return processed.get();
        }

        public String status() {
            return status.get();
        }

        public String error() {
            return error;
        }

        public Optional<Path> result() {
            return status().equals("done") ? Optional.of(result) : Optional.empty();
        }

        /** Stops a running job between rows and discards what it wrote; false when it had already ended. */
        public boolean cancel() {
            return status.compareAndSet("running", "cancelled");
        }

        boolean running() {
            return status().equals("running");
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
    public synchronized Job submit(Batch batch, BatchOutput.Format format, String owner) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String id = UUID.randomUUID().toString();
        Job job = new Job(id, batch, format, dir.resolve(id + "." + format.extension), owner);
        jobs.put(id, job);
        forgetOldJobs();
        List<BatchRow> rows = batch.rows();
        workers.submit(() -> run(job, rows));
        return job;
    }

    /** Jobs of this owner still queued or running (a cancelled one no longer counts). */
    public synchronized long unfinished(String owner) {
        return jobs.values().stream().filter(j -> j.owner.equals(owner) && j.running()).count();
    }

    public synchronized Optional<Job> find(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    private void run(Job job, List<BatchRow> rows) {
        if (!job.running()) return; // cancelled while it waited its turn
        try (OutputStream out = Files.newOutputStream(job.result); BatchOutput output = BatchOutput.of(job.format, out, job.carried)) {
            BatchScreening.run(screener, rows, output, job.processed::set, () -> !job.running());
        } catch (CancellationException e) {
            LOG.info("batch job {} cancelled after {} of {} rows", job.id, job.processed(), job.total);
        } catch (IOException | RuntimeException e) {
            LOG.error("batch job {} failed", job.id, e);
            job.error = e.getMessage();
            job.status.compareAndSet("running", "failed");
        }
        // done only if nothing stopped it; a result cut short (a full disk, a cancel) is no result: nothing of it stays on disk
        if (!job.status.compareAndSet("running", "done")) delete(job.result);
    }

    private void forgetOldJobs() {
        var oldest = jobs.values().iterator();
        while (jobs.size() > KEPT) {
            Job old = oldest.next();
            if (old.running()) break;
            oldest.remove();
            delete(old.result);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("could not delete {}: {}", file, e.getMessage());
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
