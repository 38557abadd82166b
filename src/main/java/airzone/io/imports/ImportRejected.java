package airzone.io.imports;

/**
 * A real import that stored nothing because some features could not be taken (or there were none);
 * carries the full report so the client sees every reason at once. HTTP 400.
 */
public final class ImportRejected extends RuntimeException {

    private final transient ImportReport report;

    ImportRejected(String message, ImportReport report) {
        super(message);
        this.report = report;
    }

    public ImportReport report() {
        return report;
    }
}
