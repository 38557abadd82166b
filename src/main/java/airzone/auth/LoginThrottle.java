package airzone.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing without letting anyone lock an account. Failures are counted per user
 * name <em>and</em> client address, so a guesser only ever slows himself down:
 * <ul>
 * <li>per (name, address): the first {@value #WAIT_FROM} failures in a row cost nothing (typos); from
 *     then on the next attempt waits 1 s, 2 s, 4 s … after the last failure, at most {@link #MAX_DELAY};
 *     a success from that address, or {@link #FORGET} without a failure, starts afresh;</li>
 * <li>per address: {@link #MAX_FAILURES_PER_ADDRESS} failures for any names within {@link #WINDOW}
 *     refuse that address until the window has passed (one guesser trying many names);</li>
 * <li>per name: once {@value #NAME_UNDER_ATTACK} failures from anywhere arrive within {@link #WINDOW}
 *     (a guesser spread over many addresses), the free failures are withdrawn for that name — every
 *     address that has failed for it waits from its first failure on. An address that has not failed
 *     for the name, such as its owner's, is never made to wait.</li>
 * </ul>
 * An attempt made while it has to wait is refused before the password is checked, even when the
 * password is right, so hammering teaches nothing. What an attacker can still do: from one address,
 * about fifteen guesses in the first twenty minutes, then four an hour; with N addresses, N times that
 * (no throttle without a name lock can stop a large botnet — long passwords and bcrypt have to); keep
 * an office behind one proxy out for 15 minutes by failing 30 times from inside it. What he cannot
 * do: keep a user out who signs in from an address of their own. Admins lift both kinds of wait
 * ({@link #liftName}, {@link #liftAddress}). The counts live in this instance's memory.
 */
public final class LoginThrottle {

    /** The failure after which an address first has to wait; 1 for a name under attack. */
    static final int WAIT_FROM = 5;
    static final Duration MAX_DELAY = Duration.ofMinutes(15);
    static final Duration FORGET = Duration.ofHours(24);
    static final int MAX_FAILURES_PER_ADDRESS = 30;
    static final int NAME_UNDER_ATTACK = 20;
    static final Duration WINDOW = Duration.ofMinutes(15);
    /** How often forgotten entries are swept out, so random names and addresses cannot fill memory. */
    private static final Duration SWEEP = Duration.ofMinutes(1);

    private record Pair(String name, String address) {
    }

    /** {@code count} failures from one address for one name, the last at {@code last}. */
    private record Strikes(int count, Instant last) {
    }

    private final Clock clock;
    private final Map<Pair, Strikes> pairs = new ConcurrentHashMap<>();
    private final Map<String, RecentFailures> byAddress = new ConcurrentHashMap<>();
    private final Map<String, RecentFailures> byName = new ConcurrentHashMap<>();
    private volatile Instant swept;

    public LoginThrottle(Clock clock) {
        this.clock = clock;
        this.swept = clock.instant();
    }

    /** Seconds until {@code name} from {@code address} may try again; 0 when it may now. */
    public long retryAfterSeconds(String name, String address) {
        Instant now = clock.instant();
        long pairWait = 0;
        Strikes strikes = pairs.get(new Pair(name, address));
        if (strikes != null && !forgotten(strikes, now)) {
            RecentFailures forName = byName.get(name);
            int waitFrom = forName != null && forName.reached(NAME_UNDER_ATTACK, WINDOW, now) ? 1 : WAIT_FROM;
            pairWait = seconds(Duration.between(now, strikes.last().plus(delay(strikes.count(), waitFrom))));
        }
        RecentFailures fromAddress = byAddress.get(address);
        long addressWait = fromAddress == null ? 0 : seconds(fromAddress.waitUntilBelow(MAX_FAILURES_PER_ADDRESS, WINDOW, now));
        return Math.max(pairWait, addressWait);
    }

    public void failed(String name, String address) {
        Instant now = clock.instant();
        pairs.merge(new Pair(name, address), new Strikes(1, now),
                (old, one) -> forgotten(old, now) ? one : new Strikes(old.count() + 1, now));
        byAddress.computeIfAbsent(address, a -> new RecentFailures(MAX_FAILURES_PER_ADDRESS)).add(now, WINDOW);
        byName.computeIfAbsent(name, n -> new RecentFailures(NAME_UNDER_ATTACK)).add(now, WINDOW);
        sweep(now);
    }

    /** The right password from this address: its own count starts afresh (other addresses' do not). */
    public void succeeded(String name, String address) {
        pairs.remove(new Pair(name, address));
    }

    /**
     * Whether some address that failed for {@code name} has to wait before it may try again — what
     * an admin sees as "locked" and lifts with {@link #liftName}.
     */
    public boolean waiting(String name) {
        for (Pair p : pairs.keySet()) {
            if (p.name().equals(name) && retryAfterSeconds(name, p.address()) > 0) return true;
        }
        return false;
    }

    /** Lets {@code name} try again from every address. @return whether anything was holding it back */
    public boolean liftName(String name) {
        boolean lifted = pairs.keySet().removeIf(p -> p.name().equals(name));
        return byName.remove(name) != null || lifted;
    }

    /** Lets {@code address} try again, for every name. @return whether anything was holding it back */
    public boolean liftAddress(String address) {
        boolean lifted = pairs.keySet().removeIf(p -> p.address().equals(address));
        return byAddress.remove(address) != null || lifted;
    }

    /** The wait after {@code count} failures: none before the {@code waitFrom}th, then 1 s, doubling, capped. */
    static Duration delay(int count, int waitFrom) {
        if (count < waitFrom) return Duration.ZERO;
        int doublings = Math.min(count - waitFrom, 20);
        Duration delay = Duration.ofSeconds(1L << doublings);
        return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
    }

    private static boolean forgotten(Strikes strikes, Instant now) {
        return strikes.last().plus(FORGET).isBefore(now);
    }

    /** Whole seconds, rounded up, so a client that waits as long as it is told is let in. */
    private static long seconds(Duration wait) {
        if (wait.isNegative() || wait.isZero()) return 0;
        return (wait.toMillis() + 999) / 1000;
    }

    private void sweep(Instant now) {
        if (swept.plus(SWEEP).isAfter(now)) return;
        swept = now;
        pairs.values().removeIf(s -> forgotten(s, now));
        byAddress.values().removeIf(f -> f.isEmpty(WINDOW, now));
        byName.values().removeIf(f -> f.isEmpty(WINDOW, now));
    }
}
