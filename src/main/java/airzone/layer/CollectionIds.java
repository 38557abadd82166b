package airzone.layer;

/** The collection ids the HTTP contract names, each written once; {@link Catalog} describes them. */
public final class CollectionIds {

    public static final String DISTRICTS = "districts";
    public static final String PROVINCES = "provinces";
    public static final String HEAT_SOURCES = "heat-sources";
    public static final String BAN_ZONES = "ban-zones";
    public static final String BUILT_UP_AREAS = "built-up-areas";
    public static final String INDUSTRIAL_PARKS = "industrial-parks";
    public static final String CONTROL_ZONES = "control-zones";
    public static final String HEATING_RADII = "heating-radii";
    public static final String BORDER_LINES = "border-lines";
    public static final String BORDER_BUFFERS = "border-buffers";

    private CollectionIds() {
    }
}
