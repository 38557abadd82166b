package airzone.http;

import airzone.geo.GeoJson;
import airzone.screen.Screener;
import airzone.screen.SiteReader;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;

import java.util.Map;

/** Screening of one site (POST a GeoJSON Feature, or GET with lon/lat), and the catalogues it reads. */
final class ScreenController {

    private final Screener screener;
    private final SiteReader reader;

    ScreenController(Screener screener, SiteReader reader) {
        this.screener = screener;
        this.reader = reader;
    }

    void screenFeature(Context ctx) {
        JsonNode body;
        try {
            body = GeoJson.MAPPER.readTree(ctx.body());
        } catch (JsonProcessingException e) {
            throw ApiError.badRequest("body is not JSON: " + e.getOriginalMessage());
        }
        ctx.json(ScreeningJson.of(screener.screen(reader.fromFeature(body))));
    }

    void screenPoint(Context ctx) {
        ctx.json(ScreeningJson.of(screener.screen(reader.fromValues(ctx.queryParam("lon"), ctx.queryParam("lat"), ctx::queryParam))));
    }

    void industries(Context ctx) {
        ctx.json(Map.of("industries", screener.catalogues().industries(), "fuels", screener.catalogues().fuels()));
    }
}
