package airzone.screen;

import airzone.geo.GeodesicDistance;

import java.io.IOException;
import java.util.List;
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
        ThreadLocal<GeodesicDistance> distances = ThreadLocal.withInitial(GeodesicDistance::new);
        for (int from = 0; from < rows.size(); from += CHUNK) {
            List<BatchRow> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
            List<Screening> results = chunk.parallelStream()
                    .map(row -> row.site() == null ? null : screener.screen(row.site(), distances.get()))
                    .toList();
            for (int i = 0; i < chunk.size(); i++) out.write(chunk.get(i), results.get(i));
            progress.accept(from + chunk.size());
        }
    }
}
