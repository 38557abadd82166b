package airzone.screen;

import airzone.geo.GeoJson;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * Batch results as a GeoJSON FeatureCollection written as it goes: a feature per site, refused rows
 * without geometry; the columns an Excel input carried go in the properties' {@code input} object.
 */
final class GeoJsonBatchOutput implements BatchOutput {

    private final JsonGenerator gen;
    private final List<String> carried;

    GeoJsonBatchOutput(OutputStream out, List<String> carried) throws IOException {
        this.carried = carried;
        gen = GeoJson.MAPPER.getFactory().createGenerator(out);
        gen.writeStartObject();
        gen.writeStringField("type", "FeatureCollection");
        gen.writeArrayFieldStart("features");
    }

    @Override
    public void write(BatchRow row, Screening s) throws IOException {
        gen.writeStartObject();
        gen.writeStringField("type", "Feature");
        gen.writeFieldName("geometry");
        if (s == null) gen.writeNull(); else gen.writeRawValue(GeoJson.geometry(s.site().geometry()));
        gen.writeObjectFieldStart("properties");
        gen.writeNumberField("row", row.row());
        gen.writeStringField("name", row.name());
        if (s == null) {
            gen.writeStringField("error", row.error());
        } else {
            gen.writeStringField("verdict", s.verdict().code());
            gen.writeFieldName("district");
            GeoJson.MAPPER.writeTree(gen, s.district());
            gen.writeArrayFieldStart("findings");
            for (Finding f : s.findings()) {
                gen.writeStartObject();
                gen.writeStringField("rule", f.rule());
                gen.writeStringField("severity", f.severity().code());
                gen.writeStringField("layer", f.layer());
                gen.writeStringField("featureId", f.featureId());
                gen.writeStringField("name", f.name());
                if (f.distanceKm() == null) gen.writeNullField("distance_km"); else gen.writeNumberField("distance_km", f.distanceKm());
                gen.writeStringField("message_zh", f.messageZh());
                gen.writeStringField("message_en", f.messageEn());
                gen.writeObjectFieldStart("citation");
                gen.writeStringField("document", f.citation().document());
                gen.writeStringField("title", f.citation().title());
                gen.writeStringField("clause", f.citation().clause());
                gen.writeEndObject();
                gen.writeEndObject();
            }
            gen.writeEndArray();
        }
        if (!carried.isEmpty()) {
            gen.writeObjectFieldStart("input");
            for (int i = 0; i < carried.size(); i++) gen.writeStringField(carried.get(i), row.carried().get(i));
            gen.writeEndObject();
        }
        gen.writeEndObject();
        gen.writeEndObject();
    }

    @Override
    public void close() throws IOException {
        gen.writeEndArray();
        gen.writeEndObject();
        gen.close();
    }
}
