/**
 * The two implementations of the store seam: embedded H2GIS and PostGIS, with their Flyway
 * migrations, connection pool, backups and restore. Only {@code App} and the commands choose and open one.
 *
 * <p>May depend on: geo, disk, layer, auth.
 */
package airzone.store;
