package airzone.http;

import airzone.geo.GeoJson;
import airzone.layer.Catalog;
import airzone.layer.CollectionInfo;
import airzone.screen.Finding;
import airzone.screen.LayerVersion;
import airzone.screen.Screening;
import airzone.screen.Site;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * A screening as the JSON of the contract: {site, district, findings[], verdict}, and the versions
 * of the layers it was screened against (those the screening index holds; the printable report's
 * section 5 lists every collection of the store).
 */
final class ScreeningJson {

    /** A finding's line has a vertex at least this often, so that a map drawing it follows the geodesic. */
    static final double LINE_SPACING_M = 2_000;

    private static final GeometryFactory LON_LAT = new GeometryFactory(new PrecisionModel(), 4326);

    private ScreeningJson() {
    }

    static ObjectNode of(Screening screening, String storeKind) {
        ObjectNode out = GeoJson.MAPPER.createObjectNode();
        out.set("site", site(screening.site()));
        out.set("district", screening.district());
        ArrayNode findings = out.putArray("findings");
        screening.findings().forEach(f -> findings.add(finding(f)));
        out.put("verdict", screening.verdict().code());
        out.set("data_versions", dataVersions(screening, storeKind));
        return out;
    }

    /** {store, collections: [{collection, title_zh, title_en, features, max_version}]}. */
    private static ObjectNode dataVersions(Screening screening, String storeKind) {
        ObjectNode out = GeoJson.MAPPER.createObjectNode();
        out.put("store", storeKind);
        ArrayNode collections = out.putArray("collections");
        for (LayerVersion v : screening.dataVersions()) {
            CollectionInfo info = Catalog.find(v.collection()).orElseThrow();
            collections.addObject()
                    .put("collection", v.collection())
                    .put("title_zh", info.titleZh())
                    .put("title_en", info.titleEn())
                    .put("features", v.features())
                    .put("max_version", v.maxVersion());
        }
        return out;
    }

    static ObjectNode site(Site s) {
        ObjectNode site = GeoJson.MAPPER.createObjectNode();
        site.put("name", s.name());
        site.set("geometry", GeoJson.geometryNode(s.geometry()));
        site.put("industry", s.industry());
        site.put("fuel", s.fuel());
        if (s.boilerTph() == null) site.putNull("boiler_tph"); else site.put("boiler_tph", s.boilerTph());
        site.put("boiler_use", s.boilerUse());
        site.put("new", s.isNew());
        site.put("key_gas_industry", s.keyGasIndustry());
        if (s.stackHeightM() == null) site.putNull("stack_height_m"); else site.put("stack_height_m", s.stackHeightM());
        ArrayNode notes = site.putArray("notes");
        s.notes().forEach(notes::add);
        return site;
    }

    static ObjectNode finding(Finding f) {
        ObjectNode out = GeoJson.MAPPER.createObjectNode();
        out.put("rule", f.rule());
        out.put("severity", f.severity().code());
        out.put("layer", f.layer());
        out.put("featureId", f.featureId());
        out.put("name", f.name());
        if (f.distanceKm() == null) out.putNull("distance_km"); else out.put("distance_km", f.distanceKm());
        out.put("message_zh", f.messageZh());
        out.put("message_en", f.messageEn());
        out.set("citation", f.citation().json());
        if (f.line() != null) out.set("line", GeoJson.geometryNode(f.line().densified(LON_LAT, LINE_SPACING_M)));
        return out;
    }
}
