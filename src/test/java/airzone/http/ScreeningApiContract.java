package airzone.http;

import airzone.layer.Feature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.densify.Densifier;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Screening of single sites against the sample data, with GeographicLib as the distance oracle; runs once per store. */
abstract class ScreeningApiContract extends ServiceContract {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aNewCoalBoilerInCentralHaigangIsProhibitedByTheBanZone() {
        JsonNode result = screen("lon=119.60&lat=39.94&fuel=coal&boiler_tph=20&new=true");
        assertThat(result.get("verdict").asText()).isEqualTo("prohibited");
        assertThat(result.get("district").get("name").asText()).isEqualTo("海港区");
        JsonNode ban = only(result, "ban-zone-class");
        assertThat(ban.get("severity").asText()).isEqualTo("prohibited");
        assertThat(ban.get("layer").asText()).isEqualTo("ban-zones");
        assertThat(ban.get("featureId").asText()).isEqualTo("sample-ban-haigang-iii");
        assertThat(ban.get("message_zh").asText()).contains("禁燃区");
        assertThat(ban.get("citation").get("document").asText()).isNotBlank();
        assertThat(ban.get("citation").get("clause").asText()).isNotBlank();
    }

    @Test
    void theSameBoilerInQinglongCountrysideMeetsTheBoilerSizeRuleInstead() {
        JsonNode result = screen("lon=118.95&lat=40.40&fuel=coal&boiler_tph=20&new=true");
        assertThat(result.get("district").get("name").asText()).isEqualTo("青龙满族自治县");
        assertThat(findings(result, "ban-zone-class")).isEmpty();
        JsonNode boiler = only(result, "boiler-size");
        assertThat(boiler.get("severity").asText()).isEqualTo("prohibited");
        assertThat(boiler.get("citation").get("document").asText()).isEqualTo("000_dbaa7cefc8c1cc82.txt");
        assertThat(boiler.get("citation").get("clause").asText()).isEqualTo("7");
        // a central-heating boiler is the exception the Qinhuangdao plan makes
        assertThat(findings(screen("lon=118.95&lat=40.40&fuel=coal&boiler_tph=20&new=true&boiler_use=heating"), "boiler-size")).isEmpty();
    }

    @Test
    void anExistingCoalHeatingBoiler10kmFromAChifengChpPlantMustClose() {
        Feature plant = service.app().store().item("heat-sources", "chifeng-xincheng-chp").orElseThrow();
        GeodesicData site = Geodesic.WGS84.Direct(plant.geometry().getCoordinate().y, plant.geometry().getCoordinate().x, 200, 10_000);

        JsonNode result = screen(String.format(Locale.ROOT, "lon=%.8f&lat=%.8f&fuel=coal&boiler_tph=10&boiler_use=heating&new=false", site.lon2, site.lat2));

        JsonNode radius = only(result, "heating-radius");
        assertThat(radius.get("severity").asText()).isEqualTo("action_required");
        assertThat(radius.get("featureId").asText()).isEqualTo("chifeng-xincheng-chp");
        assertThat(radius.get("name").asText()).isEqualTo("国家电投赤峰新城热电公司");
        assertThat(radius.get("distance_km").asDouble()).isCloseTo(10.0, within(0.001));
        assertThat(radius.get("citation").get("document").asText()).isEqualTo("001_ef308584dc4f70ff.txt");
        assertThat(radius.get("citation").get("clause").asText()).isEqualTo("（七）");
        assertThat(result.get("verdict").asText()).isIn("action_required", "prohibited");
    }

