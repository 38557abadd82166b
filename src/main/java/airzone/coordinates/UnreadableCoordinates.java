package airzone.coordinates;

/** Text that is not a coordinate pair this service reads; the message names what could not be read. */
public final class UnreadableCoordinates extends RuntimeException {

    public UnreadableCoordinates(String message) {
        super(message);
    }
}
