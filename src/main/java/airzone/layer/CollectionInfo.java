package airzone.layer;

/** What the service says about one collection: identity, titles in both languages, kind and geometry. */
public record CollectionInfo(String id, String titleZh, String titleEn, String description,
                             CollectionKind kind, String geometryType) {
}
