package airzone.screen;

import airzone.geo.GeodesicLine;

import java.util.function.Supplier;

/**
 * One thing the screening found: which rule, how binding, on which layer and feature, how far (km,
 * geodesic; 0 inside), the message in both languages and the clause it rests on. {@code line}: for
 * a finding about the distance to a feature, the geodesic from the site's nearest point to the
 * feature's (its length is the distance); null otherwise.
 */
public final class Finding {

    private final String rule;
    private final Severity severity;
    private final String layer;
    private final String featureId;
    private final String name;
    private final Double distanceKm;
    private final Supplier<String> zh;
    private final Supplier<String> en;
    private final Citation citation;
    private final GeodesicLine line;

    /**
     * The messages are written when first read: a summary batch never reads them, and building the
     * sentences (numbers formatted, names looked up) cost more than the geometry of a site.
     */
    Finding(String rule, Severity severity, String layer, String featureId, String name, Double distanceKm,
            Supplier<String> zh, Supplier<String> en, Citation citation, GeodesicLine line) {
        this.rule = rule;
        this.severity = severity;
        this.layer = layer;
        this.featureId = featureId;
        this.name = name;
        this.distanceKm = distanceKm;
        this.zh = zh;
        this.en = en;
        this.citation = citation;
        this.line = line;
    }

    public String rule() {
        return rule;
    }

    public Severity severity() {
        return severity;
    }

    public String layer() {
        return layer;
    }

    public String featureId() {
        return featureId;
    }

    public String name() {
        return name;
    }

    public Double distanceKm() {
        return distanceKm;
    }

    public String messageZh() {
        return zh.get();
    }

    public String messageEn() {
        return en.get();
    }

    public Citation citation() {
        return citation;
    }

    public GeodesicLine line() {
        return line;
    }
}
