/**
 * The data directory's filesystem: the free-space reserve checked before writes ({@code DiskSpace},
 * {@code DiskFull} → 507) and the private working directories of exports, imports and batches
 * ({@code WorkDir}).
 *
 * <p>May depend on no other airzone package.
 */
package airzone.disk;
