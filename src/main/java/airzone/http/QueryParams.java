package airzone.http;

import airzone.layer.Bbox;
import airzone.layer.Catalog;
import airzone.layer.CollectionInfo;
import airzone.layer.SimplifiedViews;
import io.javalin.http.Context;

/**
 * The names of the parameters the routes read, each written once, and the parsing and checking of the
 * shared ones (OGC paging and filters, the collection in a path); every message names its parameter.
 */
final class QueryParams {

    static final String LIMIT = "limit";
    static final String OFFSET = "offset";
    static final String BBOX = "bbox";
    static final String BBOX_CRS = "bbox-crs";
    static final String SIMPLIFY = "simplify";
    static final String FORMAT = "format";
    static final String CRS = "crs";
    static final String ENCODING = "encoding";
    static final String LAYER = "layer";
    static final String LON = "lon";
    static final String LAT = "lat";

    /** Path parameters: the collection of an OGC route, of an export or import, and a feature. */
    static final String COLLECTION_ID = "collectionId";
    static final String COLLECTION = "collection";
    static final String FEATURE_ID = "featureId";

    static final int DEFAULT_LIMIT = 10;
    static final int MAX_LIMIT = 10_000;

    private QueryParams() {
    }

    /** The collection the path parameter {@code name} names; 404 for an id the catalogue does not have. */
    static CollectionInfo collection(Context ctx, String name) {
        String id = ctx.pathParam(name);
        return Catalog.find(id).orElseThrow(() -> ApiError.notFound("no collection '" + id + "'; see /ogc/collections"));
    }

    static int limit(Context ctx) {
        return positiveInt(ctx, LIMIT, DEFAULT_LIMIT, MAX_LIMIT);
    }

    static int positiveInt(Context ctx, String name, int fallback, int max) {
        int value = integer(ctx, name, fallback);
        if (value < 1 || value > max) throw ApiError.badRequest(name + " must be between 1 and " + max + ", got " + value);
        return value;
    }

    static int offset(Context ctx) {
        int offset = integer(ctx, OFFSET, 0);
        if (offset < 0) throw ApiError.badRequest("offset must be 0 or more, got " + offset);
        return offset;
    }

    /** {@code bbox=minLon,minLat,maxLon,maxLat} (or the 6-value 3D form, whose heights are ignored), in CRS84. */
    static Bbox bbox(Context ctx) {
        String raw = ctx.queryParam(BBOX);
        if (raw == null) return null;
        String crs = ctx.queryParam(BBOX_CRS);
        if (crs != null && !crs.equals("http://www.opengis.net/def/crs/OGC/1.3/CRS84")) {
            throw ApiError.badRequest("bbox-crs must be http://www.opengis.net/def/crs/OGC/1.3/CRS84, got " + crs);
        }
        String[] parts = raw.split(",", -1);
        if (parts.length != 4 && parts.length != 6) {
            throw ApiError.badRequest("bbox must have 4 numbers (minLon,minLat,maxLon,maxLat), got " + parts.length + " values");
        }
        double[] v = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                v[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw ApiError.badRequest("bbox value " + (i + 1) + " is not a number: '" + parts[i] + "'");
            }
            if (!Double.isFinite(v[i])) throw ApiError.badRequest("bbox value " + (i + 1) + " is not finite");
        }
        int half = parts.length / 2;
        Bbox bbox = new Bbox(v[0], v[1], v[half], v[half + 1]);
        checkLon(bbox.minLon());
        checkLon(bbox.maxLon());
        checkLat(bbox.minLat());
        checkLat(bbox.maxLat());
        if (bbox.minLon() > bbox.maxLon()) throw ApiError.badRequest("bbox minLon is greater than maxLon");
        if (bbox.minLat() > bbox.maxLat()) throw ApiError.badRequest("bbox minLat is greater than maxLat");
        return bbox;
    }

    /** {@code simplify=<metres>} (an airzone extension): one of the offered levels, on a coverage collection; null without it. */
    static Integer simplify(Context ctx, CollectionInfo info) {
        String raw = ctx.queryParam(SIMPLIFY);
        if (raw == null) return null;
        if (!info.coverage()) {
            throw ApiError.badRequest("simplify is offered on " + String.join(", ", Catalog.coverages()) + " only, not on " + info.id());
        }
        try {
            int metres = Integer.parseInt(raw.trim());
            if (SimplifiedViews.LEVELS.contains(metres)) return metres;
        } catch (NumberFormatException e) {
            // the message below says what is allowed
        }
        throw ApiError.badRequest("simplify must be one of " + SimplifiedViews.LEVELS + " (metres), got '" + raw + "'");
    }

    private static void checkLon(double lon) {
        if (lon < -180 || lon > 180) throw ApiError.badRequest("bbox longitude " + lon + " is outside -180..180");
    }

    private static void checkLat(double lat) {
        if (lat < -90 || lat > 90) throw ApiError.badRequest("bbox latitude " + lat + " is outside -90..90");
    }

    private static int integer(Context ctx, String name, int fallback) {
        String raw = ctx.queryParam(name);
        if (raw == null) return fallback;
        try {
            return Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw ApiError.badRequest(name + " must be a whole number, got '" + raw + "'");
        }
    }
}
