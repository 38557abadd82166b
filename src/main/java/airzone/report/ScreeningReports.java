package airzone.report;

import airzone.layer.Feature;
import airzone.layer.FeatureStore;
import airzone.rules.DerivedLayers;
import airzone.screen.Finding;
import airzone.screen.Screener;
import airzone.screen.Screening;
import airzone.screen.Site;

import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Printable reports of single screenings: screens the site, gathers what the page shows besides the
 * findings (map excerpt, rule parameters in force, data versions, which findings rest on
 * illustrative sample zones) and writes the HTML.
 */
public final class ScreeningReports {

    private final FeatureStore store;
    private final DerivedLayers derived;
    private final Screener screener;
    private final MapExcerpt maps;

    public ScreeningReports(FeatureStore store, DerivedLayers derived, Screener screener) {
        this.store = store;
        this.derived = derived;
        this.screener = screener;
        this.maps = new MapExcerpt(store);
    }

    /**
     * @param reportUrl absolute URL that reproduces this report
     * @param dataUrl   absolute URL of the same screening as JSON
     * @param generated when the report is made, in the zone it is to be read in (Asia/Shanghai)
     */
    public String render(Site site, Language lang, String reportUrl, String dataUrl, ZonedDateTime generated) {
        Screening screening = screener.screen(site);
        MapExcerpt.Drawing map = maps.draw(site.geometry(), site.name(), lang);
        return new ScreeningReport(screening, lang, screener.catalogues(), derived.book().describe(derived.parameters()),
                DataVersions.of(store), store.kind(), illustrative(screening), map, reportUrl, dataUrl, generated).html();
    }

    /**
     * What a report in {@code lang} needs its Content-Security-Policy to allow besides nothing at all:
     * the base64 SHA-256 of its one inline stylesheet (no scripts, images or fonts; the map is inline SVG).
     */
    public static String styleSha256(Language lang) {
        return ReportStyle.sha256(lang);
    }

    /** The features behind the findings that are illustrative samples, by "layer/id", with their properties' name. */
    private Map<String, String> illustrative(Screening screening) {
        Map<String, String> found = new HashMap<>();
        for (Finding f : screening.findings()) {
            if (f.layer() == null || f.featureId() == null) continue;
            String key = f.layer() + "/" + f.featureId();
            if (found.containsKey(key)) continue;
            Optional<Feature> feature = store.item(f.layer(), f.featureId());
            if (feature.isPresent() && feature.get().properties().path("illustrative").asBoolean(false)) {
                found.put(key, feature.get().properties().path("name").asText(f.featureId()));
            }
        }
        return found;
    }
}
