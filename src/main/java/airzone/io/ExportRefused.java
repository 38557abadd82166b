package airzone.io;

/** A request the exporter cannot fulfil as asked (a format and CRS that do not go together, a geometry the CRS cannot express); a client error. */
public final class ExportRefused extends RuntimeException {

    public ExportRefused(String message) {
        super(message);
    }
}
