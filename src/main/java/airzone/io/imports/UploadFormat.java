package airzone.io.imports;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * What an upload is when the request does not say: a zip (PK), an SQLite database (a GeoPackage),
 * XML (KML) or JSON (GeoJSON), told by its first bytes (after a byte-order mark and blanks); and
 * the format a Content-Type names, if it names one.
 */
final class UploadFormat {

    private static final byte[] SQLITE = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private UploadFormat() {
    }

    static boolean isSqlite(byte[] head) {
        if (head.length < SQLITE.length) return false;
        for (int i = 0; i < SQLITE.length; i++) if (head[i] != SQLITE[i]) return false;
        return true;
    }

    static Optional<ImportFormat> sniff(byte[] head) {
        if (isSqlite(head)) return Optional.of(ImportFormat.GEOPACKAGE);
        int i = 0;
        if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) i = 3;
        while (i < head.length && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n')) i++;
        if (i >= head.length) return Optional.empty();
        if (head[i] == '<') return Optional.of(ImportFormat.KML);
        if (head[i] == '{') return Optional.of(ImportFormat.GEOJSON);
        return Optional.empty();
    }

    /** The format a media type names; empty for zip, octet-stream and anything unspecific. */
    static Optional<ImportFormat> ofContentType(String contentType) {
        if (contentType == null) return Optional.empty();
        String t = contentType.toLowerCase(Locale.ROOT).split(";")[0].trim();
        return switch (t) {
            case "application/geo+json", "application/json", "application/vnd.geo+json" -> Optional.of(ImportFormat.GEOJSON);
            case "application/vnd.google-earth.kml+xml", "application/vnd.google-earth.kmz" -> Optional.of(ImportFormat.KML);
            case "application/geopackage+sqlite3", "application/x-sqlite3", "application/vnd.sqlite3" -> Optional.of(ImportFormat.GEOPACKAGE);
            case "application/x-shapefile", "application/x-esri-shape" -> Optional.of(ImportFormat.SHAPEFILE);
            default -> Optional.empty();
        };
    }

    /** The format of an unpacked file by its name, for zips without a shapefile. */
    static Optional<ImportFormat> ofFileName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.endsWith(".gpkg")) return Optional.of(ImportFormat.GEOPACKAGE);
        if (n.endsWith(".geojson") || n.endsWith(".json")) return Optional.of(ImportFormat.GEOJSON);
        if (n.endsWith(".kml")) return Optional.of(ImportFormat.KML);
        return Optional.empty();
    }
}
