package airzone.layer;

import java.util.List;

/** What a batch write (an import) did: the stored features with their new versions, and how many were new. */
public record Upserted(List<Feature> features, int created, int updated) {
}
