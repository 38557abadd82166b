package airzone.http;

import airzone.auth.Role;
import airzone.auth.User;
import airzone.edit.Edits;
import airzone.edit.StrictJson;
import airzone.geo.GeoJson;
import airzone.layer.AuditEntry;
import airzone.layer.CollectionInfo;
import airzone.layer.FeatureStore;
import airzone.layer.HistoryEntry;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Versions of a feature (signed-in users), restoring one (admins), and the audit trail (admins). */
final class HistoryController {

    private static final int MAX_AUDIT = 10_000;

    private final FeatureStore store;
    private final Edits edits;

    HistoryController(FeatureStore store, Edits edits) {
        this.store = store;
        this.edits = edits;
    }

    /** Newest first; each version says who, when, the action, and what changed against the version before it. */
    void history(Context ctx) {
        Access.require(ctx, Role.VIEWER);
        CollectionInfo info = QueryParams.collection(ctx, QueryParams.COLLECTION_ID);
        String id = ctx.pathParam(QueryParams.FEATURE_ID);
        List<HistoryEntry> versions = store.history(info.id(), id);
        if (versions.isEmpty()) throw ApiError.notFound("no history for '" + id + "' in " + info.id() + " (derived features keep none)");
        ObjectNode out = GeoJson.MAPPER.createObjectNode().put("collection", info.id()).put("id", id);
        ArrayNode list = out.putArray("versions");
        for (int i = 0; i < versions.size(); i++) {
            HistoryEntry v = versions.get(i);
            HistoryEntry before = i + 1 < versions.size() ? versions.get(i + 1) : null;
            ObjectNode e = list.addObject()
                    .put("version", v.version()).put("etag", "\"v" + v.version() + '"')
                    .put("action", v.action()).put("user", v.user()).put("at", v.at().toString()).put("deleted", v.deleted());
            e.set("change", change(before, v));
            e.set("properties", v.properties());
            e.set("geometry", GeoJson.parseObject(GeoJson.geometry(v.geometry())));
        }
        ctx.json(out);
    }

    /** Body {@code {"version": n}}: that version becomes current again, as a new version (the feature may be deleted). */
    void restore(Context ctx) {
        User admin = Access.require(ctx, Role.ADMIN);
        CollectionInfo info = QueryParams.collection(ctx, QueryParams.COLLECTION_ID);
        JsonNode body = StrictJson.parse(RequestBody.read(ctx, 4096));
        if (!body.path("version").canConvertToLong()) throw ApiError.badRequest("send {\"version\": n} with a version from the history");
        var restored = edits.restore(info.id(), ctx.pathParam(QueryParams.FEATURE_ID), body.get("version").asLong(), admin);
        ctx.header("ETag", FeatureEtag.of(restored));
        ctx.contentType(OgcController.GEOJSON).result(FeatureJson.feature(info, restored, List.of()));
    }

    /** {@code since} is an ISO instant or date (default: everything), {@code limit} at most 10,000; oldest first. */
    void audit(Context ctx) {
        Access.require(ctx, Role.ADMIN);
        Instant since = since(ctx.queryParam("since"));
        int limit = QueryParams.positiveInt(ctx, QueryParams.LIMIT, 1000, MAX_AUDIT);
        List<AuditEntry> entries = store.audit(since, limit);
        ObjectNode out = GeoJson.MAPPER.createObjectNode().put("since", since.toString()).put("numberReturned", entries.size());
        ArrayNode list = out.putArray("entries");
        for (AuditEntry a : entries) {
            ObjectNode e = list.addObject().put("seq", a.seq()).put("at", a.at().toString()).put("user", a.user()).put("action", a.action());
            if (a.collection() != null) e.put("collection", a.collection());
            if (a.featureId() != null) e.put("featureId", a.featureId());
            if (a.version() != null) e.put("version", a.version());
            if (a.detail() != null) e.set("detail", a.detail());
        }
        ctx.json(out);
    }

    private static ObjectNode change(HistoryEntry before, HistoryEntry now) {
        ObjectNode change = GeoJson.MAPPER.createObjectNode();
        if (before == null) return change.put("first", true);
        Set<String> keys = new TreeSet<>();
        for (Iterator<String> it = before.properties().fieldNames(); it.hasNext(); ) keys.add(it.next());
        for (Iterator<String> it = now.properties().fieldNames(); it.hasNext(); ) keys.add(it.next());
        List<String> changed = new ArrayList<>();
        for (String k : keys) if (!before.properties().path(k).equals(now.properties().path(k))) changed.add(k);
        ArrayNode props = change.putArray("properties");
        changed.forEach(props::add);
        change.put("geometry", !before.geometry().equalsExact(now.geometry()));
        if (before.deleted() != now.deleted()) change.put("deleted", now.deleted());
        return change;
    }


    private static Instant since(String raw) {
        if (raw == null || raw.isBlank()) return Instant.EPOCH;
        try {
            return Instant.parse(raw);
        } catch (DateTimeParseException notInstant) {
            try {
                return LocalDate.parse(raw).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e) {
                throw ApiError.badRequest("since must be an ISO time like 2026-11-23T08:00:00Z or a date like 2026-11-23, got '" + raw + "'");
            }
        }
    }
}
