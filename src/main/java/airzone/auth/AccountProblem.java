package airzone.auth;

/**
 * A user-management request that cannot be carried out: bad name or password (400), taken (409),
 * unknown (404), or one that would leave no enabled admin to manage the service (409).
 */
public final class AccountProblem extends RuntimeException {

    public enum Kind { INVALID, EXISTS, NOT_FOUND, LAST_ADMIN }

    private final Kind kind;

    AccountProblem(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
