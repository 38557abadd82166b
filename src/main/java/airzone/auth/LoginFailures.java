package airzone.auth;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where {@link LoginThrottle} counts failed logins: in the database every instance shares, so that a
 * guesser who is made to wait by one instance waits at all of them. Three counts, as the throttle
 * needs them: per (name, address) the failures since that pair last started afresh, per address and
 * per name the recent failures' times.
 */
public interface LoginFailures {

    /** {@code count} failures from one address for one name, the newest at {@code last}. */
    record Strikes(int count, Instant last) {
    }

    /**
     * One failure at {@code at}, counted for the pair, the address and the name; the pair starts afresh
     * first when its newest failure came before {@code pairForgottenBefore}.
     */
    void add(String name, String address, Instant at, Instant pairForgottenBefore);

    /** The pair's failures since it last started afresh; empty when there are none. */
    Optional<Strikes> pair(String name, String address);

    /** The time of the {@code n}th newest failure from {@code address} at or after {@code since}; empty when there are fewer. */
    Optional<Instant> nthNewestFromAddress(String address, Instant since, int n);

    /** Failures for {@code name}, from any address, at or after {@code since}. */
    int countForName(String name, Instant since);

    /** The addresses with failures counted for {@code name}. */
    List<String> addressesFailedFor(String name);

    void forgetPair(String name, String address);

    /** Forgets the name's count and every pair with it; whether there was anything to forget. */
    boolean forgetName(String name);

    /** Forgets the address's count and every pair with it; whether there was anything to forget. */
    boolean forgetAddress(String address);

    /** Drops the name and address failures before {@code windowStart} and the pairs forgotten before {@code pairsForgottenBefore}. */
    void sweep(Instant windowStart, Instant pairsForgottenBefore);
}
