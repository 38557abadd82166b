package airzone.io.imports;

import airzone.geo.GeoJson;
import airzone.io.ExportCrs;
import airzone.io.ValueType;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * GeoJSON: a FeatureCollection (streamed feature by feature with Jackson, so a large file is never
 * one tree in memory) or a single Feature. Coordinates are RFC 7946 lon/lat unless the 2008
 * specification's "crs" member names another supported system (as the service's own projected
 * GeoJSON exports do) or {@code crs=} is given. Geometries are parsed by jts-io's GeoJsonReader;
 * properties keep their JSON types, nested values included.
 */
final class GeoJsonImport {

    SourceLayer read(Path file, ImportOptions options) throws IOException {
        List<SourceFeature> features = new ArrayList<>();
        Map<String, ValueType> types = new LinkedHashMap<>();
        JsonNode crsMember = null;
        String type = null;
        JsonNode single = null;
        GeoJsonReader geometries = new GeoJsonReader();
        try (JsonParser p = GeoJson.MAPPER.getFactory().createParser(file.toFile())) {
            if (p.nextToken() != JsonToken.START_OBJECT) throw notGeoJson("the upload is not a JSON object");
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                switch (name) {
                    case "type" -> type = p.getValueAsString();
                    case "crs" -> crsMember = p.readValueAsTree();
                    case "features" -> {
                        if (value != JsonToken.START_ARRAY) throw notGeoJson("\"features\" is not an array");
                        while (p.nextToken() == JsonToken.START_OBJECT) {
                            JsonNode f = p.readValueAsTree();
                            features.add(feature(f, features.size(), geometries, types));
                        }
                    }
                    default -> {
                        if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                            // a single Feature's members, kept until the type is known
                            if (name.equals("geometry") || name.equals("properties")) {
                                if (single == null) single = GeoJson.MAPPER.createObjectNode();
                                ((ObjectNode) single).set(name, p.readValueAsTree());
                            } else {
                                p.skipChildren();
                            }
                        } else if (name.equals("id")) {
                            if (single == null) single = GeoJson.MAPPER.createObjectNode();
                            ((ObjectNode) single).set("id", p.readValueAsTree());
                        }
                    }
                }
            }
        } catch (JsonProcessingException e) {
            throw ImportRefused.badInput("the GeoJSON cannot be read: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")")
                    + "; GeoJSON must be UTF-8 JSON", e);
        }
        if ("Feature".equals(type)) {
            features.clear();
            types.clear();
            features.add(feature(single == null ? GeoJson.MAPPER.createObjectNode() : single, 0, geometries, types));
        } else if (!"FeatureCollection".equals(type)) {
            throw notGeoJson("its type is " + (type == null ? "missing" : "'" + type + "'") + "; a FeatureCollection or a Feature is needed");
        }

        ExportCrs crs;
        String crsFrom;
        if (options.crs() != null) {
            crs = options.crs();
            crsFrom = "parameter";
        } else if (crsMember != null && !crsMember.isNull()) {
            String name = crsMember.path("properties").path("name").asText("");
            crs = ExportCrs.parse(name).orElseThrow(() -> ImportRefused.badInput("the GeoJSON's \"crs\" member names '" + name
                    + "', which is not a supported CRS (" + ExportCrs.supportedText() + ")"));
            crsFrom = "GeoJSON crs member";
        } else {
            crs = ExportCrs.wgs84();
            crsFrom = "RFC 7946 (longitude/latitude)";
        }
        List<SourceField> fields = new ArrayList<>();
        types.forEach((name, t) -> fields.add(new SourceField(name, t == null ? ValueType.TEXT : t)));
        return new SourceLayer(ImportFormat.GEOJSON, null, crs, crsFrom, TextEncoding.utf8(TextEncoding.FORMAT), fields, null,
                features, List.of());
    }

    private static SourceFeature feature(JsonNode f, int index, GeoJsonReader reader, Map<String, ValueType> types) {
        if (f.has("type") && !"Feature".equals(f.path("type").asText())) {
            throw notGeoJson("member " + index + " of \"features\" is a " + f.path("type").asText() + ", not a Feature");
        }
        Map<String, JsonNode> attributes = new LinkedHashMap<>();
        JsonNode properties = f.path("properties");
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            ValueType t = Values.typeOf(e.getValue());
            if (t == null) types.putIfAbsent(e.getKey(), null);
            else types.merge(e.getKey(), t, Values::widen);
            if (e.getValue().isNull()) continue;
            attributes.put(e.getKey(), e.getValue());
        }
        JsonNode id = f.get("id");
        JsonNode g = f.get("geometry");
        Geometry geometry = null;
        String problem = null;
        if (g != null && !g.isNull()) {
            try {
                geometry = Flat.xy(reader.read(g.toString()));
            } catch (ParseException | RuntimeException e) {
                problem = "its geometry cannot be read: " + e.getMessage();
            }
        }
        return new SourceFeature(IdField.text(id), attributes, geometry, problem);
    }

    private static ImportRefused notGeoJson(String why) {
        return ImportRefused.badInput("the upload is not GeoJSON this import takes: " + why);
    }
}
