/**
 * Geometry the service's rules rest on, with no notion of features or storage: the GeoJSON codec,
 * CRSs and projections (proj4j), metric buffers in local transverse Mercator, geodesics
 * (GeographicLib), overlays and polygon repair (JTS GeometryFixer).
 *
 * <p>May depend on no other airzone package.
 */
package airzone.geo;
