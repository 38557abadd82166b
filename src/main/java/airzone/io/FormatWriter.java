package airzone.io;

import java.io.IOException;
import java.nio.file.Path;

/** Writes one layer in one format into a directory the caller owns and deletes; returns the file to send. */
interface FormatWriter {

    Path write(ExportLayer layer, Path dir) throws IOException;
}