    @Test
    void aKeyGasProject10kmFromTheInnerMongoliaHebeiBorderNeedsConsultationWithHebei() {
        Geometry border = service.app().store().item("border-lines", "border-130000-150000").orElseThrow().geometry();
        Geometry innerMongolia = service.app().store().item("provinces", "150000").orElseThrow().geometry();
        Coordinate site = pointInside(border, innerMongolia, 10_000, new Coordinate(119.0, 41.4));

        JsonNode result = screen(String.format(Locale.ROOT, "lon=%.8f&lat=%.8f&key_gas_industry=true&new=true&industry=chemicals", site.x, site.y));

        assertThat(result.get("district").get("city").asText()).isEqualTo("赤峰市");
        JsonNode consultation = only(result, "border-consultation");
        assertThat(consultation.get("severity").asText()).isEqualTo("action_required");
        assertThat(consultation.get("message_zh").asText()).contains("河北省");
        assertThat(consultation.get("message_en").asText()).contains("河北省");
        assertThat(consultation.get("citation").get("clause").asText()).isEqualTo("（二十一）");
        assertThat(consultation.get("distance_km").asDouble() * 1000).isCloseTo(oracleMetres(site, border), within(1.0));
    }

    /**
     * Near the Hebei–Liaoning–Inner Mongolia tri-point a site in Chifeng lies within 20 km of two
     * borders of its province: each is a consultation of its own, naming its neighbour, at its own
     * distance (GeographicLib). The Hebei–Liaoning border, which runs from the tri-point too, is not
     * Inner Mongolia's and gives none.
     */
    @Test
    void aKeyGasProjectNearTheTriPointConsultsHebeiAndLiaoningEach() {
        Geometry hebei = near(service.app().store().item("border-lines", "border-130000-150000").orElseThrow().geometry(), TRI_POINT);
        Geometry liaoning = near(service.app().store().item("border-lines", "border-150000-210000").orElseThrow().geometry(), TRI_POINT);
        Coordinate site = pointAt(liaoning, 5_500, hebei, 10_000, new Coordinate(TRI_POINT.x - 0.05, TRI_POINT.y + 0.05));
        assertThat(service.app().store().item("provinces", "150000").orElseThrow().geometry()
                .contains(new GeometryFactory().createPoint(site))).as("the site %s is in Inner Mongolia", site).isTrue();

        JsonNode result = screen(String.format(Locale.ROOT, "lon=%.8f&lat=%.8f&key_gas_industry=true&new=true&industry=chemicals", site.x, site.y));

        assertThat(result.get("district").get("city").asText()).isEqualTo("赤峰市");
        List<JsonNode> consultations = findings(result, "border-consultation");
        assertThat(consultations).extracting(f -> f.get("featureId").asText())
                .as(result.toString()).containsExactly("border-150000-210000", "border-130000-150000");
        JsonNode withLiaoning = consultations.get(0);
        JsonNode withHebei = consultations.get(1);
        for (JsonNode f : consultations) assertThat(f.get("severity").asText()).isEqualTo("action_required");
        assertThat(withLiaoning.get("message_zh").asText()).contains("须与辽宁省开展环评一致性会商");
        assertThat(withLiaoning.get("message_en").asText()).contains("consultation with 辽宁省");
        assertThat(withHebei.get("message_zh").asText()).contains("须与河北省开展环评一致性会商");
        assertThat(withLiaoning.get("distance_km").asDouble()).isCloseTo(5.5, within(0.001));
        assertThat(withHebei.get("distance_km").asDouble()).isCloseTo(10.0, within(0.001));
        assertThat(result.get("verdict").asText()).isEqualTo("action_required");
    }

    /** Where the borders of Hebei, Liaoning and Inner Mongolia meet in the sample provinces. */
    private static final Coordinate TRI_POINT = new Coordinate(119.240234, 41.31543);

    /** The part of a border within about 60 km of {@code point}: what the oracle needs there, at a fraction of the cost. */
    private static Geometry near(Geometry border, Coordinate point) {
        return border.intersection(new GeometryFactory().toGeometry(new org.locationtech.jts.geom.Envelope(
                point.x - 0.7, point.x + 0.7, point.y - 0.55, point.y + 0.55)));
    }

