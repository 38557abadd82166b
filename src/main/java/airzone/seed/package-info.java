/**
 * Loading the sample data under {@code gis-data/} into an empty store on first start.
 *
 * <p>May depend on: geo, layer.
 */
package airzone.seed;
