package airzone.screen;

import airzone.coordinates.CoordinateText;
import airzone.coordinates.UnreadableCoordinates;
import airzone.geo.Geodesics;
import com.fasterxml.jackson.databind.JsonNode;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Locale;
import java.util.function.Function;

/**
 * Reads a site from what clients send — a GeoJSON Feature, query parameters, a CSV row — and checks
 * every field, so the screening only ever sees a valid site. Errors name the field.
 */
public final class SiteReader {

    /** Attribute names, the same in JSON properties, query parameters and CSV headers. */
    public static final List<String> ATTRIBUTES = List.of(
            "name", "industry", "fuel", "boiler_tph", "boiler_use", "new", "key_gas_industry", "stack_height_m");

    /** The longest attribute value accepted (a site's name; codes are far shorter): a bound on what one row may cost. */
    public static final int MAX_TEXT = 1_000;

    private static final GeometryFactory WGS84 = new GeometryFactory(new org.locationtech.jts.geom.PrecisionModel(), 4326);

    private final Catalogues catalogues;
    private final double maxAreaKm2;

    public SiteReader(Catalogues catalogues, double maxAreaKm2) {
        this.catalogues = catalogues;
        this.maxAreaKm2 = maxAreaKm2;
    }

    /** A GeoJSON Feature whose geometry is a Point, Polygon or MultiPolygon and whose properties are the attributes. */
    public Site fromFeature(JsonNode feature) {
        if (feature == null || !feature.isObject() || !"Feature".equals(feature.path("type").asText())) {
            throw new InvalidSite("body must be a GeoJSON Feature with a Point or Polygon geometry and the project attributes as properties");
        }
        JsonNode geometry = feature.get("geometry");
        if (geometry == null || geometry.isNull()) throw new InvalidSite("geometry is missing");
        Geometry g;
        try {
            g = new GeoJsonReader(WGS84).read(geometry.toString());
        } catch (ParseException | RuntimeException e) {
            throw new InvalidSite("geometry is not valid GeoJSON: " + e.getMessage());
        }
        JsonNode props = feature.path("properties");
        return build(g, name -> {
            JsonNode v = props.get(name);
            return v == null || v.isNull() ? null : v.isValueNode() ? v.asText() : v.toString();
        });
    }

    /**
     * Lon/lat and attributes given as text (query parameters, CSV cells, Excel cells); blank counts as absent.
     * Lon/lat may be decimal degrees or degrees, minutes and seconds ({@link CoordinateText}).
     */
    public Site fromValues(String lon, String lat, Function<String, String> attribute) {
        double x = coordinate("lon", lon, 180);
        double y = coordinate("lat", lat, 90);
        return build(WGS84.createPoint(new Coordinate(x, y)), name -> {
            String v = attribute.apply(name);
            return v == null || v.isBlank() ? null : v.trim();
        });
    }

    private Site build(Geometry geometry, Function<String, String> given) {
        Function<String, String> attribute = name -> bounded(name, given.apply(name));
        List<String> notes = new ArrayList<>();
        Geometry checked = checkGeometry(geometry, notes);
        String fuel = lower(attribute.apply("fuel"));
        catalogues.checkFuel(fuel);
        String industry = lower(attribute.apply("industry"));
        catalogues.checkIndustry(industry);
        String use = lower(attribute.apply("boiler_use"));
        if (use != null && !use.equals("heating") && !use.equals("industrial")) {
            throw new InvalidSite("boiler_use must be heating or industrial, got '" + use + "'");
        }
        return new Site(attribute.apply("name"), checked, industry, fuel,
                number("boiler_tph", attribute.apply("boiler_tph"), 0, 10_000),
                use, bool("new", attribute.apply("new"), true), bool("key_gas_industry", attribute.apply("key_gas_industry"), false),
                number("stack_height_m", attribute.apply("stack_height_m"), 0, 1_000), List.copyOf(notes));
    }

    private static String bounded(String name, String value) {
        if (value != null && value.length() > MAX_TEXT) {
            throw new InvalidSite(name + " is " + value.length() + " characters long; at most " + MAX_TEXT + " are accepted");
        }
        return value;
    }

    private Geometry checkGeometry(Geometry g, List<String> notes) {
        if (!(g instanceof Point || g instanceof Polygon || g instanceof MultiPolygon)) {
            throw new InvalidSite("geometry must be a Point, Polygon or MultiPolygon, got " + g.getGeometryType());
        }
        if (g.isEmpty()) throw new InvalidSite("geometry is empty");
        for (Coordinate c : g.getCoordinates()) {
            if (!Double.isFinite(c.x) || !Double.isFinite(c.y)) throw new InvalidSite("geometry has a coordinate that is not a finite number");
            if (c.x < -180 || c.x > 180) throw new InvalidSite("longitude " + c.x + " is outside -180..180");
            if (c.y < -90 || c.y > 90) throw new InvalidSite("latitude " + c.y + " is outside -90..90");
        }
        if (g instanceof Point) return g;
        Geometry valid = g;
        if (!g.isValid()) {
            valid = GeometryFixer.fix(g);
            if (valid.isEmpty() || valid.getArea() == 0) throw new InvalidSite("polygon has no area even after repair");
            notes.add("polygon was invalid (e.g. self-intersecting) and was repaired with JTS GeometryFixer");
        }
        double km2 = Geodesics.areaSquareMetres(valid) / 1e6;
        if (km2 > maxAreaKm2) throw new InvalidSite(String.format("polygon covers %.0f km², more than the %.0f km² a site may", km2, maxAreaKm2));
        valid.setSRID(4326);
        return valid;
    }

    private static double coordinate(String field, String raw, double limit) {
        if (raw == null || raw.isBlank()) throw new InvalidSite(field + " is missing");
        double v = degrees(field, raw);
        if (!Double.isFinite(v) || v < -limit || v > limit) throw new InvalidSite(field + " " + raw + " is outside -" + (int) limit + ".." + (int) limit);
        return v;
    }

    /** A plain number, or an angle as people type it into a spreadsheet (119.6°E, 东经119度36分12秒). */
    private static double degrees(String field, String raw) {
        try {
            return Double.parseDouble(raw.trim());
        } catch (NumberFormatException notPlain) {
            // degrees, minutes, seconds
        }
        OptionalDouble angle;
        try {
            angle = CoordinateText.angle(raw, field.equals("lon"));
        } catch (UnreadableCoordinates e) {
            throw new InvalidSite(field + " '" + raw + "': " + e.getMessage());
        }
        return angle.orElseThrow(() -> new InvalidSite(field + " is not a number: '" + raw + "'"));
    }

    private static Double number(String field, String raw, double min, double max) {
        if (raw == null) return null;
        double v;
        try {
            v = Double.parseDouble(raw);
        } catch (NumberFormatException e) {
            throw new InvalidSite(field + " is not a number: '" + raw + "'");
        }
        if (!Double.isFinite(v) || v < min || v > max) throw new InvalidSite(field + " must be between " + (int) min + " and " + (int) max + ", got " + raw);
        return v;
    }

    private static boolean bool(String field, String raw, boolean fallback) {
        if (raw == null) return fallback;
        return switch (raw.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1", "是" -> true;
            case "false", "no", "0", "否" -> false;
            default -> throw new InvalidSite(field + " must be true or false, got '" + raw + "'");
        };
    }

    private static String lower(String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }
}
