package airzone.layer;

/**
 * Where a collection stands: how many rows it has (deleted ones too) and the highest version among
 * them. Every write takes a new version from one sequence, a soft delete included, and replacing
 * derived features removes rows, so any change to a collection changes its revision; caches of
 * what is computed from a collection compare it.
 */
public record Revision(long rows, long lastVersion) {
}