    /** The point {@code toA} metres from line {@code a} and {@code toB} from {@code b} nearest {@code start}: Newton's method on the oracle distances. */
    private static Coordinate pointAt(Geometry a, double toA, Geometry b, double toB, Coordinate start) {
        Coordinate p = start;
        double h = 1e-4;
        for (int i = 0; i < 30; i++) {
            double fa = oracleMetres(p, a) - toA;
            double fb = oracleMetres(p, b) - toB;
            if (Math.abs(fa) < 0.05 && Math.abs(fb) < 0.05) return p;
            Coordinate px = new Coordinate(p.x + h, p.y);
            Coordinate py = new Coordinate(p.x, p.y + h);
            double ax = (oracleMetres(px, a) - toA - fa) / h;
            double ay = (oracleMetres(py, a) - toA - fa) / h;
            double bx = (oracleMetres(px, b) - toB - fb) / h;
            double by = (oracleMetres(py, b) - toB - fb) / h;
            double det = ax * by - ay * bx;
            p = new Coordinate(p.x - (fa * by - fb * ay) / det, p.y - (ax * fb - bx * fa) / det);
        }
        throw new AssertionError("no point " + toA + " m from one border and " + toB + " m from the other near " + start);
    }

    @ParameterizedTest
    @CsvSource({"119.60,39.94,000_dbaa7cefc8c1cc82.txt", "119.20,40.00,000_dbaa7cefc8c1cc82.txt", "114.49,36.60,004_729835d2cc3d7230.txt"})
    void newSteelIsProhibitedInQinhuangdaoAndHandan(double lon, double lat, String document) {
        JsonNode result = screen("lon=" + lon + "&lat=" + lat + "&industry=steel&new=true");
        assertThat(result.get("verdict").asText()).isEqualTo("prohibited");
        List<String> cited = new ArrayList<>();
        for (JsonNode f : result.get("findings")) {
            if (f.get("rule").asText().startsWith("admission:") && f.get("severity").asText().equals("prohibited")) {
                cited.add(f.get("citation").get("document").asText() + " " + f.get("citation").get("clause").asText());
            }
        }
        assertThat(cited).contains(document + " 1");
    }

    @Test
    void newSteelInQinzhouGetsNoAdmissionFindingFromHebeiOrQinhuangdao() {
        JsonNode result = screen("lon=108.62&lat=21.96&industry=steel&new=true");
        assertThat(result.get("district").get("city").asText()).isEqualTo("钦州市");
        for (JsonNode f : result.get("findings")) {
            assertThat(f.get("citation").get("document").asText()).isNotIn("000_dbaa7cefc8c1cc82.txt", "004_729835d2cc3d7230.txt");
        }
    }

    @Test
    void aPolygonSiteCountsAsInsideWhenItIntersects() {
        String body = """
                {"type": "Feature", "properties": {"name": "边界项目", "fuel": "coal", "boiler_tph": 5, "new": true},
                 "geometry": {"type": "Polygon", "coordinates": [[[119.63, 39.95], [119.70, 39.95], [119.70, 40.00], [119.63, 40.00], [119.63, 39.95]]]}}""";
        JsonNode result = json(post("/api/screen", body), 200);
        assertThat(only(result, "ban-zone-class").get("featureId").asText()).isEqualTo("sample-ban-haigang-iii");
        assertThat(result.get("site").get("name").asText()).isEqualTo("边界项目");
    }

