package airzone.http;

import airzone.edit.FeatureValidator;
import airzone.geo.GeoJson;
import airzone.layer.Bbox;
import airzone.layer.Catalog;
import airzone.layer.CollectionInfo;
import airzone.layer.Feature;
import airzone.layer.FeaturePage;
import airzone.layer.FeatureStore;
import airzone.layer.SimplifiedViews;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** OGC API - Features Part 1 (Core, GeoJSON, OpenAPI 3.0) over the store, read side. */
final class OgcController {

    static final String GEOJSON = "application/geo+json";
    static final String JSON = "application/json";
    static final String OPENAPI = "application/vnd.oai.openapi+json;version=3.0";
    static final String JSON_SCHEMA = "application/schema+json";
    private static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
    private static final List<String> CONFORMANCE = List.of(
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
            "http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/create-replace-delete",
            "http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/optimistic-locking-etags",
            "http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/features");

    private final FeatureStore store;
    private final SimplifiedViews simplified;
    private final String openApiTemplate;

    OgcController(FeatureStore store, SimplifiedViews simplified) {
        this.store = store;
        this.simplified = simplified;
        this.openApiTemplate = resource("ogc/openapi.json");
    }

    void landing(Context ctx) {
        String ogc = Links.base(ctx) + "/ogc";
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "airzone");
        body.put("description", "Air-quality planning layers: districts, ban zones, heating radii, border consultation buffers");
        body.put("links", List.of(
                Links.link(ogc, "self", JSON, "this document"),
                Links.link(ogc + "/api", "service-desc", OPENAPI, "the API definition"),
                Links.link(ogc + "/conformance", "conformance", JSON, "conformance classes"),
                Links.link(ogc + "/collections", "data", JSON, "the collections")));
        ctx.json(body);
    }

    void conformance(Context ctx) {
        ctx.json(Map.of("conformsTo", CONFORMANCE));
    }

    void api(Context ctx) {
        ObjectNode doc = GeoJson.parseObject(openApiTemplate);
        doc.putArray("servers").addObject().put("url", Links.base(ctx) + "/ogc");
        SimplifiedViews.LEVELS.forEach(((ObjectNode) doc.at("/components/parameters/simplify/schema")).putArray("enum")::add);
        send(ctx, doc, OPENAPI);
    }

    void collections(Context ctx) {
        String ogc = Links.base(ctx) + "/ogc";
        List<Map<String, Object>> collections = new ArrayList<>();
        for (CollectionInfo info : Catalog.all()) collections.add(describe(ogc, info));
        ctx.json(Map.of(
                "links", List.of(Links.link(ogc + "/collections", "self", JSON, "the collections")),
                "collections", collections));
    }

    void collection(Context ctx) {
        ctx.json(describe(Links.base(ctx) + "/ogc", info(ctx)));
    }

    void items(Context ctx) {
        CollectionInfo info = info(ctx);
        int limit = QueryParams.limit(ctx);
        int offset = QueryParams.offset(ctx);
        Bbox bbox = QueryParams.bbox(ctx);
        Integer simplify = QueryParams.simplify(ctx, info);
        FeaturePage page = store.items(info.id(), bbox, limit, offset);
        if (simplify != null) page = simplified.simplified(info.id(), page, simplify);

        List<Map<String, Object>> links = new ArrayList<>();
        links.add(Links.link(Links.withParams(ctx, Map.of(QueryParams.LIMIT, "" + limit, QueryParams.OFFSET, "" + offset)), "self", GEOJSON, "this page"));
        if (offset + page.features().size() < page.numberMatched()) {
            links.add(Links.link(Links.withParams(ctx, Map.of(QueryParams.LIMIT, "" + limit, QueryParams.OFFSET, "" + (offset + limit))), "next", GEOJSON, "next page"));
        }
        if (offset > 0) {
            links.add(Links.link(Links.withParams(ctx, Map.of(QueryParams.LIMIT, "" + limit, QueryParams.OFFSET, "" + Math.max(0, offset - limit))), "prev", GEOJSON, "previous page"));
        }
        links.add(Links.link(Links.base(ctx) + "/ogc/collections/" + info.id(), "collection", JSON, info.titleEn()));
        // no timeStamp member (it is optional): it would make every response unique and defeat the ETag
        CachedBody.send(ctx, FeatureJson.collection(info, page.features(), page.numberMatched(), links), GEOJSON);
    }

    void item(Context ctx) {
        CollectionInfo info = info(ctx);
        String id = ctx.pathParam(QueryParams.FEATURE_ID);
        Feature feature = store.item(info.id(), id)
                .orElseThrow(() -> ApiError.notFound("no feature '" + id + "' in collection '" + info.id() + "'"));
        String collectionUrl = Links.base(ctx) + "/ogc/collections/" + info.id();
        byte[] body = FeatureJson.feature(info, feature, List.of(
                Links.link(collectionUrl + "/items/" + feature.id(), "self", GEOJSON, null),
                Links.link(collectionUrl, "collection", JSON, info.titleEn())));
        CachedBody.send(ctx, body, GEOJSON, FeatureEtag.of(feature));
    }

    /**
     * The properties a write to the collection must have, as a JSON Schema (draft 2020-12) made from the
     * rules the writes check; collections nobody writes have none (404, as they have no rules).
     */
    void schema(Context ctx) {
        CollectionInfo info = info(ctx);
        ObjectNode rules = FeatureValidator.propertiesSchema(info.id()).orElseThrow(() -> ApiError.notFound("collection '" + info.id()
                + "' is read-only (" + info.kind().name().toLowerCase(Locale.ROOT) + "), so it has no schema for writes"));
        ObjectNode schema = GeoJson.MAPPER.createObjectNode()
                .put("$schema", "https://json-schema.org/draft/2020-12/schema")
                .put("$id", schemaUrl(Links.base(ctx) + "/ogc", info))
                .put("title", title(info));
        schema.setAll(rules);
        send(ctx, schema, JSON_SCHEMA);
    }

    private static void send(Context ctx, ObjectNode document, String type) {
        try {
            CachedBody.send(ctx, GeoJson.MAPPER.writeValueAsBytes(document), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static CollectionInfo info(Context ctx) {
        return QueryParams.collection(ctx, QueryParams.COLLECTION_ID);
    }

    private Map<String, Object> describe(String ogc, CollectionInfo info) {
        String self = ogc + "/collections/" + info.id();
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("id", info.id());
        c.put("title", title(info));
        c.put("description", info.description());
        c.put("itemType", "feature");
        c.put("crs", List.of(CRS84));
        c.put("storageCrs", CRS84);
        store.extent(info.id()).ifPresent(e -> c.put("extent", Map.of("spatial", Map.of(
                "bbox", List.of(List.of(e.minLon(), e.minLat(), e.maxLon(), e.maxLat())), "crs", CRS84))));
        c.put("airzone:kind", info.kind().name().toLowerCase());
        c.put("airzone:geometryType", info.geometryType());
        List<Map<String, Object>> links = new ArrayList<>(List.of(
                Links.link(self, "self", JSON, info.titleEn()),
                Links.link(self + "/items", "items", GEOJSON, info.titleEn() + " as GeoJSON")));
        if (FeatureValidator.writable(info.id())) {
            links.add(Links.link(schemaUrl(ogc, info), "describedby", JSON_SCHEMA, "the properties a write must have"));
        }
        c.put("links", links);
        return c;
    }

    private static String title(CollectionInfo info) {
        return info.titleZh() + " " + info.titleEn();
    }

    private static String schemaUrl(String ogc, CollectionInfo info) {
        return ogc + "/collections/" + info.id() + "/schema";
    }

    private static String resource(String path) {
        try (InputStream in = OgcController.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException(path + " is missing from the jar");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
