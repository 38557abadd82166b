package airzone.layer;

import java.util.List;

/** One page of a collection query and how many features matched the query in all. */
public record FeaturePage(List<Feature> features, long numberMatched) {
}
