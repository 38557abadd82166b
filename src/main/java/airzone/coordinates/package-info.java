/**
 * Reading coordinates as people type them: decimal degrees, DMS (度分秒) and CGCS2000 Gauss-Krüger X/Y
 * ({@code CoordinateText}), for {@code GET /api/coordinates} and batch cells.
 *
 * <p>May depend on: geo.
 */
package airzone.coordinates;
