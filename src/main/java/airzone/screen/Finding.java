package airzone.screen;

import airzone.geo.GeodesicLine;

import java.util.function.Supplier;

/**
 * One thing the screening found: which rule, how binding, on which layer and feature, how far (km,
 * geodesic; 0 inside), the message in both languages and the clause it rests on. {@code line}: for
 * a finding about the distance to a feature, the geodesic from the site's nearest point to the
 * feature's (its length is the distance); null otherwise.
 * <p>
 * The messages are written when first read ({@code zh}, {@code en} make them): a summary batch never
 * reads them, and building the sentences (numbers formatted, names looked up) cost more than the
 * geometry of a site.
 */
public record Finding(String rule, Severity severity, String layer, String featureId, String name, Double distanceKm,
                      Supplier<String> zh, Supplier<String> en, Citation citation, GeodesicLine line) {

    public String messageZh() {
        return zh.get();
    }

    public String messageEn() {
        return en.get();
    }
}
