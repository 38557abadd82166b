package airzone.layer;

/** The database failed; the HTTP layer answers 503 for this, never 500. */
public class StoreException extends RuntimeException {
    public StoreException(String doing, Throwable cause) {
        super("store failed while " + doing + ": " + cause.getMessage(), cause);
    }
}
