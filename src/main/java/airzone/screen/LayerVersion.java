package airzone.screen;

/**
 * Which contents of a layer a screening was made from: its feature count and highest feature
 * version when the screening index was built (every write raises a version, so the same two numbers
 * mean the same contents, short of a deletion, which the count shows).
 */
public record LayerVersion(String collection, long features, long maxVersion) {
}
