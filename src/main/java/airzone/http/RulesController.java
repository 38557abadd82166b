package airzone.http;

import airzone.auth.Role;
import airzone.auth.User;
import airzone.geo.GeoJson;
import airzone.rules.DerivedLayers;
import airzone.rules.RuleParameters;
import airzone.screen.Screener;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;

/** The rule book with its current parameters, and changing them (which recomputes the derived layers). */
final class RulesController {

    private final DerivedLayers derived;
    private final Screener screener;

    RulesController(DerivedLayers derived, Screener screener) {
        this.derived = derived;
        this.screener = screener;
    }

    void list(Context ctx) {
        ctx.json(derived.book().describe(derived.parameters()));
    }

    /** Body: {@code {ruleId: {parameter: value}}}; only the named parameters change. Admins only; audited. */
    void change(Context ctx) {
        User admin = Access.require(ctx, Role.ADMIN);
        JsonNode changes;
        try {
            changes = GeoJson.MAPPER.readTree(ctx.body());
        } catch (JsonProcessingException e) {
            throw ApiError.badRequest("body is not JSON: " + e.getOriginalMessage());
        }
        RuleParameters changed = derived.change(changes, admin.name());
        screener.refresh();
        ctx.json(derived.book().describe(changed));
    }
}
