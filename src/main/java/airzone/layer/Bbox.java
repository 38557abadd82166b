package airzone.layer;

/** A lon/lat bounding box in EPSG:4326; callers validate ranges before building one. */
public record Bbox(double minLon, double minLat, double maxLon, double maxLat) {
}
