package airzone.http;

import airzone.geo.GeoJson;
import airzone.layer.CollectionInfo;
import airzone.layer.Feature;
import airzone.layer.GeometryTypes;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * Writes features and feature collections as GeoJSON bytes with Jackson's streaming generator, so a
 * page of large district polygons is never built as a tree in memory.
 */
final class FeatureJson {

    private FeatureJson() {
    }

    static byte[] collection(CollectionInfo info, List<Feature> features, long numberMatched, List<Map<String, Object>> links) {
        return write(gen -> {
            gen.writeStartObject();
            gen.writeStringField("type", "FeatureCollection");
            gen.writeNumberField("numberMatched", numberMatched);
            gen.writeNumberField("numberReturned", features.size());
            gen.writeFieldName("links");
            GeoJson.MAPPER.writeValue(gen, links);
            gen.writeArrayFieldStart("features");
            for (Feature f : features) writeFeature(gen, info, f, null);
            gen.writeEndArray();
            gen.writeEndObject();
        });
    }

    static byte[] feature(CollectionInfo info, Feature feature, List<Map<String, Object>> links) {
        return write(gen -> writeFeature(gen, info, feature, links));
    }

    private static void writeFeature(JsonGenerator gen, CollectionInfo info, Feature f, List<Map<String, Object>> links) throws IOException {
        gen.writeStartObject();
        gen.writeStringField("type", "Feature");
        gen.writeStringField("id", f.id());
        gen.writeFieldName("geometry");
        gen.writeRawValue(GeoJson.geometry(GeometryTypes.conform(info, f.geometry())));
        gen.writeFieldName("properties");
        GeoJson.MAPPER.writeTree(gen, f.properties());
        if (links != null) {
            gen.writeFieldName("links");
            GeoJson.MAPPER.writeValue(gen, links);
        }
        gen.writeEndObject();
    }

    private interface Body {
        void writeTo(JsonGenerator gen) throws IOException;
    }

    private static byte[] write(Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try (JsonGenerator gen = GeoJson.MAPPER.getFactory().createGenerator(out)) {
            body.writeTo(gen);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
