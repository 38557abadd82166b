package airzone.screen;

import airzone.geo.GeodesicDistance;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

/**
 * Screens a batch in chunks: the sites of a chunk in parallel (each thread with its own projection
 * cache), the results written in input order as each chunk completes, so output streams while the
 * batch runs and progress can be reported.
 */
public final class BatchScreening {

    private static final int CHUNK = 2_000;

    private BatchScreening() {
    }

    public static void run(Screener screener, List<BatchRow> rows, BatchOutput out, IntConsumer progress) throws IOException {
        run(screener, rows, out, progress, () -> false);
    }

    /**
     * @param cancelled asked before each row: once true, the rows left are not screened and the run ends with a
     *                  {@link CancellationException} after the chunk in hand, whose results are not written
     */
    public static void run(Screener screener, List<BatchRow> rows, BatchOutput out, IntConsumer progress, BooleanSupplier cancelled)
            throws IOException {
        ThreadLocal<GeodesicDistance> distances = ThreadLocal.withInitial(GeodesicDistance::new);
        for (int from = 0; from < rows.size(); from += CHUNK) {
            List<BatchRow> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
            List<Screening> results = chunk.parallelStream()
                    .map(row -> row.site() == null || cancelled.getAsBoolean() ? null : screener.screen(row.site(), distances.get()))
                    .toList();
            if (cancelled.getAsBoolean()) throw new CancellationException("the batch was cancelled");
            for (int i = 0; i < chunk.size(); i++) out.write(chunk.get(i), results.get(i));
            progress.accept(from + chunk.size());
        }
    }
}
