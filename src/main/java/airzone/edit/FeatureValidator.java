package airzone.edit;

import airzone.geo.GeoJson;
import airzone.layer.Catalog;
import airzone.layer.CollectionInfo;
import airzone.layer.Feature;
import airzone.layer.GeometryTypes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a write must pass before it reaches the store: a GeoJSON Feature, a geometry of the
 * collection's type with finite lon/lat in range and at most {@code maxVertices} vertices, valid (or
 * repaired by GeometryFixer when the repair changes the area by at most 1 %, and reported), and
 * properties that are plain values satisfying the collection's {@link PropertySchemas}.
 */
public final class FeatureValidator {

    static final double MAX_REPAIR_AREA_CHANGE = 0.01;
    /** About 1 m² in square degrees (1° ≈ 111 km); collinear points give rounding noise far below it. */
    private static final double MIN_AREA_DEGREES = 1e-10;
    private static final int MAX_PROPERTIES = 200;
    private static final int MAX_KEY_LENGTH = 64;
    static final int MAX_TEXT_LENGTH = 10_000;
    private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);
    /** How deep in "coordinates" the positions sit, per geometry type (RFC 7946 3.1). */
    private static final Map<String, Integer> POSITION_DEPTH = Map.of(
            "Point", 0, "MultiPoint", 1, "LineString", 1, "MultiLineString", 2, "Polygon", 2, "MultiPolygon", 3);

    private final int maxVertices;

    public FeatureValidator(int maxVertices) {
        this.maxVertices = maxVertices;
    }

    /** True for the collections people write: drawn zones and heat sources. */
    public static boolean writable(String collection) {
        return PropertySchemas.of(collection).isPresent();
    }

    /** The type of each property the collection's rules check, by name (empty for collections people cannot write). */
    public static Map<String, PropertyRule.Type> ruleTypes(String collection) {
        Map<String, PropertyRule.Type> types = new LinkedHashMap<>();
        for (PropertyRule rule : PropertySchemas.of(collection).orElse(List.of())) types.put(rule.name(), rule.type());
        return types;
    }

    /**
     * The collection's rules as a JSON Schema object (draft 2020-12) — {@code type}, {@code properties} in
     * the rules' order, {@code required} — so that a form checks what the writes will; empty for
     * collections people cannot write. Properties the rules do not name are allowed, as in the writes.
     */
    public static Optional<ObjectNode> propertiesSchema(String collection) {
        return PropertySchemas.of(collection).map(rules -> {
            ObjectNode schema = GeoJson.MAPPER.createObjectNode().put("type", "object");
            ObjectNode properties = schema.putObject("properties");
            ArrayNode required = schema.putArray("required");
            for (PropertyRule rule : rules) {
                properties.set(rule.name(), rule.jsonSchema());
                if (rule.required()) required.add(rule.name());
            }
            return schema;
        });
    }

    /**
     * A candidate feature from a GeoJSON Feature object. {@code pathId} is the id in the URL of a PUT
     * (null for a POST); a body id must then agree with it.
     */
    public Feature fromGeoJson(JsonNode json, String pathId) {
        if (!json.isObject() || !"Feature".equals(json.path("type").asText(null))) {
            throw new InvalidFeature("the body must be a GeoJSON object with \"type\": \"Feature\"" + typeSeen(json));
        }
        String id = bodyId(json.get("id"));
        if (pathId != null) {
            FeatureIds.check(pathId);
            if (id != null && !id.equals(pathId)) throw new InvalidFeature("the body's id '" + id + "' differs from the URL's '" + pathId + "'");
            id = pathId;
        }
        JsonNode props = json.get("properties");
        if (props != null && !props.isNull() && !props.isObject()) throw new InvalidFeature("\"properties\" must be an object or null");
        ObjectNode properties = props == null || props.isNull() ? GeoJson.MAPPER.createObjectNode() : ((ObjectNode) props).deepCopy();
        return new Feature(id, properties, geometry(json.get("geometry")), 0);
    }

    /**
     * A polygon that is drawn but not stored (what POST /api/shapes/clip cuts): a GeoJSON Polygon or
     * MultiPolygon checked and repaired exactly as a write's, or refused with the same message.
     * @throws InvalidFeature with the first thing wrong
     */
    public CheckedGeometry polygon(JsonNode geometry) {
        Geometry g = geometry(geometry);
        if (!polygonal(g)) throw new InvalidFeature("the geometry must be a Polygon or MultiPolygon, got " + g.getGeometryType());
        List<String> repairs = new ArrayList<>();
        Geometry checked = checkedShape(g, repairs);
        checked.setSRID(4326);
        return new CheckedGeometry(checked, List.copyOf(repairs));
    }

    /** @throws InvalidFeature with the first thing wrong; the returned feature is what to store. */
    public Validated validate(String collection, Feature candidate) {
        CollectionInfo info = Catalog.find(collection).filter(c -> writable(c.id()))
                .orElseThrow(() -> new InvalidFeature("collection '" + collection + "' cannot be written"));
        if (candidate.id() != null) FeatureIds.check(candidate.id());
        if (candidate.geometry() == null) throw new InvalidFeature("the feature has no geometry; every feature here needs one");
        checkProperties(collection, candidate.properties());
        List<String> repairs = new ArrayList<>();
        Geometry geometry = GeometryTypes.conform(info, checkedGeometry(info, candidate.geometry(), repairs));
        geometry.setSRID(4326);
        return new Validated(new Feature(candidate.id(), candidate.properties(), geometry, candidate.version()), List.copyOf(repairs));
    }

    private static String bodyId(JsonNode id) {
        if (id == null || id.isNull()) return null;
        if (!id.isTextual() && !id.isIntegralNumber()) throw new InvalidFeature("\"id\" must be a string or an integer");
        return FeatureIds.check(id.asText());
    }

    private static String typeSeen(JsonNode json) {
        if (!json.isObject()) return ", got a JSON " + json.getNodeType().name().toLowerCase();
        JsonNode type = json.get("type");
        return type == null ? ", got no \"type\"" : ", got \"type\": " + type;
    }

    private Geometry geometry(JsonNode json) {
        if (json == null || json.isNull()) throw new InvalidFeature("\"geometry\" is missing; every feature here needs one");
        if (!json.isObject() || !json.path("type").isTextual()) throw new InvalidFeature("\"geometry\" must be a GeoJSON geometry object with a \"type\"");
        String type = json.get("type").asText();
        Integer depth = POSITION_DEPTH.get(type);
        if (depth == null) throw new InvalidFeature("geometry type '" + abbreviate(type) + "' is not one this service stores");
        if (!json.path("coordinates").isArray()) throw new InvalidFeature("\"geometry\" needs a \"coordinates\" array");
        new CoordinateShape(maxVertices, type.endsWith("Polygon")).check(json.get("coordinates"), depth);
        try {
            return new GeoJsonReader(WGS84).read(json.toString());
        } catch (ParseException | RuntimeException e) {
            throw new InvalidFeature("\"geometry\" is not valid GeoJSON: " + e.getMessage());
        }
    }

    private Geometry checkedGeometry(CollectionInfo info, Geometry g, List<String> repairs) {
        boolean wantsPoint = info.geometryType().equals("Point");
        boolean ok = wantsPoint ? g instanceof Point : polygonal(g);
        if (!ok) {
            throw new InvalidFeature("collection '" + info.id() + "' takes " + (wantsPoint ? "Point" : "Polygon or MultiPolygon")
                    + " geometries, got " + g.getGeometryType());
        }
        return checkedShape(g, repairs);
    }

    private static boolean polygonal(Geometry g) {
        return g instanceof Polygon || g instanceof MultiPolygon;
    }

    /** A point or polygon of the right type: in range, not too big, and valid or repaired (within 1 % of its area). */
    private Geometry checkedShape(Geometry g, List<String> repairs) {
        if (g.isEmpty()) throw new InvalidFeature("the geometry is empty");
        if (g.getNumPoints() > maxVertices) throw new InvalidFeature("the geometry has more than " + maxVertices + " vertices");
        for (Coordinate c : g.getCoordinates()) {
            if (!Double.isFinite(c.x) || !Double.isFinite(c.y)) throw new InvalidFeature("a coordinate is not a finite number");
            if (c.x < -180 || c.x > 180) throw new InvalidFeature("longitude " + c.x + " is outside -180..180 (coordinates are lon, lat in WGS 84)");
            if (c.y < -90 || c.y > 90) throw new InvalidFeature("latitude " + c.y + " is outside -90..90 (coordinates are lon, lat in WGS 84)");
        }
        if (g instanceof Point) return g;
        if (g.isValid()) return withArea(g);
        List<String> dropped = new ArrayList<>();
        Geometry fixed = withArea(withoutSlivers(GeometryFixer.fix(g), dropped));
        double before = Math.abs(g.getArea());
        double after = fixed.getArea();
        double change = Math.abs(after - before) / Math.max(before, after);
        if (change > MAX_REPAIR_AREA_CHANGE) {
            throw new InvalidFeature(String.format("the polygon is invalid (e.g. self-intersecting) and repairing it would change its area by %.1f %%, "
                    + "more than the 1 %% allowed; fix the drawing", change * 100));
        }
        repairs.add(String.format("the polygon was invalid (e.g. self-intersecting) and was repaired with JTS GeometryFixer; area changed by %.3f %%", change * 100));
        repairs.addAll(dropped);
        return fixed;
    }

    /** A repair can split off a loop of a few square centimetres as a polygon of its own; it goes, and the report says so. */
    private static Geometry withoutSlivers(Geometry repaired, List<String> repairs) {
        List<Polygon> kept = new ArrayList<>();
        for (int i = 0; i < repaired.getNumGeometries(); i++) {
            if (repaired.getGeometryN(i) instanceof Polygon p && p.getArea() >= MIN_AREA_DEGREES) kept.add(p);
        }
        if (kept.size() == repaired.getNumGeometries()) return repaired;
        repairs.add((repaired.getNumGeometries() - kept.size()) + " part(s) under 1 m² left over by the repair were dropped");
        return kept.size() == 1 ? kept.get(0) : repaired.getFactory().createMultiPolygon(kept.toArray(Polygon[]::new));
    }

    /** Each polygon must enclose something: collinear points make a valid-looking polygon of rounding noise. */
    private static Geometry withArea(Geometry g) {
        if (g.isEmpty()) throw new InvalidFeature("the polygon has no area, even after repairing it");
        for (int i = 0; i < g.getNumGeometries(); i++) {
            if (g.getGeometryN(i).getArea() < MIN_AREA_DEGREES) {
                throw new InvalidFeature("polygon " + (i + 1) + " has no area to speak of (under 1 m²; are its points on one line?)");
            }
        }
        return g;
    }

    private static void checkProperties(String collection, ObjectNode properties) {
        if (properties.size() > MAX_PROPERTIES) throw new InvalidFeature("at most " + MAX_PROPERTIES + " properties are accepted");
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            if (key.isEmpty() || key.length() > MAX_KEY_LENGTH || !plainText(key)) {
                throw new InvalidFeature("property names must be 1–" + MAX_KEY_LENGTH + " characters of text (no NUL, no lone surrogate)");
            }
            JsonNode v = e.getValue();
            if (!v.isValueNode()) throw new InvalidFeature("property '" + abbreviate(key) + "' must be text, a number, true/false or null, not " + v.getNodeType().name().toLowerCase());
            if (v.isTextual() && (v.asText().length() > MAX_TEXT_LENGTH || !plainText(v.asText()))) {
                throw new InvalidFeature("property '" + abbreviate(key) + "' must be text of at most " + MAX_TEXT_LENGTH
                        + " characters without NUL or lone surrogates");
            }
            if (v.isNumber() && !Double.isFinite(v.asDouble())) throw new InvalidFeature("property '" + abbreviate(key) + "' is not a finite number");
        }
        for (PropertyRule rule : PropertySchemas.of(collection).orElseThrow()) rule.check(properties.get(rule.name()));
    }

    /**
     * No NUL and no unpaired UTF-16 surrogate: JSON escapes can smuggle both in ("\\u0000",
     * "\\ud800"), and PostgreSQL's jsonb refuses them — a database error instead of a clear 400.
     */
    private static boolean plainText(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 0) return false;
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) return false;
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
