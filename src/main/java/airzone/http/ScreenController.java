package airzone.http;

import airzone.coordinates.CoordinateText;
import airzone.coordinates.ReadCoordinates;
import airzone.coordinates.UnreadableCoordinates;
import airzone.geo.GeoJson;
import airzone.screen.Screener;
import airzone.screen.SiteReader;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;

import java.util.Map;

/**
 * Screening of one site (POST a GeoJSON Feature, or GET with lon/lat), the catalogues it reads, and
 * the reading of typed coordinates that planners screen from.
 */
final class ScreenController {

    private final Screener screener;
    private final SiteReader reader;
    /** The store's kind, which the answers name beside the layers' versions. */
    private final String storeKind;
    private final long maxBodyBytes;

    ScreenController(Screener screener, SiteReader reader, String storeKind, long maxBodyBytes) {
        this.screener = screener;
        this.reader = reader;
        this.storeKind = storeKind;
        this.maxBodyBytes = maxBodyBytes;
    }

    void screenFeature(Context ctx) {
        JsonNode body;
        try {
            body = GeoJson.MAPPER.readTree(RequestBody.read(ctx, maxBodyBytes));
        } catch (JsonProcessingException e) {
            throw ApiError.badRequest("body is not JSON: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e); // not from bytes in memory
        }
        answer(ctx, ScreeningJson.of(screener.screen(reader.fromFeature(body)), storeKind));
    }

    void screenPoint(Context ctx) {
        answer(ctx, ScreeningJson.of(screener.screen(reader.fromValues(ctx.queryParam("lon"), ctx.queryParam("lat"), ctx::queryParam)), storeKind));
    }

    /** Written as bytes straight from the tree (ctx.json makes a String of it first). */
    private static void answer(Context ctx, ObjectNode screening) {
        try {
            ctx.contentType("application/json").result(GeoJson.MAPPER.writeValueAsBytes(screening));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a screening could not be written as JSON", e);
        }
    }

    /** {@code GET /api/coordinates?text=…[&zone=N]}: what the text says, as lon/lat (400 naming what could not be read). */
    void coordinates(Context ctx) {
        ReadCoordinates read;
        try {
            read = CoordinateText.read(ctx.queryParam("text"), ctx.queryParam("zone"));
        } catch (UnreadableCoordinates e) {
            throw ApiError.badRequest(e.getMessage());
        }
        ObjectNode out = GeoJson.MAPPER.createObjectNode();
        out.put("lon", read.lon());
        out.put("lat", read.lat());
        out.put("kind", read.kind().code());
        out.put("crs", read.crs());
        if (read.zone() != null) out.put("zone", read.zone());
        out.put("read", read.read());
        ctx.json(out);
    }

    void industries(Context ctx) {
        ctx.json(Map.of("industries", screener.catalogues().industries(), "fuels", screener.catalogues().fuels()));
    }
}
