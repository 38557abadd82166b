package airzone.auth;

import airzone.layer.AuditLine;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Users and sessions, kept in the same database as the features. */
public interface UserStore {

    Optional<Account> find(String name);

    /** All users, by name. */
    List<Account> list();

    /** Adds the user and its audit line in one transaction; false (and nothing written) when the name is taken. */
    boolean add(Account account, AuditLine audit);

    /**
     * Replaces hash, role and disabled flag of an existing user, ends their sessions and writes the audit
     * line, in one transaction; false (and nothing written) when there is no such user.
     */
    boolean update(Account account, AuditLine audit);

    /** An audit line for a change kept outside the database (a login wait lifted). */
    void audit(AuditLine line);

    void putSession(Session session);

    Optional<Session> session(String tokenHash);

    void deleteSession(String tokenHash);

    void deleteSessionsExpiredBefore(Instant now);
}
