package airzone.layer;

/** A write the store turned down because of what is stored now, not because the database failed. */
public final class EditRefused extends RuntimeException {

    public enum Reason {
        /** no such feature, or it is deleted (404) */
        NOT_FOUND,
        /** the caller's version is not the current one: someone else wrote first (412) */
        STALE,
        /** a create named an id that is taken, by a live or a deleted feature (409) */
        EXISTS,
        /** the feature is computed from rules and only the rules change it (405) */
        DERIVED
    }

    private final Reason reason;

    public EditRefused(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
