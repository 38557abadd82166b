/**
 * Site screening: the in-memory index over the layers, the rule checks and their findings, single
 * sites and batches (CSV, GeoJSON, Excel), and the catalogues ({@code screening.json}).
 *
 * <p>May depend on: text, geo, coordinates, disk, layer, rules.
 */
package airzone.screen;
