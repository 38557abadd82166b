package airzone.screen;

import airzone.layer.JobRecords;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Batches run in the background with progress the web page can poll. A job is kept in the store
 * ({@link JobRecords}), so that every instance sharing the database reports it, cancels it and serves
 * its result: the instance that took it runs it, tells the store how far it has come every
 * {@value #HEARTBEAT_MILLIS} ms, and stores the result, gzipped, when it is done. A running job
 * whose instance has not been heard of for {@value #UNHEARD_SECONDS} s (killed, or cut off from the
 * database) is reported failed by whichever instance is asked: never lost silently. The newest
 * {@value #KEPT} jobs are kept.
 */
public final class BatchJobs implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BatchJobs.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int KEPT = 20;
    /** How many refused rows a job's status lists (it counts them all). */
    public static final int REFUSED_LISTED = 100;
    static final long HEARTBEAT_MILLIS = 1_000;
    /** Fifteen heartbeats: far beyond a busy machine's delay, short beside a planner's patience. */
    static final long UNHEARD_SECONDS = 15;

    /** A refused row as a job's status lists it. */
    public record Refused(int row, String name, String error) {
    }

    /**
     * A job as the API reports it, from the store: running, then done, failed or cancelled.
     * @param sheet the sheet read, for a workbook; null otherwise
     * @param formats the formats its result is kept in: its own, and the three the page offers for download
     */
    public record Job(String id, String status, int total, int processed, String error, BatchOutput.Format format,
                      Batch.Sheet sheet, int refusedCount, List<Refused> refused, Set<BatchOutput.Format> formats) {
        public boolean done() {
            return status.equals("done");
        }
    }

    /** What a job's stored record says beyond its state, written once at submission. */
    private record Detail(BatchOutput.Format format, Set<BatchOutput.Format> formats, Batch.Sheet sheet, int refusedCount,
                          List<Refused> refused) {
    }

    /** What only the instance running a job has: its progress between heartbeats, its files, its stop. */
    private static final class Run {
        final String id;
        final List<String> carried;
        final Map<BatchOutput.Format, Path> files;
        final AtomicInteger processed = new AtomicInteger();
        volatile boolean stopped;

        Run(String id, List<String> carried, Map<BatchOutput.Format, Path> files) {
            this.id = id;
            this.carried = carried;
            this.files = files;
        }
    }

    private final Screener screener;
    private final JobRecords records;
    private final Path dir;
    private final ExecutorService workers = Executors.newSingleThreadExecutor(r -> new Thread(r, "batch-jobs"));
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "batch-jobs-heartbeat");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Run> here = new ConcurrentHashMap<>();
    private volatile boolean heartbeatFailing;

    /** @param dataDir where a running job writes its result before it is stored ({@code jobs/}) */
    public BatchJobs(Screener screener, JobRecords records, Path dataDir) {
        this.screener = screener;
        this.records = records;
        this.dir = dataDir.resolve("jobs");
        removeLeftovers(dir);
        heartbeat.scheduleWithFixedDelay(this::beat, HEARTBEAT_MILLIS, HEARTBEAT_MILLIS, TimeUnit.MILLISECONDS);
    }

    /**
     * Reads the batch once through (not screening it) for its size and refused rows, which the answer to
     * the submission reports, stores the job and queues it.
     * @param batch closed when the job has run (or could not be queued); the caller no longer closes it
     * @param owner the client address that asked, for {@link #unfinished}
     */
    public Job submit(Batch batch, BatchOutput.Format format, String owner) {
        Run run;
        try {
            Files.createDirectories(dir);
            String id = UUID.randomUUID().toString();
            Set<BatchOutput.Format> formats = EnumSet.of(format, BatchOutput.Format.CSV, BatchOutput.Format.GEOJSON, BatchOutput.Format.XLSX);
            Map<BatchOutput.Format, Path> files = new EnumMap<>(BatchOutput.Format.class);
            for (BatchOutput.Format kept : formats) files.put(kept, dir.resolve(id + "-" + kept.name().toLowerCase(Locale.ROOT) + ".gz"));
            int total = 0;
            int refusedCount = 0;
            List<Refused> listed = new ArrayList<>();
            try (Batch.Cursor cursor = batch.rows()) {
                while (cursor.hasNext()) {
                    BatchRow row = cursor.next();
                    total++;
                    if (row.site() != null) continue;
                    if (refusedCount++ < REFUSED_LISTED) listed.add(new Refused(row.row(), row.name(), row.error()));
                }
            }
            records.add(id, owner, total, JSON.writeValueAsString(new Detail(format, formats, batch.sheet(), refusedCount, listed)));
            run = new Run(id, batch.carried(), files);
        } catch (IOException e) {
            batch.close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            batch.close();
            throw e;
        }
        here.put(run.id, run);
        records.forgetEndedBeyond(KEPT);
        workers.submit(() -> {
            try (batch) {
                run(run, batch);
            } finally {
                here.remove(run.id);
                run.files.values().forEach(BatchJobs::delete);
            }
        });
        return find(run.id).orElseThrow();
    }

    /** Jobs of this owner still queued or running on any instance (a cancelled one no longer counts). */
    public long unfinished(String owner) {
        return records.running(owner, UNHEARD_SECONDS);
    }

    /** Jobs queued or running on this instance, whoever asked. */
    public long running() {
        return here.size();
    }

    /** The job as stored; one whose instance has gone silent is failed first, saying so. */
    public Optional<Job> find(String id) {
        Optional<JobRecords.JobRecord> stored = records.find(id);
        if (stored.isEmpty()) return Optional.empty();
        JobRecords.JobRecord job = stored.get();
        if (job.running() && job.secondsSinceHeard() >= UNHEARD_SECONDS && !here.containsKey(id)
                && records.failUnheard(id, UNHEARD_SECONDS, "the instance running this job stopped (not heard of for "
                + job.secondsSinceHeard() + " s, after " + job.processed() + " of " + job.total() + " rows); send the batch again")) {
            LOG.warn("batch job {}: its instance has not been heard of for {} s; reported failed", id, job.secondsSinceHeard());
            job = records.find(id).orElseThrow();
        }
        return Optional.of(view(job));
    }

    /** Stops a running job between rows and discards what it wrote; empty when it had already ended (or is unknown). */
    public Optional<Job> cancel(String id) {
        if (!records.end(id, "cancelled", null)) return Optional.empty();
        Run run = here.get(id);
        if (run != null) run.stopped = true; // elsewhere, its instance hears of it with the next heartbeat
        return find(id);
    }

    /** The result of a done job in {@code format}; empty while unfinished, or for a format the job does not keep. */
    public Optional<InputStream> result(Job job, BatchOutput.Format format) {
        if (!job.done() || !job.formats().contains(format)) return Optional.empty();
        return records.result(job.id(), format.name()).map(gzipped -> {
            try {
                return new GZIPInputStream(gzipped, 64 * 1024);
            } catch (IOException e) {
                throw new UncheckedIOException("reading the result of batch job " + job.id(), e);
            }
        });
    }

    private Job view(JobRecords.JobRecord job) {
        Detail detail;
        try {
            detail = JSON.readValue(job.detail(), Detail.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("batch job " + job.id() + " has an unreadable detail: " + e.getMessage(), e);
        }
        Run run = here.get(job.id());
        int processed = run != null && job.running() ? Math.max(job.processed(), run.processed.get()) : job.processed();
        return new Job(job.id(), job.status(), job.total(), processed, job.error(), detail.format(), detail.sheet(),
                detail.refusedCount(), detail.refused(), detail.formats());
    }

    private void run(Run run, Batch batch) {
        if (run.stopped) return; // cancelled while it waited its turn
        try {
            try (Batch.Cursor rows = batch.rows(); BatchOutput output = new EveryFormat(run)) {
                BatchScreening.run(screener, rows, output, run.processed::set, () -> run.stopped);
            }
            Map<String, Path> results = new LinkedHashMap<>();
            run.files.forEach((format, file) -> results.put(format.name(), file));
            if (!run.stopped && records.finish(run.id, run.processed.get(), results)) return;
            LOG.info("batch job {} ended elsewhere (cancelled, or reported failed) before its result was stored", run.id);
        } catch (CancellationException e) {
            LOG.info("batch job {} stopped after {} rows", run.id, run.processed.get());
        } catch (IOException | RuntimeException e) {
            LOG.error("batch job {} failed", run.id, e);
            try {
                records.end(run.id, "failed", e.getMessage());
            } catch (RuntimeException unrecorded) {
                // the store is what failed; other instances will report the job failed once it goes unheard
                LOG.warn("batch job {}: could not record its failure: {}", run.id, unrecorded.getMessage());
            }
        }
    }

    /** Tells the store how far each job running here has come, and hears of those cancelled elsewhere. */
    private void beat() {
        for (Run run : here.values()) {
            try {
                Optional<String> status = records.heard(run.id, run.processed.get());
                if (status.isEmpty() || !status.get().equals("running")) run.stopped = true;
                if (heartbeatFailing) LOG.info("batch jobs: telling the store of their progress again");
                heartbeatFailing = false;
            } catch (RuntimeException e) {
                if (!heartbeatFailing) LOG.warn("batch jobs: cannot tell the store of their progress: {}", e.getMessage());
                heartbeatFailing = true;
            }
        }
    }

    /**
     * One screening written in every format the job keeps, each gzipped as it is written, so that the page
     * can draw the GeoJSON and offer CSV and Excel of the very same run (screening again for a download
     * could meet changed rules).
     */
    private static final class EveryFormat implements BatchOutput {
        private final List<OutputStream> files = new ArrayList<>();
        private final List<BatchOutput> outputs = new ArrayList<>();

        EveryFormat(Run run) throws IOException {
            try {
                for (var kept : run.files.entrySet()) {
                    OutputStream out = new FastGzip(Files.newOutputStream(kept.getValue()));
                    files.add(out);
                    outputs.add(BatchOutput.of(kept.getKey(), out, run.carried));
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

    /** gzip at the fastest level: the results are text that shrinks several times even so, and the cores are screening. */
    private static final class FastGzip extends GZIPOutputStream {
        FastGzip(OutputStream out) throws IOException {
            super(out, 64 * 1024);
            def.setLevel(Deflater.BEST_SPEED);
        }
    }

    /** What a job of an earlier run was writing when that run was killed: its job is reported failed, its files are no use. */
    private static void removeLeftovers(Path dir) {
        if (!Files.isDirectory(dir)) return;
        try (var files = Files.list(dir)) {
            files.forEach(BatchJobs::delete);
        } catch (IOException e) {
            LOG.warn("could not clear {}: {}", dir, e.getMessage());
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("could not delete {}: {}", file, e.getMessage());
        }
    }

    /**
     * On shutdown: every job this instance still runs or has queued is failed, saying so, before the workers
     * are stopped (what it wrote is deleted, as for a cancel). Jobs of other instances go on.
     */
    @Override
    public void close() {
        int stopped = 0;
        for (Run run : here.values()) {
            run.stopped = true;
            try {
                if (records.end(run.id, "failed", "the service was stopped while this job ran; send the batch again")) stopped++;
            } catch (RuntimeException e) {
                LOG.warn("batch job {}: could not record that the shutdown stopped it: {}", run.id, e.getMessage());
            }
        }
        if (stopped > 0) LOG.info("{} batch jobs stopped unfinished by the shutdown", stopped);
        heartbeat.shutdownNow();
        workers.shutdownNow();
    }
}
