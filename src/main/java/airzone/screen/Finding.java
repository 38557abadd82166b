package airzone.screen;

/**
 * One thing the screening found: which rule, how binding, on which layer and feature, how far (km,
 * geodesic; 0 inside), the message in both languages and the clause it rests on.
 */
public record Finding(String rule, Severity severity, String layer, String featureId, String name,
                      Double distanceKm, String messageZh, String messageEn, Citation citation) {
}
