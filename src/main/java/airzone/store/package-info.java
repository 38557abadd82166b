/**
 * The two implementations of the store seam: embedded H2GIS and PostGIS, with their Flyway
 * migrations, connection pool, backups and restore, and the PostgreSQL listener that hears other
 * instances' commits. Only {@code App} and the commands choose and open one.
 *
 * <p>May depend on: geo, disk, layer, auth.
 */
package airzone.store;
