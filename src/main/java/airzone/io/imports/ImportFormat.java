package airzone.io.imports;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The file formats an import reads, as the {@code format} parameter names them. */
public enum ImportFormat {
    SHAPEFILE("shapefile", "shp"),
    GEOJSON("geojson", "json"),
    KML("kml", "kmz"),
    GEOPACKAGE("geopackage", "gpkg");

    private final String id;
    private final String alias;

    ImportFormat(String id, String alias) {
        this.id = id;
        this.alias = alias;
    }

    public String id() {
        return id;
    }

    public static Optional<ImportFormat> parse(String text) {
        if (text == null) return Optional.empty();
        String t = text.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.id.equals(t) || f.alias.equals(t)).findFirst();
    }

    public static String names() {
        return "shapefile, geojson, kml or geopackage";
    }
}
