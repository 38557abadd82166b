package airzone.layer;

/** Where a collection's features come from, which decides who may change them. */
public enum CollectionKind {
    /** imported reference data: districts, provinces, heat sources */
    BASE,
    /** zones planners draw or import */
    DRAWN,
    /** computed by the service from rules; never edited by hand */
    DERIVED
}
