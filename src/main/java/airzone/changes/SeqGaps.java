package airzone.changes;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Audit seqs the feed has gone past without seeing their lines. A seq is handed out when a line is
 * written, not when its transaction commits: an import still writing line 10 commits after a quick
 * edit has committed line 11. The feed watches each gap and passes its lines on, late, once they are
 * there; a gap that never fills (a rolled-back transaction, or the sequence cache H2 loses in a
 * crash) is given up after {@link #WAIT}. Used by the feed's poller thread only.
 */
final class SeqGaps {

    /** Longer than a write transaction stays open, a 200 MB import included. */
    static final Duration WAIT = Duration.ofMinutes(10);
    /** Each open gap costs a query per poll; past this many the oldest is given up. */
    private static final int MAX_GAPS = 100;

    private record Gap(long to, Instant since) {
    }

    /** First seq of each gap → its last and when it was noticed; gaps never overlap. */
    private final TreeMap<Long, Gap> gaps = new TreeMap<>();

    /** Seqs {@code from} to {@code to} were passed over. Gaps are noticed in seq order, so the first is the oldest. */
    void passed(long from, long to, Instant now) {
        gaps.put(from, new Gap(to, now));
        while (gaps.size() > MAX_GAPS) gaps.pollFirstEntry();
    }

    /** True when {@code seq} lay in a gap; the gap no longer holds it. */
    boolean fill(long seq) {
        Map.Entry<Long, Gap> around = gaps.floorEntry(seq);
        if (around == null || around.getValue().to() < seq) return false;
        Gap gap = gaps.remove(around.getKey());
        if (around.getKey() < seq) gaps.put(around.getKey(), new Gap(seq - 1, gap.since()));
        if (seq < gap.to()) gaps.put(seq + 1, gap);
        return true;
    }

    /** The gaps still worth asking after, as {from, to}, in seq order; those older than {@link #WAIT} are given up. */
    List<long[]> open(Instant now) {
        gaps.values().removeIf(g -> g.since().plus(WAIT).isBefore(now));
        return gaps.entrySet().stream().map(e -> new long[]{e.getKey(), e.getValue().to()}).toList();
    }
}
