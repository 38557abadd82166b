package airzone.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

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
 * ({@link #liftName}, {@link #liftAddress}). The counts live in the store ({@link LoginFailures}), so
 * they hold across every instance sharing it.
 */
public final class LoginThrottle {

    /** The failure after which an address first has to wait; 1 for a name under attack. */
    static final int WAIT_FROM = 5;
    static final Duration MAX_DELAY = Duration.ofMinutes(15);
    static final Duration FORGET = Duration.ofHours(24);
    static final int MAX_FAILURES_PER_ADDRESS = 30;
    static final int NAME_UNDER_ATTACK = 20;
    static final Duration WINDOW = Duration.ofMinutes(15);
    /** How often counts that no longer count are swept out (by each instance), so random names and addresses cannot fill the store. */
    private static final Duration SWEEP = Duration.ofMinutes(1);
    /** Names longer than this (no user has one) are counted under a shortened key: the store's column is bounded. */
    private static final int LONGEST_NAME_KEPT = 128;

    private final Clock clock;
    private final LoginFailures failures;
    private volatile Instant swept;

    public LoginThrottle(LoginFailures failures, Clock clock) {
        this.failures = failures;
        this.clock = clock;
        this.swept = clock.instant();
    }

    /** Seconds until {@code name} from {@code address} may try again; 0 when it may now. */
    public long retryAfterSeconds(String name, String address) {
        String key = key(name);
        Instant now = clock.instant();
        long pairWait = 0;
        Optional<LoginFailures.Strikes> strikes = failures.pair(key, address);
        if (strikes.isPresent() && !forgotten(strikes.get().last(), now)) {
            int waitFrom = failures.countForName(key, now.minus(WINDOW)) >= NAME_UNDER_ATTACK ? 1 : WAIT_FROM;
            pairWait = seconds(Duration.between(now, strikes.get().last().plus(delay(strikes.get().count(), waitFrom))));
        }
        long addressWait = failures.nthNewestFromAddress(address, now.minus(WINDOW), MAX_FAILURES_PER_ADDRESS)
                .map(nth -> seconds(Duration.between(now, nth.plus(WINDOW)))).orElse(0L);
        return Math.max(pairWait, addressWait);
    }

    public void failed(String name, String address) {
        Instant now = clock.instant();
        failures.add(key(name), address, now, now.minus(FORGET));
        sweep(now);
    }

    /**
     * The right password from this address: its own count starts afresh (other addresses' do not). Looked
     * up first, so that the usual sign-in (and every request with Basic credentials) writes nothing.
     */
    public void succeeded(String name, String address) {
        String key = key(name);
        if (failures.pair(key, address).isPresent()) failures.forgetPair(key, address);
    }

    /**
     * Whether some address that failed for {@code name} has to wait before it may try again — what
     * an admin sees as "locked" and lifts with {@link #liftName}.
     */
    public boolean waiting(String name) {
        for (String address : failures.addressesFailedFor(key(name))) {
            if (retryAfterSeconds(name, address) > 0) return true;
        }
        return false;
    }

    /** Lets {@code name} try again from every address. @return whether anything was holding it back */
    public boolean liftName(String name) {
        return failures.forgetName(key(name));
    }

    /** Lets {@code address} try again, for every name. @return whether anything was holding it back */
    public boolean liftAddress(String address) {
        return failures.forgetAddress(address);
    }

    /** The wait after {@code count} failures: none before the {@code waitFrom}th, then 1 s, doubling, capped. */
    static Duration delay(int count, int waitFrom) {
        if (count < waitFrom) return Duration.ZERO;
        int doublings = Math.min(count - waitFrom, 20);
        Duration delay = Duration.ofSeconds(1L << doublings);
        return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
    }

    private static boolean forgotten(Instant last, Instant now) {
        return last.plus(FORGET).isBefore(now);
    }

    private static String key(String name) {
        return name.length() <= LONGEST_NAME_KEPT ? name : name.substring(0, 64) + "…" + Tokens.sha256(name);
    }

    /** Whole seconds, rounded up, so a client that waits as long as it is told is let in. */
    private static long seconds(Duration wait) {
        if (wait.isNegative() || wait.isZero()) return 0;
        return (wait.toMillis() + 999) / 1000;
    }

    private void sweep(Instant now) {
        if (swept.plus(SWEEP).isAfter(now)) return;
        swept = now;
        failures.sweep(now.minus(WINDOW), now.minus(FORGET));
    }
}
