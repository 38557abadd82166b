package airzone.http;

import airzone.auth.Role;
import airzone.auth.User;
import airzone.edit.Edits;
import airzone.edit.FeatureValidator;
import airzone.edit.StrictJson;
import airzone.edit.Validated;
import airzone.geo.GeoJson;
import airzone.layer.CollectionInfo;
import airzone.layer.Feature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * OGC API - Features Part 4 (create, replace, delete) on the collections people draw: each write
 * needs a planner, replace and delete need the ETag read before (If-Match), and the answer carries
 * the new ETag. Repairs made to a geometry are listed in the answer under "airzone:repairs".
 */
final class EditController {

    private final Edits edits;
    private final long maxBodyBytes;

    EditController(Edits edits, long maxBodyBytes) {
        this.edits = edits;
        this.maxBodyBytes = maxBodyBytes;
    }

    void create(Context ctx) {
        CollectionInfo info = writable(ctx);
        User user = Access.require(ctx, Role.PLANNER);
        Feature candidate = edits.validator().fromGeoJson(body(ctx), null);
        Validated created = edits.create(info.id(), candidate, user);
        String location = Links.base(ctx) + "/ogc/collections/" + info.id() + "/items/" + created.feature().id();
        ctx.header("Location", location);
        answer(ctx.status(201), info, created);
    }

    void replace(Context ctx) {
        CollectionInfo info = writable(ctx);
        User user = Access.require(ctx, Role.PLANNER);
        long expected = FeatureEtag.required(ctx.header("If-Match"));
        Feature candidate = edits.validator().fromGeoJson(body(ctx), ctx.pathParam(QueryParams.FEATURE_ID));
        answer(ctx, info, edits.update(info.id(), expected, candidate, user));
    }

    void delete(Context ctx) {
        CollectionInfo info = writable(ctx);
        User user = Access.require(ctx, Role.PLANNER);
        long expected = FeatureEtag.required(ctx.header("If-Match"));
        edits.delete(info.id(), ctx.pathParam(QueryParams.FEATURE_ID), expected, user);
        ctx.status(204);
    }

    /** 404 for an unknown collection, 405 (with Allow) for one only the service writes. */
    static CollectionInfo writable(Context ctx) {
        CollectionInfo info = QueryParams.collection(ctx, QueryParams.COLLECTION_ID);
        String id = info.id();
        if (!FeatureValidator.writable(id)) {
            ctx.header("Allow", "GET, HEAD");
            throw ApiError.methodNotAllowed("collection '" + id + "' is " + info.kind().name().toLowerCase(Locale.ROOT)
                    + " and read-only; " + (info.kind().name().equals("DERIVED")
                    ? "it is computed from the rules (PUT /api/rules changes their parameters)"
                    : "it changes only with a new release of the base data"));
        }
        return info;
    }

    private com.fasterxml.jackson.databind.JsonNode body(Context ctx) {
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        if (!type.startsWith("application/geo+json") && !type.startsWith("application/json")) {
            throw ApiError.unsupportedMediaType("send the feature as application/geo+json (or application/json), got '"
                    + (type.isEmpty() ? "no Content-Type" : type) + "'");
        }
        return StrictJson.parse(RequestBody.read(ctx, maxBodyBytes));
    }

    private static void answer(Context ctx, CollectionInfo info, Validated written) {
        Feature f = written.feature();
        String self = Links.base(ctx) + "/ogc/collections/" + info.id() + "/items/" + f.id();
        byte[] json = FeatureJson.feature(info, f, List.of(
                Links.link(self, "self", OgcController.GEOJSON, null),
                Links.link(Links.base(ctx) + "/ogc/collections/" + info.id(), "collection", OgcController.JSON, info.titleEn())));
        try {
            ObjectNode body = (ObjectNode) GeoJson.MAPPER.readTree(json);
            ArrayNode repairs = body.putArray("airzone:repairs");
            written.repairs().forEach(repairs::add);
            ctx.header("ETag", FeatureEtag.of(f)).contentType(OgcController.GEOJSON).result(GeoJson.MAPPER.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
