package airzone.screen;

import airzone.geo.GeodesicDistance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

/**
 * Screens a batch in chunks on every core while the calling thread writes the chunks already done,
 * in input order: output streams while the batch runs, progress is reported per chunk, and at most a
 * few chunks of results wait in memory however long the batch.
 */
public final class BatchScreening {

    private static final int CHUNK = 1_000;
    /** Chunks screened ahead of the writer: enough to keep every core busy while it writes one. */
    private static final int AHEAD = 2 * Runtime.getRuntime().availableProcessors() + 2;
    /** One pool for every batch (a second batch queues behind the first rather than halving both). */
    private static final ForkJoinPool SCREENERS = new ForkJoinPool(Runtime.getRuntime().availableProcessors());
    /** Each screening thread keeps its own projections (they are not thread-safe). */
    private static final ThreadLocal<GeodesicDistance> DISTANCES = ThreadLocal.withInitial(GeodesicDistance::new);

    private BatchScreening() {
    }

    public static void run(Screener screener, Iterator<BatchRow> rows, BatchOutput out, IntConsumer progress) throws IOException {
        run(screener, rows, out, progress, () -> false);
    }

    /**
     * @param rows      read here, on the calling thread, a chunk at a time just ahead of the screeners
     * @param cancelled asked before each row: once true, the rows left are not screened and the run ends with a
     *                  {@link CancellationException}; the chunks not yet written are not written
     */
    public static void run(Screener screener, Iterator<BatchRow> rows, BatchOutput out, IntConsumer progress, BooleanSupplier cancelled)
            throws IOException {
        ArrayDeque<Chunk> pending = new ArrayDeque<>();
        int written = 0;
        try {
            while (true) {
                while (rows.hasNext() && pending.size() < AHEAD) {
                    List<BatchRow> chunk = new ArrayList<>(CHUNK);
                    while (chunk.size() < CHUNK && rows.hasNext()) chunk.add(rows.next());
                    pending.add(new Chunk(chunk, SCREENERS.submit(() -> screen(screener, chunk, cancelled))));
                }
                Chunk next = pending.pollFirst();
                if (next == null) return;
                Screening[] results = result(next.screened);
                if (cancelled.getAsBoolean()) throw new CancellationException("the batch was cancelled");
                for (int i = 0; i < results.length; i++) out.write(next.rows.get(i), results[i]);
                written += results.length;
                screener.countBatchRows(results.length);
                progress.accept(written);
            }
        } finally {
            pending.forEach(c -> c.screened.cancel(false));
        }
    }

    private record Chunk(List<BatchRow> rows, Future<Screening[]> screened) {
    }

    private static Screening[] screen(Screener screener, List<BatchRow> chunk, BooleanSupplier cancelled) {
        GeodesicDistance distance = DISTANCES.get();
        Screening[] results = new Screening[chunk.size()];
        for (int i = 0; i < results.length && !cancelled.getAsBoolean(); i++) {
            BatchRow row = chunk.get(i);
            if (row.site() != null) results[i] = screener.screen(row.site(), distance);
        }
        return results;
    }

    private static Screening[] result(Future<Screening[]> chunk) {
        try {
            return chunk.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while screening");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new UncheckedIOException(new IOException(e.getCause()));
        }
    }
}
