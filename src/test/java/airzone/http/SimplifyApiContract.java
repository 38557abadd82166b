package airzone.http;

import airzone.geo.GeoJson;
import airzone.layer.Feature;
import airzone.layer.FeatureStore;
import airzone.layer.SimplifiedViews;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.coverage.CoverageValidator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code simplify} extension on the district and province items over the real sample data; runs
 * once per store. The sample coverages have a few small defects of their own (README, Known limits),
 * so "still a coverage" means: no gap or overlap where the stored polygons had none.
 */
abstract class SimplifyApiContract extends ServiceContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final GeometryFactory GEOMETRY = new GeometryFactory();
    /**
     * Segments nearer than this to a neighbour they do not match count as a defect: a gap opening
     * between two districts that shared a border starts at a point they still share. About 1 m: narrow
     * channels of sea between a coast and its islands are no gaps.
     */
    private static final double GAP_DEGREES = 1e-5;
    /** How far from a stored defect a defect of a simplified level may lie: the same one, moved by the rounding. */
    private static final double SAME_DEFECT_METRES = 50;
    /** Overlaps smaller than this (about 0.01 km²) are rounding noise. */
    private static final double OVERLAP_DEGREES2 = 1e-6;
    /** The level the map's first view asks for (half a pixel at zoom 5 is about 2 km). */
    private static final int FIRST_VIEW = 1600;

    @Test
    void districtsHaveNoGapOrOverlapAtAnyLevelWhereTheStoredOnesHaveNone() {
        List<JsonNode> stored = features("districts", "");
        Geometry storedDefects = defects(geometries(stored));
        for (int metres : SimplifiedViews.LEVELS) {
            List<JsonNode> simplified = features("districts", "&simplify=" + metres);
            assertThat(ids(simplified)).as(metres + " m: the same districts").isEqualTo(ids(stored));
            for (int i = 0; i < stored.size(); i++) {
                assertThat(simplified.get(i).get("properties")).as("properties").isEqualTo(stored.get(i).get("properties"));
            }
            List<Geometry> geometries = geometries(simplified);
            assertThat(geometries).as(metres + " m: valid polygons").allSatisfy(g -> assertThat(g.isValid()).isTrue());
            Geometry defects = defects(geometries);
            for (int i = 0; i < defects.getNumGeometries(); i++) {
                Geometry defect = defects.getGeometryN(i);
                assertThat(defect.distance(storedDefects) * 111_320).as(metres + " m: defect at " + defect.getCentroid()
                        + " is new").isLessThan(SAME_DEFECT_METRES);
            }
        }
    }

    /**
     * The stored provinces do not share their borders vertex for vertex everywhere (Hebei and Shandong
     * overlap by 25 km²), so the validator finds mismatches wherever the two sides are simplified
     * apart; what must hold is that no two provinces come to overlap that did not.
     */
    @Test
    void provincesComeToOverlapNowhere() {
        List<Geometry> stored = geometries(features("provinces", ""));
        for (int metres : SimplifiedViews.LEVELS) {
            List<Geometry> simplified = geometries(features("provinces", "&simplify=" + metres));
            assertThat(simplified).as(metres + " m: valid polygons").hasSameSizeAs(stored)
                    .allSatisfy(g -> assertThat(g.isValid()).isTrue());
            for (int i = 0; i < stored.size(); i++) {
                for (int j = i + 1; j < stored.size(); j++) {
                    if (stored.get(i).intersection(stored.get(j)).getArea() > OVERLAP_DEGREES2) continue;
                    assertThat(simplified.get(i).intersection(simplified.get(j)).getArea())
                            .as(metres + " m: provinces " + i + " and " + j).isLessThan(OVERLAP_DEGREES2);
                }
            }
        }
    }

    @Test
    void everyLevelIsSmallerThanTheNextFinerAndTheFirstViewATenthOfTheStoredLayer() {
        for (String collection : List.of("districts", "provinces")) {
            long storedVertices = vertices(geometries(features(collection, "")));
            long storedBytes = gzipped(service.get(items(collection, "")).body());
            long finer = storedVertices;
            for (int metres : SimplifiedViews.LEVELS) {
                long v = vertices(geometries(features(collection, "&simplify=" + metres)));
                assertThat(v).as(collection + " at " + metres + " m, vertices").isLessThan(finer);
                finer = v;
            }
            String firstView = service.get(items(collection, "&simplify=" + FIRST_VIEW)).body();
            assertThat(vertices(geometries(features(firstView)))).as(collection + " vertices at the first view")
                    .isLessThan(storedVertices / 10);
            assertThat(gzipped(firstView)).as(collection + " bytes at the first view, gzipped").isLessThan(storedBytes / 10);
        }
    }

    @Test
    void withoutTheParameterItemsExportsAndScreeningUseTheStoredGeometry() throws IOException {
        for (int metres : SimplifiedViews.LEVELS) features("districts", "&simplify=" + metres);
        List<Geometry> seed = seedDistricts();

        assertThat(geometries(features("districts", ""))).as("items").hasSameSizeAs(seed)
                .zipSatisfy(seed, (served, original) -> assertThat(normal(served).equalsExact(normal(original), 1e-7)).isTrue());
        JsonNode export = JSON.readTree(service.get("/api/export/districts?format=geojson").body());
        List<JsonNode> exported = new ArrayList<>();
        export.get("features").forEach(exported::add);
        assertThat(geometries(exported)).as("export").hasSameSizeAs(seed)
                .zipSatisfy(seed, (served, original) -> assertThat(normal(served).equalsExact(normal(original), 1e-7)).isTrue());

        // a point the coarsest level gives to a neighbour: screening still finds the district that holds it
        List<JsonNode> stored = features("districts", "");
        List<Geometry> coarse = geometries(features("districts", "&simplify=3200"));
        Point moved = null;
        String owner = null;
        for (int i = 0; i < stored.size() && moved == null; i++) {
            Geometry lost = seed.get(i).difference(coarse.get(i));
            for (int k = 0; k < lost.getNumGeometries() && moved == null; k++) {
                Point p = lost.getGeometryN(k).getInteriorPoint();
                if (lost.getGeometryN(k).getArea() > 1e-5 && seed.get(i).contains(p) && coarse.stream().anyMatch(g -> g.contains(p))) {
                    moved = p;
                    owner = stored.get(i).get("properties").get("name").asText();
                }
            }
        }
        assertThat(moved).as("a point that simplification moves to a neighbour").isNotNull();
        JsonNode screening = JSON.readTree(service.get(String.format(Locale.ROOT, "/api/screen?lon=%.7f&lat=%.7f",
                moved.getX(), moved.getY())).body());
        assertThat(screening.get("district").get("name").asText()).isEqualTo(owner);
    }

    /** A district written to the store (as an import of official boundaries would) shows in every level asked for afterwards. */
    @Test
    void aChangeToTheCollectionReachesTheCachedLevels() {
        String bohai = "&bbox=120.4,39.4,120.6,39.6";
        assertThat(features("districts", "&simplify=800" + bohai)).as("nothing in the Bohai Sea yet").isEmpty();
        FeatureStore store = service.app().store();
        Feature island = store.upsert("districts", List.of(new Feature("test-island", GeoJson.parseObject("{\"name\":\"测试岛\"}"),
                wigglySquare(), 0)), "test", "import").features().get(0);
        try {
            List<JsonNode> found = features("districts", "&simplify=800" + bohai);
            assertThat(ids(found)).containsExactly("test-island");
            assertThat(vertices(geometries(found))).as("simplified, not the stored " + island.geometry().getNumPoints() + " vertices")
                    .isLessThan(island.geometry().getNumPoints() / 4);
        } finally {
            store.delete("districts", "test-island", island.version(), "test");
        }
        assertThat(features("districts", "&simplify=800" + bohai)).as("and gone once deleted").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"simplify=abc", "simplify=", "simplify=0", "simplify=150", "simplify=-800", "simplify=800.0",
            "simplify=1e3", "simplify=6400"})
    void otherValuesAre400NamingTheLevels(String query) throws IOException {
        HttpResponse<String> response = service.get("/ogc/collections/districts/items?" + query);
        assertThat(response.statusCode()).as(query).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("detail").asText()).contains("simplify", "1600");
    }

    @ParameterizedTest
    @ValueSource(strings = {"heat-sources", "ban-zones", "border-buffers"})
    void otherCollectionsAre400(String collection) throws IOException {
        HttpResponse<String> response = service.get("/ogc/collections/" + collection + "/items?simplify=800");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("detail").asText()).contains("simplify", "districts", "provinces");
    }

    @Test
    void simplifiedPagesHaveTheirOwnEtagsPageAndFilterLikeTheStoredOnes() throws IOException {
        HttpResponse<String> page = service.get(items("districts", "&simplify=800"));
        String etag = page.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).isNotEqualTo(service.get(items("districts", "")).headers().firstValue("ETag").orElseThrow());
        assertThat(page.headers().firstValue("Cache-Control")).as("kept, and asked again before use").contains("no-cache");
        assertThat(service.get(items("districts", "&simplify=800"), "If-None-Match", etag).statusCode()).isEqualTo(304);

        JsonNode first = JSON.readTree(service.get("/ogc/collections/districts/items?limit=100&simplify=800").body());
        String next = null;
        for (JsonNode link : first.get("links")) if (link.get("rel").asText().equals("next")) next = link.get("href").asText();
        assertThat(next).contains("simplify=800", "offset=100");

        String qinhuangdao = "&bbox=119.5,39.85,119.65,39.95";
        assertThat(ids(features("districts", "&simplify=3200" + qinhuangdao))).isEqualTo(ids(features("districts", qinhuangdao)));
    }

    @Test
    void theLevelsAreListedInTheApiDocumentAndForThePage() throws IOException {
        JsonNode api = JSON.readTree(service.get("/ogc/api").body());
        assertThat(api.at("/components/parameters/simplify/schema/enum").toString()).isEqualTo(SimplifiedViews.LEVELS.toString().replace(" ", ""));
        assertThat(api.at("/paths/~1collections~1{collectionId}~1items/get/parameters").toString()).contains("#/components/parameters/simplify");
        assertThat(JSON.readTree(service.get("/api/config").body()).get("simplifyLevels").toString())
                .isEqualTo(SimplifiedViews.LEVELS.toString().replace(" ", ""));
    }

    private static String items(String collection, String query) {
        return "/ogc/collections/" + collection + "/items?limit=10000" + query;
    }

    private List<JsonNode> features(String collection, String query) {
        HttpResponse<String> response = service.get(items(collection, query));
        assertThat(response.statusCode()).as(collection + query + " → " + response.body()).isEqualTo(200);
        return features(response.body());
    }

    private static List<JsonNode> features(String body) {
        try {
            List<JsonNode> features = new ArrayList<>();
            JSON.readTree(body).get("features").forEach(features::add);
            return features;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> ids(List<JsonNode> features) {
        return features.stream().map(f -> f.get("id").asText()).toList();
    }

    private static List<Geometry> geometries(List<JsonNode> features) {
        GeoJsonReader reader = new GeoJsonReader();
        return features.stream().map(f -> {
            try {
                return reader.read(f.get("geometry").toString());
            } catch (ParseException e) {
                throw new AssertionError(e);
            }
        }).toList();
    }

    /** The seed file's districts in the order of the API (by id). */
    private static List<Geometry> seedDistricts() throws IOException {
        try (InputStream in = SimplifyApiContract.class.getClassLoader().getResourceAsStream("gis-data/districts.geojson")) {
            List<JsonNode> features = new ArrayList<>();
            JSON.readTree(in).get("features").forEach(features::add);
            features.sort(Comparator.comparing(f -> f.get("id").asText()));
            return geometries(features);
        }
    }

    /** Rings oriented and started alike, a one-part MultiPolygon as its Polygon: what writers may differ in. */
    private static Geometry normal(Geometry g) {
        Geometry single = g instanceof MultiPolygon m && m.getNumGeometries() == 1 ? m.getGeometryN(0) : g;
        return single.norm();
    }

    /** Every segment the validator finds out of place: overlaps, borders that do not match, gaps narrower than {@link #GAP_DEGREES}. */
    private static Geometry defects(List<Geometry> coverage) {
        List<Geometry> parts = new ArrayList<>();
        for (Geometry invalid : CoverageValidator.validate(coverage.toArray(Geometry[]::new), GAP_DEGREES)) {
            if (invalid == null) continue;
            for (int i = 0; i < invalid.getNumGeometries(); i++) parts.add(invalid.getGeometryN(i));
        }
        return GEOMETRY.buildGeometry(parts);
    }

    private static long vertices(List<Geometry> geometries) {
        return geometries.stream().mapToLong(Geometry::getNumPoints).sum();
    }

    private static long gzipped(String body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(body.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.size();
    }

    /** A 0.1° square in the Bohai Sea whose west side zigzags 0.0005° (55 m) either way, 200 teeth. */
    private static Geometry wigglySquare() {
        List<Coordinate> ring = new ArrayList<>();
        for (int i = 0; i <= 200; i++) ring.add(new Coordinate(120.45 + (i % 2 == 0 ? 0 : 0.0005), 39.55 - i * 0.0005));
        ring.add(new Coordinate(120.55, 39.45));
        ring.add(new Coordinate(120.55, 39.55));
        ring.add(ring.get(0));
        return GEOMETRY.createPolygon(ring.toArray(Coordinate[]::new));
    }
}
