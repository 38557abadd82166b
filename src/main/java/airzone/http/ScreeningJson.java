package airzone.http;

import airzone.geo.GeoJson;
import airzone.screen.Finding;
import airzone.screen.Screening;
import airzone.screen.Site;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A screening as the JSON of the contract: {site, district, findings[], verdict}. */
final class ScreeningJson {

    private ScreeningJson() {
    }

    static ObjectNode of(Screening screening) {
        ObjectNode out = GeoJson.MAPPER.createObjectNode();
        out.set("site", site(screening.site()));
        out.set("district", screening.district());
        ArrayNode findings = out.putArray("findings");
        screening.findings().forEach(f -> findings.add(finding(f)));
        out.put("verdict", screening.verdict().code());
        return out;
    }

    static ObjectNode site(Site s) {
        ObjectNode site = GeoJson.MAPPER.createObjectNode();
        site.put("name", s.name());
        site.set("geometry", GeoJson.parseObject(GeoJson.geometry(s.geometry())));
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
        return out;
    }
}
