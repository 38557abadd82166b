package airzone.edit;

/** A feature a write cannot accept; the message says what is wrong in words a planner can act on. HTTP 400. */
public final class InvalidFeature extends RuntimeException {

    public InvalidFeature(String message) {
        super(message);
    }
}
