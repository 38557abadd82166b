package airzone.auth;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Users and sessions, kept in the same database as the features. */
public interface UserStore {

    Optional<Account> find(String name);

    /** All users, by name. */
    List<Account> list();

    /** @return false when the name is taken */
    boolean add(Account account);

    /** Replaces hash, role and disabled flag of an existing user; false when there is none. */
    boolean update(Account account);

    void putSession(Session session);

    Optional<Session> session(String tokenHash);

    void deleteSession(String tokenHash);

    /** Ends every session of a user (after a password change or when disabled). */
    void deleteSessionsOf(String user);

    void deleteSessionsExpiredBefore(Instant now);
}