    @Test
    void aSelfIntersectingPolygonIsRepairedAndSaysSo() {
        String bowTie = """
                {"type": "Feature", "properties": {},
                 "geometry": {"type": "Polygon", "coordinates": [[[119.55, 39.93], [119.60, 39.96], [119.60, 39.93], [119.55, 39.96], [119.55, 39.93]]]}}""";
        JsonNode result = json(post("/api/screen", bowTie), 200);
        assertThat(result.get("site").get("notes").toString()).contains("repaired");
        assertThat(result.get("district").get("name").asText()).isEqualTo("海港区");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "lat=39.9|lon",
            "lon=abc&lat=39.9|lon",
            "lon=119.6|lat",
            "lon=181&lat=39.9|lon",
            "lon=119.6&lat=-91|lat",
            "lon=119.6&lat=39.9&fuel=uranium|coal_low_sulphur",
            "lon=119.6&lat=39.9&industry=spaceport|industry",
            "lon=119.6&lat=39.9&boiler_tph=lots|boiler_tph",
            "lon=119.6&lat=39.9&boiler_tph=-5|boiler_tph",
            "lon=119.6&lat=39.9&new=maybe|new",
            "lon=119.6&lat=39.9&boiler_use=cooking|boiler_use"})
    void badSitesAre400NamingTheField(String query, String named) {
        HttpResponse<String> response = service.get("/api/screen?" + query);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(parse(response.body()).get("detail").asText()).contains(named);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{not json|JSON",
            "[]|GeoJSON Feature",
            "{\"type\": \"FeatureCollection\", \"features\": []}|GeoJSON Feature",
            "{\"type\": \"Feature\", \"properties\": {}}|geometry",
            "{\"type\": \"Feature\", \"properties\": {}, \"geometry\": {\"type\": \"LineString\", \"coordinates\": [[119, 39], [120, 40]]}}|Point",
            "{\"type\": \"Feature\", \"properties\": {}, \"geometry\": {\"type\": \"Polygon\", \"coordinates\": []}}|empty",
            "{\"type\": \"Feature\", \"properties\": {}, \"geometry\": {\"type\": \"Point\", \"coordinates\": [1e308, 39]}}|longitude",
            "{\"type\": \"Feature\", \"properties\": {}, \"geometry\": {\"type\": \"Polygon\", \"coordinates\": [[[110, 30], [120, 30], [120, 40], [110, 40], [110, 30]]]}}|km²"})
    void badBodiesAre400(String body, String named) {
        HttpResponse<String> response = post("/api/screen", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(parse(response.body()).get("detail").asText()).contains(named);
    }

    @Test
    void theIndustryCatalogueIsPublished() {
        JsonNode catalogue = json(service.get("/api/industries"), 200);
        assertThat(catalogue.get("industries").get("steel").get("name_zh").asText()).contains("钢铁");
        assertThat(catalogue.get("fuels").has("coal_low_sulphur")).isTrue();
    }

    @Test
    void theHeatingRadiusFindingCarriesTheGeodesicToThePlant() {
        Coordinate plant = service.app().store().item("heat-sources", "chifeng-xincheng-chp").orElseThrow().geometry().getCoordinate();
        GeodesicData site = Geodesic.WGS84.Direct(plant.y, plant.x, 200, 10_000);
        JsonNode result = screen(String.format(Locale.ROOT, "lon=%.8f&lat=%.8f&fuel=coal&boiler_tph=10&boiler_use=heating&new=false", site.lon2, site.lat2));

        JsonNode radius = only(result, "heating-radius");
        JsonNode line = radius.get("line");
        assertGeodesicLine(line, radius.get("distance_km").asDouble());
        JsonNode first = line.get("coordinates").get(0);
        JsonNode last = line.get("coordinates").get(line.get("coordinates").size() - 1);
        // GeoJSON carries 7 decimals (1 cm)
        assertThat(first.get(0).asDouble()).as("starts at the site").isCloseTo(site.lon2, within(1e-7));
        assertThat(first.get(1).asDouble()).isCloseTo(site.lat2, within(1e-7));
        assertThat(last.get(0).asDouble()).as("ends at the plant").isCloseTo(plant.x, within(1e-7));
        assertThat(last.get(1).asDouble()).isCloseTo(plant.y, within(1e-7));
        // findings with no distance have no line
        for (JsonNode f : result.get("findings")) if (f.get("distance_km").isNull()) assertThat(f.has("line")).as(f.toString()).isFalse();
    }

    @Test
    void theBorderFindingCarriesTheGeodesicToTheBordersNearestPoint() {
        Geometry border = service.app().store().item("border-lines", "border-130000-150000").orElseThrow().geometry();
        Geometry innerMongolia = service.app().store().item("provinces", "150000").orElseThrow().geometry();
        Coordinate site = pointInside(border, innerMongolia, 12_000, new Coordinate(118.4, 42.0));
        JsonNode result = screen(String.format(Locale.ROOT, "lon=%.8f&lat=%.8f&key_gas_industry=true&new=true", site.x, site.y));

        JsonNode nearest = null;
        for (JsonNode f : findings(result, "border-consultation")) {
            if (nearest == null || f.get("distance_km").asDouble() < nearest.get("distance_km").asDouble()) nearest = f;
        }
        assertThat(nearest).as(result.toString()).isNotNull();
        assertThat(nearest.get("distance_km").asDouble() * 1000).isCloseTo(oracleMetres(site, border), within(1.0));
        JsonNode coordinates = nearest.get("line").get("coordinates");
        assertGeodesicLine(nearest.get("line"), nearest.get("distance_km").asDouble());
        assertThat(coordinates.get(0).get(0).asDouble()).isCloseTo(site.x, within(1e-7));
        assertThat(coordinates.get(0).get(1).asDouble()).isCloseTo(site.y, within(1e-7));
        JsonNode end = coordinates.get(coordinates.size() - 1);
        Coordinate onBorder = new Coordinate(end.get(0).asDouble(), end.get(1).asDouble());
        assertThat(border.distance(new GeometryFactory().createPoint(onBorder))).as("the far end lies on the border (degrees)").isLessThan(1e-6);
    }

    /**
     * A LineString whose every vertex lies on the geodesic between its ends, at most 2 km apart, and
     * whose length is the distance: to within what 7 decimals (1 cm a vertex) allow.
     */
    private static void assertGeodesicLine(JsonNode line, double distanceKm) {
        assertThat(line.get("type").asText()).isEqualTo("LineString");
        JsonNode c = line.get("coordinates");
        assertThat(c.size()).isGreaterThanOrEqualTo((int) Math.ceil(distanceKm / 2) + 1);
        JsonNode a = c.get(0);
        JsonNode b = c.get(c.size() - 1);
        double whole = Geodesic.WGS84.Inverse(a.get(1).asDouble(), a.get(0).asDouble(), b.get(1).asDouble(), b.get(0).asDouble()).s12;
        double length = 0;
        for (int i = 1; i < c.size(); i++) {
            JsonNode p = c.get(i - 1);
            JsonNode q = c.get(i);
            double step = Geodesic.WGS84.Inverse(p.get(1).asDouble(), p.get(0).asDouble(), q.get(1).asDouble(), q.get(0).asDouble()).s12;
            assertThat(step).as("a vertex every 2 km").isLessThanOrEqualTo(2_000.03);
            length += step;
            double viaQ = Geodesic.WGS84.Inverse(a.get(1).asDouble(), a.get(0).asDouble(), q.get(1).asDouble(), q.get(0).asDouble()).s12
                    + Geodesic.WGS84.Inverse(q.get(1).asDouble(), q.get(0).asDouble(), b.get(1).asDouble(), b.get(0).asDouble()).s12;
            assertThat(viaQ).as("vertex %d lies on the geodesic", i).isCloseTo(whole, within(0.03));
        }
        assertThat(length / 1000).as("the line's geodesic length is distance_km").isCloseTo(distanceKm, within(0.0005));
    }

    @Test
    void theScreeningSaysWhichDataItWasMadeFrom() {
        JsonNode versions = screen("lon=119.60&lat=39.94").get("data_versions");
        assertThat(versions.get("store").asText()).isEqualTo(service.app().store().kind());
        List<String> ids = new ArrayList<>();
        for (JsonNode v : versions.get("collections")) {
            String id = v.get("collection").asText();
            ids.add(id);
            List<Feature> features = service.app().store().all(id);
            assertThat(v.get("features").asLong()).as(id).isEqualTo(features.size());
            assertThat(v.get("max_version").asLong()).as(id).isEqualTo(features.stream().mapToLong(Feature::version).max().orElse(0));
            assertThat(v.get("title_zh").asText()).isNotBlank();
            assertThat(v.get("title_en").asText()).isNotBlank();
        }
        assertThat(ids).contains("districts", "heat-sources", "ban-zones", "border-lines");
    }

    @Test
    void typedCoordinatesAreReadAndAGaussKrugerPairSaysItsCrs() {
        JsonNode gk = json(service.get("/api/coordinates?text=" + encode("X=4424412.3 Y=40551209.8")), 200);
        assertThat(gk.get("kind").asText()).isEqualTo("gauss-kruger");
        assertThat(gk.get("crs").asText()).isEqualTo("EPSG:4528");
        assertThat(gk.get("zone").asInt()).isEqualTo(40);
        assertThat(gk.get("lon").asDouble()).isBetween(120.5, 120.7);
        assertThat(gk.get("read").asText()).startsWith("EPSG:4528 X=4424412.3 Y=40551209.8 → ");
        JsonNode six = json(service.get("/api/coordinates?text=" + encode("X=4424412.3 Y=551209.8") + "&zone=40"), 200);
        assertThat(six.get("crs").asText()).isEqualTo("EPSG:4549");
        assertThat(six.get("lon").asDouble()).isCloseTo(gk.get("lon").asDouble(), within(1e-12));

        JsonNode dms = json(service.get("/api/coordinates?text=" + encode("118°57′00″E 42°16′48″N")), 200);
        assertThat(dms.get("kind").asText()).isEqualTo("dms");
        assertThat(dms.get("crs").asText()).isEqualTo("EPSG:4490");
        assertThat(dms.has("zone")).isFalse();
        assertThat(dms.get("lon").asDouble()).isCloseTo(118.95, within(1e-12));
        assertThat(dms.get("lat").asDouble()).isCloseTo(42.28, within(1e-12));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "text=|no coordinates given",
            "text=42.28,118.95|latitude 118.95",
            "text=X%3D4424412.3+Y%3D551209.8&zone=60|zone 60",
            "text=somewhere+nice|could not read 'somewhere'"})
    void unreadableCoordinatesAre400SayingWhat(String query, String says) {
        HttpResponse<String> response = service.get("/api/coordinates?" + query);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(parse(response.body()).get("detail").asText()).contains(says);
        assertThat(service.get("/api/coordinates").statusCode()).isEqualTo(400);
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A point inside {@code side}, {@code metres} (geodesic) from {@code border}, found by walking from the border vertex nearest {@code near}. */
    private static Coordinate pointInside(Geometry border, Geometry side, double metres, Coordinate near) {
        Coordinate start = null;
        for (Coordinate c : border.getCoordinates()) if (start == null || c.distance(near) < start.distance(near)) start = c;
        GeometryFactory factory = new GeometryFactory();
        for (int azimuth = 0; azimuth < 360; azimuth += 5) {
            double s = metres;
            for (int i = 0; i < 30; i++) {
                GeodesicData d = Geodesic.WGS84.Direct(start.y, start.x, azimuth, s);
                Coordinate p = new Coordinate(d.lon2, d.lat2);
                double oracle = oracleMetres(p, border);
                if (Math.abs(oracle - metres) < 1) {
                    if (side.contains(factory.createPoint(p))) return p;
                    break;
                }
                s += metres - oracle;
            }
        }
        throw new AssertionError("no point " + metres + " m from the border found near " + near);
    }

    /** Geodesic distance to a line, as the minimum over its vertices densified to 20 m (error < s²/8d, millimetres). */
    static double oracleMetres(Coordinate p, Geometry line) {
        double best = Double.MAX_VALUE;
        for (Coordinate c : Densifier.densify(line, 0.0002).getCoordinates()) {
            best = Math.min(best, Geodesic.WGS84.Inverse(p.y, p.x, c.y, c.x).s12);
        }
        return best;
    }

    private JsonNode screen(String query) {
        return json(service.get("/api/screen?" + query), 200);
    }

    private static List<JsonNode> findings(JsonNode result, String rule) {
        List<JsonNode> matching = new ArrayList<>();
        result.get("findings").forEach(f -> {
            if (f.get("rule").asText().equals(rule)) matching.add(f);
        });
        return matching;
    }

    private static JsonNode only(JsonNode result, String rule) {
        List<JsonNode> matching = findings(result, rule);
        assertThat(matching).as(result.toString()).hasSize(1);
        return matching.get(0);
    }

    private HttpResponse<String> post(String path, String body) {
        return service.send("POST", path, body, "Content-Type", "application/geo+json");
    }

    private static JsonNode json(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return parse(response.body());
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }
}
