package airzone.http;

import airzone.edit.CheckedGeometry;
import airzone.edit.FeatureIds;
import airzone.edit.FeatureValidator;
import airzone.edit.StrictJson;
import airzone.geo.GeoJson;
import airzone.geo.MetricBuffer;
import airzone.geo.PolygonOverlay;
import airzone.layer.Catalog;
import airzone.layer.CollectionInfo;
import airzone.layer.CollectionKind;
import airzone.layer.Feature;
import airzone.layer.FeatureStore;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Shapes for the page's drawing tools, computed here so that they match the stored features exactly:
 * the union of features, a drawn polygon clipped to such a union, a circle drawn in metres. Each
 * answers a GeoJSON Feature in lon/lat and stores nothing; whoever may read the collections may ask.
 */
final class ShapesController {

    private static final int MAX_IDS = 200;
    private static final double MIN_RADIUS_M = 1;
    private static final double MAX_RADIUS_M = 200_000;
    private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

    private final FeatureStore store;
    private final FeatureValidator validator;
    private final long maxBodyBytes;

    ShapesController(FeatureStore store, FeatureValidator validator, long maxBodyBytes) {
        this.store = store;
        this.validator = validator;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** Body {@code {"collection", "ids"}}: the union of those features. */
    void union(Context ctx) {
        Selection selection = selection(body(ctx));
        send(ctx, selection.union(), selection.properties(), null);
    }

    /** Body {@code {"geometry", "collection", "ids"}}: the drawn polygon cut to the union of those features. */
    void clip(Context ctx) {
        JsonNode body = body(ctx);
        CheckedGeometry drawn = validator.polygon(body.get("geometry"));
        Selection selection = selection(body);
        Geometry clipped = PolygonOverlay.intersection(drawn.geometry(), selection.union());
        if (clipped.isEmpty()) {
            throw ApiError.unprocessable("the shape does not overlap " + String.join(", ", selection.ids()) + " of " + selection.collection().id()
                    + "; nothing is left after clipping");
        }
        send(ctx, clipped, selection.properties(), drawn.repairs());
    }

    /** Body {@code {"center": [lon, lat], "radius_m"}}: a circle drawn in a transverse Mercator centred on it, as the heating radii are. */
    void circle(Context ctx) {
        JsonNode body = body(ctx);
        JsonNode center = body.path("center");
        if (!center.isArray() || center.size() != 2 || !center.get(0).isNumber() || !center.get(1).isNumber()) {
            throw ApiError.badRequest("\"center\" must be [lon, lat] in degrees (WGS 84)");
        }
        double lon = center.get(0).asDouble();
        double lat = center.get(1).asDouble();
        if (lon < -180 || lon > 180 || lat < -90 || lat > 90) {
            throw ApiError.badRequest("\"center\" " + center + " is outside lon -180..180, lat -90..90");
        }
        JsonNode radius = body.path("radius_m");
        if (!radius.isNumber() || !(radius.asDouble() >= MIN_RADIUS_M && radius.asDouble() <= MAX_RADIUS_M)) {
            throw ApiError.badRequest("\"radius_m\" must be a number of metres from 1 to 200000, got " + radius);
        }
        Geometry circle = MetricBuffer.buffer(WGS84.createPoint(new Coordinate(lon, lat)), radius.asDouble());
        Envelope extent = circle.getEnvelopeInternal();
        // a lon/lat polygon cannot go round a pole or over the antimeridian: it would come back as a band round the world
        if (extent.getMinX() < -180 || extent.getMaxX() > 180 || extent.getMaxY() > 90 || extent.getMinY() < -90 || extent.getWidth() > 180) {
            throw ApiError.badRequest("a circle of " + radius + " m around " + center + " would cross the antimeridian or a pole");
        }
        ObjectNode properties = GeoJson.MAPPER.createObjectNode();
        properties.putArray("center").add(lon).add(lat);
        properties.set("radius_m", radius);
        send(ctx, circle, properties, null);
    }

    /** Stored features of one polygon collection, named in the body, each found. */
    private record Selection(CollectionInfo collection, List<String> ids, List<Feature> features) {

        Geometry union() {
            return PolygonOverlay.union(features.stream().map(Feature::geometry).toList());
        }

        ObjectNode properties() {
            ObjectNode p = GeoJson.MAPPER.createObjectNode().put("collection", collection.id());
            ArrayNode idList = p.putArray("ids");
            ids.forEach(idList::add);
            ArrayNode names = p.putArray("names");
            features.forEach(f -> names.add(f.properties().get("name")));
            return p;
        }
    }

    private Selection selection(JsonNode body) {
        CollectionInfo collection = Catalog.find(body.path("collection").asText("")).filter(ShapesController::shapesOf)
                .orElseThrow(() -> ApiError.badRequest("\"collection\" must be one of " + String.join(", ",
                        Catalog.all().stream().filter(ShapesController::shapesOf).map(CollectionInfo::id).toList())));
        JsonNode idsNode = body.path("ids");
        if (!idsNode.isArray() || idsNode.isEmpty() || idsNode.size() > MAX_IDS) {
            throw ApiError.badRequest("\"ids\" must be an array of 1 to " + MAX_IDS + " feature ids of " + collection.id());
        }
        Set<String> ids = new LinkedHashSet<>();
        for (JsonNode id : idsNode) {
            // GeoJSON allows integer ids, and the writes take them
            if (!id.isTextual() && !id.isIntegralNumber()) throw ApiError.badRequest("every entry of \"ids\" must be a feature id, got " + id);
            ids.add(FeatureIds.check(id.asText()));
        }
        List<Feature> features = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String id : ids) store.item(collection.id(), id).ifPresentOrElse(features::add, () -> missing.add(id));
        if (!missing.isEmpty()) throw ApiError.notFound("no feature " + String.join(", ", missing) + " in collection '" + collection.id() + "'");
        return new Selection(collection, List.copyOf(ids), features);
    }

    /**
     * The collections whose features shapes are made of: the base and drawn polygons. Derived layers are
     * recomputed whenever their inputs or rules change, so a shape taken from one would silently stop matching it.
     */
    private static boolean shapesOf(CollectionInfo info) {
        return info.kind() != CollectionKind.DERIVED && info.geometryType().endsWith("Polygon");
    }

    private JsonNode body(Context ctx) {
        JsonNode body = StrictJson.parse(RequestBody.read(ctx, maxBodyBytes));
        if (!body.isObject()) throw ApiError.badRequest("the body must be a JSON object");
        return body;
    }

    /** A GeoJSON Feature without id; {@code repairs} (of a drawn input) under "airzone:repairs" as the writes list them. */
    private static void send(Context ctx, Geometry geometry, ObjectNode properties, List<String> repairs) {
        ObjectNode feature = GeoJson.MAPPER.createObjectNode().put("type", "Feature");
        feature.set("geometry", GeoJson.parseObject(GeoJson.geometry(geometry)));
        feature.set("properties", properties);
        if (repairs != null) {
            ArrayNode listed = feature.putArray("airzone:repairs");
            repairs.forEach(listed::add);
        }
        try {
            ctx.contentType(OgcController.GEOJSON).result(GeoJson.MAPPER.writeValueAsBytes(feature));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
