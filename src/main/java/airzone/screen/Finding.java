package airzone.screen;

import airzone.geo.GeodesicLine;

/**
 * One thing the screening found: which rule, how binding, on which layer and feature, how far (km,
 * geodesic; 0 inside), the message in both languages and the clause it rests on. {@code line}: for
 * a finding about the distance to a feature, the geodesic from the site's nearest point to the
 * feature's (its length is the distance); null otherwise.
 */
public record Finding(String rule, Severity severity, String layer, String featureId, String name,
                      Double distanceKm, String messageZh, String messageEn, Citation citation, GeodesicLine line) {
}
