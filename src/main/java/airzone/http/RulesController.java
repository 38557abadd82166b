package airzone.http;

import airzone.auth.Role;
import airzone.auth.User;
import airzone.edit.StrictJson;
import airzone.rules.DerivedLayers;
import airzone.rules.RuleParameters;
import airzone.screen.Screener;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;

/** The rule book with its current parameters, and changing them (which recomputes the derived layers). */
final class RulesController {

    /** A whole rule book of parameters is a few kilobytes. */
    private static final long MAX_BODY = 64 * 1024;

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
        JsonNode changes = StrictJson.parse(RequestBody.read(ctx, MAX_BODY));
        RuleParameters changed = derived.change(changes, admin.name());
        screener.refresh();
        ctx.json(derived.book().describe(changed));
    }
}
