/**
 * The feature model and the store seam: collections ({@code Catalog}, {@code CollectionIds}),
 * features, history and audit values, and {@code FeatureStore}, the one interface between the service
 * and a spatial database (its failure is {@code StoreException}), and {@code JobRecords}, where background
 * batch jobs are kept in the same database. Everything above uses the seam;
 * only {@code App} knows which store is behind it.
 *
 * <p>May depend on: geo.
 */
package airzone.layer;
