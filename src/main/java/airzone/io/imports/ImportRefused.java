package airzone.io.imports;

/**
 * An upload the import cannot take, with a message a planner can act on: a zip without its .dbf,
 * an unknown .prj, text that is not in the encoding it claims. Nothing has been written when it is
 * thrown. HTTP 400, or 413 when the upload is too large ({@link #tooLarge()}).
 */
public final class ImportRefused extends RuntimeException {

    private final boolean tooLarge;

    private ImportRefused(String message, boolean tooLarge, Throwable cause) {
        super(message, cause);
        this.tooLarge = tooLarge;
    }

    public static ImportRefused badInput(String message) {
        return new ImportRefused(message, false, null);
    }

    public static ImportRefused badInput(String message, Throwable cause) {
        return new ImportRefused(message, false, cause);
    }

    public static ImportRefused tooLarge(String message) {
        return new ImportRefused(message, true, null);
    }

    public boolean tooLarge() {
        return tooLarge;
    }
}
