package airzone.screen;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Set;
import java.io.Closeable;
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
        /** The result in each format a job keeps: its own, and the three the page offers for download. */
        final Map<BatchOutput.Format, Path> results;
        final String owner;
        private final AtomicInteger processed = new AtomicInteger();
        private final AtomicReference<String> status = new AtomicReference<>("running");
        private volatile String error;

        /** Reads the batch once through (not screening it) for its size and refused rows, which the answer to the submission reports. */
        Job(String id, Batch batch, BatchOutput.Format format, Map<BatchOutput.Format, Path> results, String owner) {
            this.id = id;
            this.format = format;
            this.sheet = batch.sheet();
            int rows = 0;
            int refusedRows = 0;
            List<BatchRow> listed = new ArrayList<>();
            try (Batch.Cursor cursor = batch.rows()) {
                while (cursor.hasNext()) {
                    BatchRow row = cursor.next();
                    rows++;
                    if (row.site() != null) continue;
                    if (refusedRows++ < REFUSED_LISTED) listed.add(row);
                }
            }
            this.total = rows;
            this.refusedCount = refusedRows;
            this.refused = List.copyOf(listed);
            this.carried = batch.carried();
            this.results = Map.copyOf(results);
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
            return result(format);
        }

        /** The finished result as {@code asked}; empty while unfinished, or for a format the job does not keep. */
        public Optional<Path> result(BatchOutput.Format asked) {
            return status().equals("done") ? Optional.ofNullable(results.get(asked)) : Optional.empty();
        }

        public Set<BatchOutput.Format> formats() {
            return results.keySet();
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

    /**
     * @param batch closed when the job has run (or was forgotten unrun); the caller no longer closes it
     * @param owner the client address that asked, for {@link #unfinished}
     */
    public Job submit(Batch batch, BatchOutput.Format format, String owner) {
        Job job;
        try {
            Files.createDirectories(dir);
            String id = UUID.randomUUID().toString();
            Map<BatchOutput.Format, Path> results = new EnumMap<>(BatchOutput.Format.class);
            for (BatchOutput.Format kept : EnumSet.of(format, BatchOutput.Format.CSV, BatchOutput.Format.GEOJSON, BatchOutput.Format.XLSX)) {
                results.put(kept, dir.resolve(id + "-" + kept.name().toLowerCase(java.util.Locale.ROOT) + "." + kept.extension));
            }
            job = new Job(id, batch, format, results, owner); // a pass over the rows: outside the lock
        } catch (IOException e) {
            batch.close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            batch.close();
            throw e;
        }
        synchronized (this) {
            jobs.put(job.id, job);
            forgetOldJobs();
        }
        workers.submit(() -> {
            try (batch) {
                run(job, batch);
            }
        });
        return job;
    }

    /** Jobs of this owner still queued or running (a cancelled one no longer counts). */
    public synchronized long unfinished(String owner) {
        return jobs.values().stream().filter(j -> j.owner.equals(owner) && j.running()).count();
    }

    /** Jobs still queued or running, whoever asked. */
    public synchronized long running() {
        return jobs.values().stream().filter(Job::running).count();
    }

    public synchronized Optional<Job> find(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    private void run(Job job, Batch batch) {
        if (!job.running()) return; // cancelled while it waited its turn
        try (Batch.Cursor rows = batch.rows(); BatchOutput output = new EveryFormat(job)) {
            BatchScreening.run(screener, rows, output, job.processed::set, () -> !job.running());
        } catch (CancellationException e) {
            LOG.info("batch job {} cancelled after {} of {} rows", job.id, job.processed(), job.total);
        } catch (IOException | RuntimeException e) {
            LOG.error("batch job {} failed", job.id, e);
            job.error = e.getMessage();
            job.status.compareAndSet("running", "failed");
        }
        // done only if nothing stopped it; a result cut short (a full disk, a cancel) is no result: nothing of it stays on disk
        if (!job.status.compareAndSet("running", "done")) job.results.values().forEach(BatchJobs::delete);
    }

    private void forgetOldJobs() {
        var oldest = jobs.values().iterator();
        while (jobs.size() > KEPT) {
            Job old = oldest.next();
            if (old.running()) break;
            oldest.remove();
            old.results.values().forEach(BatchJobs::delete);
        }
    }

    /**
     * One screening written in every format the job keeps, so that the page can draw the GeoJSON and offer
     * CSV and Excel of the very same run (screening again for a download could meet changed rules).
     */
    private static final class EveryFormat implements BatchOutput {
        private final List<OutputStream> files = new ArrayList<>();
        private final List<BatchOutput> outputs = new ArrayList<>();

        EveryFormat(Job job) throws IOException {
            try {
                for (var kept : job.results.entrySet()) {
                    OutputStream out = Files.newOutputStream(kept.getValue());
                    files.add(out);
                    outputs.add(BatchOutput.of(kept.getKey(), out, job.carried));
                }
            } catch (IOException | RuntimeException e) {
                close();
                throw e;
            }
        }

        @Override
        public void write(BatchRow row, Screening screening) throws IOException {
            for (BatchOutput output : outputs) output.write(row, screening);
        }

        @Override
        public void close() throws IOException {
            IOException first = null;
            for (Closeable c : concat()) {
                try {
                    c.close();
                } catch (IOException e) {
                    if (first == null) first = e;
                }
            }
            if (first != null) throw first;
        }

        /** The outputs first (they finish their files), then the files under them. */
        private List<Closeable> concat() {
            List<Closeable> all = new ArrayList<>(outputs);
            all.addAll(files);
            return all;
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
    /**
     * On shutdown: every job still queued or running is failed, saying so, before the workers are stopped
     * (a result cut short is deleted as for a cancel); the jobs live in this process, so a restart forgets them.
     */
    public void close() {
        int stopped = 0;
        synchronized (this) {
            for (Job job : jobs.values()) {
                if (!job.running()) continue;
                job.error = "the service was stopped while this job ran; send the batch again";
                if (job.status.compareAndSet("running", "failed")) stopped++;
            }
        }
        if (stopped > 0) LOG.info("{} batch jobs stopped unfinished by the shutdown", stopped);
        workers.shutdownNow();
    }
}
