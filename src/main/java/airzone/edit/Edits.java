package airzone.edit;

import airzone.auth.User;
import airzone.layer.Feature;
import airzone.layer.FeatureStore;
import airzone.layer.Upserted;
import airzone.rules.DerivedLayers;
import airzone.screen.Screener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;


/**
 * The one way features change: validated, written in one transaction with history and audit, then
 * the derived layers (when an input changed) and the screening index are brought up to date. That
 * follow-up runs after the commit; if the database fails in between, the write still stands (it is
 * not reported as failed) and the follow-up is retried in the background until the database is back.
 */
public final class Edits {

    private static final Logger LOG = LoggerFactory.getLogger(Edits.class);
    private static final long CATCH_UP_DELAY_SECONDS = 2;
    private static final long FOLLOW_UP_WAIT_SECONDS = 3;
    /** Noted for a change of the rule parameters (and after a failure): everything is read again. */
    private static final String EVERY_LAYER = "*";

    private final FeatureStore store;
    private final FeatureValidator validator;
    private final DerivedLayers derived;
    private final Screener screener;
    /** One thread for every follow-up, so index rebuilds never race each other. */
    private final ScheduledExecutorService background = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "airzone-catch-up");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean catchUpScheduled = new AtomicBoolean();
    // Changes heard from the audit trail are counted, and their collections noted; a follow-up covers those
    // heard before it started (it takes the noted collections and reads the store after they committed), so
    // one heard then needs no second update. This instance's own write is heard too: when the poller (woken
    // by the commit) hears it before the write's follow-up starts, that one covers it; when after, it costs
    // one more update of its layer. The two covered counts are the follow-up thread's alone.
    private final Set<String> heardCollections = ConcurrentHashMap.newKeySet();
    private final AtomicLong heard = new AtomicLong();
    private final AtomicLong derivedInputHeard = new AtomicLong();
    private final AtomicBoolean trailCatchUpQueued = new AtomicBoolean();
    private long covered;
    private long derivedCovered;

    public Edits(FeatureStore store, FeatureValidator validator, DerivedLayers derived, Screener screener) {
        this.store = store;
        this.validator = validator;
        this.derived = derived;
        this.screener = screener;
    }

    public FeatureValidator validator() {
        return validator;
    }

    /** A new feature; without an id it gets a fresh one. Returns it as stored, with the repairs made. */
    public Validated create(String collection, Feature candidate, User actor) {
        Feature named = candidate.id() != null ? candidate
                : new Feature(FeatureIds.fresh(collection), candidate.properties(), candidate.geometry(), 0);
        Validated valid = validator.validate(collection, named);
        Feature stored = store.create(collection, valid.feature(), actor.name());
        afterCommit(collection);
        return new Validated(stored, valid.repairs());
    }

    public Validated update(String collection, long expectedVersion, Feature candidate, User actor) {
        Validated valid = validator.validate(collection, candidate);
        Feature stored = store.update(collection, candidate.id(), expectedVersion, valid.feature(), actor.name());
        afterCommit(collection);
        return new Validated(stored, valid.repairs());
    }

    public Feature delete(String collection, String id, long expectedVersion, User actor) {
        Feature deleted = store.delete(collection, FeatureIds.check(id), expectedVersion, actor.name());
        afterCommit(collection);
        return deleted;
    }

    public Feature restore(String collection, String id, long version, User actor) {
        Feature restored = store.restore(collection, FeatureIds.check(id), version, actor.name());
        afterCommit(collection);
        return restored;
    }

    /**
     * Creates or replaces each feature by id in one transaction, recorded as action "import".
     * The features must have been validated (see {@link FeatureValidator#validate}); ids are checked again.
     */
    public Upserted importAll(String collection, List<Feature> validatedFeatures, User actor, String source) {
        for (Feature f : validatedFeatures) FeatureIds.check(f.id());
        Upserted done = store.upsert(collection, validatedFeatures, actor.name(), "import");
        LOG.info("{} imported {} features into {} from {} ({} new, {} replaced)", actor.name(), validatedFeatures.size(),
                collection, source, done.created(), done.updated());
        afterCommit(collection);
        return done;
    }

    /**
     * Brings the derived layers and the index up to date on the follow-up thread and waits a little
     * for it, so the writer normally sees its change in screening at once; with the database hanging
     * (frozen, network cut) the answer does not wait for the socket timeout: the follow-up finishes,
     * or is retried, in the background.
     */
    private void afterCommit(String collection) {
        Future<?> followUp = background.submit(() -> followUp(DerivedLayers.INPUTS.contains(collection), Set.of(collection)));
        try {
            followUp.get(FOLLOW_UP_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            LOG.warn("{} changed; the derived layers and screening index are still being brought up to date", collection);
        } catch (ExecutionException e) {
            LOG.warn("{} changed, but the derived layers or the screening index could not be brought up to date; "
                    + "retrying in the background: {}", collection, e.getCause().getMessage());
            scheduleCatchUp();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A committed change read from the audit trail (by the live changes' poller, as App wires it), this instance's
     * or another's sharing the store; {@code collection} is null for the rule parameters. Brings the index
     * (and, for what they are computed from, the derived layers) up to date on the follow-up thread unless
     * a follow-up that started after the change was heard has done it. Returns at once.
     */
    public void heardChange(String collection) {
        heardCollections.add(collection == null ? EVERY_LAYER : collection); // before the count: a follow-up that counts it takes it
        long count = heard.incrementAndGet();
        if (collection == null || DerivedLayers.INPUTS.contains(collection)) derivedInputHeard.set(count);
        if (!trailCatchUpQueued.compareAndSet(false, true)) return;
        background.submit(() -> {
            trailCatchUpQueued.set(false);
            boolean derivedToo = derivedInputHeard.get() > derivedCovered;
            if (!derivedToo && heard.get() <= covered) return;
            try {
                followUp(derivedToo, Set.of());
            } catch (RuntimeException e) {
                LOG.warn("a change in the audit trail could not be brought into the screening index; retrying in the background: {}", e.getMessage());
                scheduleCatchUp();
            }
        });
    }

    /**
     * On the follow-up thread: recomputes the derived layers (only what changed, by fingerprint) if asked, then
     * brings the index up to date for {@code changed}, the derived layers replaced, and every collection heard of
     * since the last follow-up.
     */
    private void followUp(boolean derivedToo, Set<String> changed) {
        long startedAfter = heard.get();
        Set<String> layers = new HashSet<>(changed);
        for (String collection : heardCollections) {
            heardCollections.remove(collection);
            layers.add(collection);
        }
        if (derivedToo) {
            derived.recompute();
            layers.addAll(DerivedLayers.derivedFrom(layers)); // whoever recomputed them, this one or another instance
        }
        if (layers.remove(EVERY_LAYER)) screener.refresh();
        else screener.refresh(layers);
        covered = Math.max(covered, startedAfter);
        if (derivedToo) derivedCovered = Math.max(derivedCovered, startedAfter);
    }

    /** Recomputes and rebuilds the index until it succeeds once. */
    private void scheduleCatchUp() {
        if (!catchUpScheduled.compareAndSet(false, true)) return;
        background.schedule(() -> {
            catchUpScheduled.set(false);
            try {
                followUp(true, Set.of(EVERY_LAYER));
                LOG.info("derived layers and screening index caught up after a database failure");
            } catch (RuntimeException e) {
                scheduleCatchUp();
            }
        }, CATCH_UP_DELAY_SECONDS, TimeUnit.SECONDS);
    }
}
