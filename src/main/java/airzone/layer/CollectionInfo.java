package airzone.layer;

/**
 * What the service says about one collection: identity, titles in both languages, kind and geometry.
 *
 * @param coverage its polygons are meant to tile the land, neighbours sharing their border (districts,
 *                 provinces), so it is simplified for drawing as one coverage
 */
public record CollectionInfo(String id, String titleZh, String titleEn, String description,
                             CollectionKind kind, String geometryType, boolean coverage) {

    /** A collection that is no coverage. */
    public CollectionInfo(String id, String titleZh, String titleEn, String description, CollectionKind kind, String geometryType) {
        this(id, titleZh, titleEn, description, kind, geometryType, false);
    }
}
