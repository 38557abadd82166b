package airzone.screen;

/** A site or attribute the screening cannot read; the message names the field, for a 400. */
public final class InvalidSite extends RuntimeException {
    public InvalidSite(String message) {
        super(message);
    }
}
