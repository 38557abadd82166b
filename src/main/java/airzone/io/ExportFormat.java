package airzone.io;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The file formats a layer can be exported in, as named by the {@code format} parameter. */
public enum ExportFormat {

    SHAPEFILE("shapefile", List.of("shp"), "application/zip", "zip", true),
    GEOPACKAGE("geopackage", List.of("gpkg"), "application/geopackage+sqlite3", "gpkg", false),
    GEOJSON("geojson", List.of("json"), "application/geo+json", "geojson", false),
    KML("kml", List.of(), "application/vnd.google-earth.kml+xml", "kml", false),
    CSV("csv", List.of(), "text/csv", "csv", true);

    private final String id;
    private final List<String> aliases;
    private final String mediaType;
    private final String extension;
    private final boolean chooseEncoding;

    ExportFormat(String id, List<String> aliases, String mediaType, String extension, boolean chooseEncoding) {
        this.id = id;
        this.aliases = aliases;
        this.mediaType = mediaType;
        this.extension = extension;
        this.chooseEncoding = chooseEncoding;
    }

    public static Optional<ExportFormat> parse(String text) {
        if (text == null) return Optional.empty();
        String t = text.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.id.equals(t) || f.aliases.contains(t)).findFirst();
    }

    /** "shapefile, geopackage, geojson, kml or csv" for error messages. */
    public static String names() {
        List<String> ids = Arrays.stream(values()).map(f -> f.id).collect(Collectors.toList());
        return String.join(", ", ids.subList(0, ids.size() - 1)) + " or " + ids.get(ids.size() - 1);
    }

    public String id() {
        return id;
    }

    /** The Content-Type of the response, without parameters. */
    public String mediaType() {
        return mediaType;
    }

    /** The file name extension of the download. */
    public String extension() {
        return extension;
    }

    /**
     * Whether text may be written in GBK: the shapefile's DBF (older ArcGIS) and CSV (Excel on a
     * Chinese Windows). GeoPackage, GeoJSON and KML are UTF-8 by their specifications.
     */
    public boolean canChooseEncoding() {
        return chooseEncoding;
    }

    /** KML coordinates are WGS 84 longitude/latitude by the KML 2.2 specification; no other CRS is allowed. */
    public boolean onlyWgs84() {
        return this == KML;
    }
}
