package airzone.rules;

import airzone.RunningService;
import airzone.layer.Feature;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.operation.union.UnaryUnionOp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 3, border buffers against an independent oracle: points at random azimuths and distances
 * up to 1.5 B from random places along every border line are "inside" when any buffer piece of that
 * border covers them, and must agree with the geodesic distance to the border (GeographicLib, border
 * densified to 50 m) whenever that distance differs from B by more than 0.2 %. The pieces are clipped
 * to their two provinces, so only points inside one of the two are in scope. Runs once per store.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedService.class)
abstract class BorderBufferOracleContract implements SharedService.OnStore {

    static final int POINTS_PER_BORDER = 1500;
    static final int EDGE_PROBES_PER_BORDER = 500;
    static final long SEED = 42;
    static final double TOLERANCE = 0.002;
    static final String HEBEI = "130000";
    static final String INNER_MONGOLIA = "150000";
    static final String LIAONING = "210000";

    private List<Feature> lines;
    private List<Feature> pieces;
    private Map<String, Geometry> provinces;
    private List<Feature> districts;

    @Override
    public abstract RunningService.Store store();

    @BeforeAll
    void start(RunningService service) {
        var store = service.app().store();
        lines = store.all("border-lines");
        pieces = store.all("border-buffers");
        provinces = provinces(store.all("provinces"));
        districts = store.all("districts");
    }

    static Map<String, Geometry> provinces(List<Feature> features) {
        Map<String, Geometry> byCode = new LinkedHashMap<>();
        for (Feature f : features) {
            Geometry g = f.geometry().isValid() ? f.geometry() : GeometryFixer.fix(f.geometry());
            byCode.put(f.properties().path("adcode").asText(f.id()), g);
        }
        return byCode;
    }

    /** A random point near a border and what the oracle says of it; {@code metres} is its distance to the border line. */
    record Sample(Feature line, double bufferMetres, Coordinate point, double metres) {
    }

    /**
     * The random points of every border in id order that lie inside one of the border's two
     * provinces, with their oracle distances; {@code skipped[0]} counts those outside both. Per
     * border: {@link #POINTS_PER_BORDER} points at random azimuths and distances in [0, 1.5 B] from
     * random places on the line, then {@link #EDGE_PROBES_PER_BORDER} probes square to the line at
     * [0.98 B, 1.02 B], which land near the band's edge far more often.
     */
    static List<Sample> samples(List<Feature> lines, Map<String, Geometry> provinces, double bufferMetres, Random random, int[] skipped) {
        List<Sample> samples = new ArrayList<>();
        for (Feature line : lines) {
            Geometry left = provinces.get(line.properties().path("left_code").asText());
            Geometry right = provinces.get(line.properties().path("right_code").asText());
            assertThat((Object) left).as("left province of %s", line.id()).isNotNull();
            assertThat((Object) right).as("right province of %s", line.id()).isNotNull();
            PreparedGeometry inLeft = PreparedGeometryFactory.prepare(left);
            PreparedGeometry inRight = PreparedGeometryFactory.prepare(right);
            GeodesicOracle.LineDistance oracle = new GeodesicOracle.LineDistance(line.geometry());
            List<Coordinate> points = new ArrayList<>(GeodesicOracle.around(line.geometry(), POINTS_PER_BORDER, 1.5 * bufferMetres, random));
            points.addAll(GeodesicOracle.acrossTheEdge(line.geometry(), EDGE_PROBES_PER_BORDER, 0.98 * bufferMetres, 1.02 * bufferMetres, random));
            for (Coordinate c : points) {
                Point p = GeodesicOracle.point(c);
                if (!inLeft.covers(p) && !inRight.covers(p)) {
                    skipped[0]++;
                    continue;
                }
                samples.add(new Sample(line, bufferMetres, c, oracle.metres(c, 2 * bufferMetres)));
            }
        }
        return samples;
    }

    private double bufferMetres() {
        assertThat(pieces).isNotEmpty();
        return pieces.get(0).properties().path("buffer_km").asDouble() * 1000;
    }

    private Map<String, PreparedGeometry> piecesByBorder() {
        Map<String, List<Geometry>> parts = new LinkedHashMap<>();
        for (Feature piece : pieces) {
            parts.computeIfAbsent(piece.properties().path("border_id").asText(), k -> new ArrayList<>()).add(piece.geometry());
        }
        Map<String, PreparedGeometry> prepared = new LinkedHashMap<>();
        parts.forEach((border, geometries) -> prepared.put(border, PreparedGeometryFactory.prepare(UnaryUnionOp.union(geometries))));
        return prepared;
    }

    @Test
    void everyBorderHasBufferPiecesOfTheRuleDistance() {
        assertThat(lines).isNotEmpty();
        Map<String, PreparedGeometry> byBorder = piecesByBorder();
        for (Feature line : lines) assertThat(byBorder).as("pieces of %s", line.id()).containsKey(line.id());
        for (Feature piece : pieces) {
            assertThat(piece.properties().path("buffer_km").asDouble()).as(piece.id()).isEqualTo(20.0);
            assertThat(piece.geometry().isValid()).as("%s is valid", piece.id()).isTrue();
        }
    }

    @Test
    void randomPointsOutsideTheToleranceBandAreClassifiedAsTheGeodesicOracleSays() {
        double b = bufferMetres();
        Map<String, PreparedGeometry> byBorder = piecesByBorder();
        int[] skipped = {0};
        List<Sample> samples = samples(lines, provinces, b, new Random(SEED), skipped);

        List<String> failures = new ArrayList<>();
        int disagreements = 0;
        int inside = 0;
        int nearEdge = 0;
        double band = 0;
        for (Sample s : samples) {
            boolean oracle = s.metres() <= b;
            PreparedGeometry pieces = byBorder.get(s.line().id());
            boolean ours = pieces != null && pieces.covers(GeodesicOracle.point(s.point()));
            if (oracle) inside++;
            if (Math.abs(s.metres() - b) <= TOLERANCE * b) nearEdge++;
            if (oracle == ours) continue;
            disagreements++;
            double off = Math.abs(s.metres() - b);
            band = Math.max(band, off);
            if (off > TOLERANCE * b) {
                failures.add(String.format("%s: point %.7f %.7f at %.1f m from the border (B = %.0f m): oracle %s, pieces %s",
                        s.line().id(), s.point().x, s.point().y, s.metres(), b, oracle ? "inside" : "outside", ours ? "inside" : "outside"));
            }
        }
        System.out.printf("ORACLE border-buffer [%s]: %d borders, %d points in scope (%d inside B, %d within ±0.2 %% of B, "
                        + "%d skipped outside both provinces); %d disagreements; largest disagreement band |d - B| = %.3f m (%.5f %% of B); allowed 0.2 %%%n",
                store(), lines.size(), samples.size(), inside, nearEdge, skipped[0], disagreements, band, 100 * band / b);
        assertThat(failures).as("points classified against the geodesic oracle outside the 0.2 %% band (%d of them)", failures.size())
                .isEmpty();
    }

    /**
     * A hole in a border's band is wrong wherever it holds territory of either province within B of
     * the border: every such point must lie in a piece. Each hole's part inside the two provinces
     * is probed at an interior point with the oracle.
     */
    @Test
    void noPointOfEitherProvinceWithinBOfTheBorderFallsInAHoleOfItsBand() {
        double b = bufferMetres();
        List<String> misclassified = new ArrayList<>();
        for (Feature line : lines) {
            Geometry left = provinces.get(line.properties().path("left_code").asText());
            Geometry right = provinces.get(line.properties().path("right_code").asText());
            GeodesicOracle.LineDistance oracle = new GeodesicOracle.LineDistance(line.geometry());
            for (Polygon hole : holes(unionOfPieces(line.id()))) {
                Geometry territory = UnaryUnionOp.union(List.of(intersection(hole, left), intersection(hole, right)));
                for (int i = 0; i < territory.getNumGeometries(); i++) {
                    Geometry part = territory.getGeometryN(i);
                    if (GeodesicOracle.areaSquareMetres(part) < 1.0) continue;
                    Coordinate probe = part.getInteriorPoint().getCoordinate();
                    double d = oracle.metres(probe, 2 * b);
                    if (d < b * (1 - TOLERANCE)) {
                        misclassified.add(String.format("%s: point %.7f %.7f, %.1f m from the border, lies in a hole of %.0f m² "
                                        + "(hole ring %.1f..%.1f m from the border) and in no piece",
                                line.id(), probe.x, probe.y, d, GeodesicOracle.ringArea(hole.getExteriorRing()),
                                minDistance(oracle, hole, b), maxDistance(oracle, hole, b)));
                    }
                }
            }
        }
        assertThat(misclassified).isEmpty();
    }

    /** Issue 3: the union of the buffers has no holes of any size and no part under 1 m². */
    @Test
    void theUnionOfThePiecesHasNoHolesAndNoSlivers() {
        List<String> problems = new ArrayList<>();
        for (Feature piece : pieces) {
            for (int i = 0; i < piece.geometry().getNumGeometries(); i++) {
                double m2 = GeodesicOracle.areaSquareMetres(piece.geometry().getGeometryN(i));
                if (m2 < 1.0) problems.add(String.format("%s: part of %.3f m² at %s", piece.id(), m2, piece.geometry().getGeometryN(i).getInteriorPoint()));
            }
        }
        for (Feature line : lines) checkNoSliver("union of the pieces of " + line.id(), unionOfPieces(line.id()), line, problems);
        checkNoSliver("union of all pieces", UnaryUnionOp.union(pieces.stream().map(Feature::geometry).toList()), null, problems);
        assertThat(problems).as("%d holes or slivers", problems.size()).isEmpty();
    }

    private void checkNoSliver(String what, Geometry area, Feature line, List<String> problems) {
        for (int i = 0; i < area.getNumGeometries(); i++) {
            double m2 = GeodesicOracle.areaSquareMetres(area.getGeometryN(i));
            if (m2 < 1.0) problems.add(String.format("%s: part of %.3f m² at %s", what, m2, area.getGeometryN(i).getInteriorPoint()));
        }
        for (Polygon hole : holes(area)) {
            double inProvinces = provinces.values().stream().mapToDouble(p -> GeodesicOracle.areaSquareMetres(intersection(hole, p))).sum();
            String where = inProvinces < 1.0 ? "in no province of the data (a gap between the sample outlines)"
                    : String.format("%.0f m² of it inside provinces", inProvinces);
            String distance = "";
            if (line != null) {
                GeodesicOracle.LineDistance oracle = new GeodesicOracle.LineDistance(line.geometry());
                distance = String.format(", ring %.1f..%.1f m from the border", minDistance(oracle, hole, 20_000), maxDistance(oracle, hole, 20_000));
            }
            problems.add(String.format("%s: hole of %.1f m² at %s, %s%s", what, GeodesicOracle.ringArea(hole.getExteriorRing()),
                    hole.getInteriorPoint(), where, distance));
        }
    }

    /**
     * Pieces are clipped to their own province: apart from hairline gaps between the two neighbours'
     * outlines (which the left piece takes), no piece may reach into a third province's territory —
     * a point there is not on either side of this border.
     */
    @Test
    void noPieceReachesIntoAThirdProvince() {
        List<String> leaks = new ArrayList<>();
        for (Feature piece : pieces) {
            String side = piece.properties().path("side_code").asText();
            String neighbour = piece.properties().path("neighbour_code").asText();
            provinces.forEach((code, province) -> {
                if (code.equals(side) || code.equals(neighbour)) return;
                if (!province.getEnvelopeInternal().intersects(piece.geometry().getEnvelopeInternal())) return;
                // the piece's part in the third province that is not also (where outlines overlap) in one of the two
                Geometry leak = difference(difference(intersection(piece.geometry(), province), provinces.get(side)), provinces.get(neighbour));
                double m2 = GeodesicOracle.areaSquareMetres(leak);
                if (m2 >= 1.0) {
                    Polygon largest = null;
                    for (int i = 0; i < leak.getNumGeometries(); i++) {
                        if (leak.getGeometryN(i) instanceof Polygon p && (largest == null || p.getArea() > largest.getArea())) largest = p;
                    }
                    leaks.add(String.format("%s (side %s) covers %.0f m² of province %s in %d parts; e.g. point %s",
                            piece.id(), side, m2, code, leak.getNumGeometries(), largest == null ? "?" : largest.getInteriorPoint()));
                }
            });
        }
        assertThat(leaks).isEmpty();
    }

    /** Overlays through OverlayNG with its snapping fallback: the sample outlines make the classic overlay throw. */
    static Geometry intersection(Geometry a, Geometry b) {
        return areaOf(OverlayNGRobust.overlay(a, b, OverlayNG.INTERSECTION));
    }

    static Geometry difference(Geometry a, Geometry b) {
        return areaOf(OverlayNGRobust.overlay(a, b, OverlayNG.DIFFERENCE));
    }

    /** The polygons of an overlay result, without the lines and points where areas merely touch. */
    private static Geometry areaOf(Geometry g) {
        List<Polygon> polygons = new ArrayList<>();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            if (g.getGeometryN(i) instanceof Polygon p && !p.isEmpty()) polygons.add(p);
        }
        return GeodesicOracle.LON_LAT.createMultiPolygon(polygons.toArray(Polygon[]::new));
    }

    private Geometry unionOfPieces(String borderId) {
        return UnaryUnionOp.union(pieces.stream().filter(p -> p.properties().path("border_id").asText().equals(borderId))
                .map(Feature::geometry).toList());
    }

    private static List<Polygon> holes(Geometry area) {
        List<Polygon> holes = new ArrayList<>();
        for (int i = 0; i < area.getNumGeometries(); i++) {
            if (!(area.getGeometryN(i) instanceof Polygon part)) continue;
            for (int h = 0; h < part.getNumInteriorRing(); h++) {
                holes.add(GeodesicOracle.LON_LAT.createPolygon(part.getInteriorRingN(h).getCoordinates()));
            }
        }
        return holes;
    }

    private static double minDistance(GeodesicOracle.LineDistance oracle, Polygon ring, double b) {
        double min = Double.POSITIVE_INFINITY;
        for (Coordinate c : ring.getCoordinates()) min = Math.min(min, oracle.metres(c, 2 * b));
        return min;
    }

    private static double maxDistance(GeodesicOracle.LineDistance oracle, Polygon ring, double b) {
        double max = 0;
        for (Coordinate c : ring.getCoordinates()) max = Math.max(max, oracle.metres(c, 2 * b));
        return max;
    }

    @Test
    void piecesRunAlongTheInnerMongoliaHebeiAndLiaoningBordersAroundChifengAndQinhuangdao() {
        Geometry chifeng = city("150400");
        Geometry qinhuangdao = city("130300");
        assertThat(piecesBetween(INNER_MONGOLIA, HEBEI)).anySatisfy(p -> assertThat(p.geometry().intersects(chifeng)).isTrue());
        assertThat(piecesBetween(INNER_MONGOLIA, LIAONING)).anySatisfy(p -> assertThat(p.geometry().intersects(chifeng)).isTrue());
        assertThat(piecesBetween(HEBEI, LIAONING)).anySatisfy(p -> assertThat(p.geometry().intersects(qinhuangdao)).isTrue());
        for (String[] pair : new String[][] {{INNER_MONGOLIA, HEBEI}, {INNER_MONGOLIA, LIAONING}, {HEBEI, LIAONING}}) {
            // one piece on each side, each named for the side it lies in
            assertThat(piecesBetween(pair[0], pair[1])).extracting(p -> p.properties().path("side_code").asText())
                    .containsExactlyInAnyOrder(pair[0], pair[1]);
        }
    }

    @Test
    void aPointInQinhuangdaoTenKilometresFromLiaoningLiesInAPieceNamingBothProvinces() {
        Feature border = lines.stream().filter(l -> Set.of(l.properties().path("left_code").asText(), l.properties().path("right_code").asText())
                .equals(Set.of(HEBEI, LIAONING))).findFirst().orElseThrow();
        GeodesicOracle.LineDistance oracle = new GeodesicOracle.LineDistance(border.geometry());
        // the border a few km inland from where it meets the sea at Shanhaiguan (119.85°E 40.0°N), and
        // from there 10 km square to it into Hebei
        GeodesicOracle.Nearest onBorder = oracle.nearest(new Coordinate(119.8, 40.05), 50_000);
        assertThat(onBorder).as("the Hebei–Liaoning border passes near Shanhaiguan").isNotNull();
        // square to the border is the direction in which a step gets farthest from it; the outline
        // steps on a ~100 m grid, so the local segment's direction is no guide: try every degree
        PreparedGeometry hebei = PreparedGeometryFactory.prepare(provinces.get(HEBEI));
        double square = Double.NaN;
        double farthest = 0;
        for (int azimuth = -180; azimuth < 180; azimuth++) {
            Coordinate c = GeodesicOracle.direct(onBorder.at(), azimuth, 10_000);
            double d = oracle.metres(c, 50_000);
            if (d > farthest && hebei.covers(GeodesicOracle.point(c))) {
                farthest = d;
                square = azimuth;
            }
        }
        assertThat(square).as("a way from %s into Hebei", onBorder.at()).isNotNaN();
        // the border bends, so go along that azimuth until the oracle says 10 km
        double near = 0;
        double far = 20_000;
        for (int i = 0; i < 40; i++) {
            double mid = (near + far) / 2;
            if (oracle.metres(GeodesicOracle.direct(onBorder.at(), square, mid), 50_000) < 10_000) near = mid; else far = mid;
        }
        Coordinate point = GeodesicOracle.direct(onBorder.at(), square, far);
        double metres = oracle.metres(point, 50_000);
        Point p = GeodesicOracle.point(point);
        String district = districts.stream().filter(d -> d.geometry().covers(p)).map(d -> d.properties().path("name").asText() + " "
                + d.properties().path("city").asText()).findFirst().orElse("none");
        System.out.printf("ORACLE border-buffer [%s]: Qinhuangdao test point %.6f %.6f, %.1f m from the Hebei–Liaoning border "
                + "(%.0f m at azimuth %.0f° from %.6f %.6f on the border), in district %s%n",
                store(), point.x, point.y, metres, far, square, onBorder.at().x, onBorder.at().y, district);
        assertThat(metres).as("oracle distance to the border").isCloseTo(10_000.0, org.assertj.core.api.Assertions.within(1.0));
        assertThat(hebei.covers(p)).as("%s lies in Hebei", point).isTrue();
        assertThat(city("130300").covers(p)).as("%s lies in 秦皇岛市 (district %s)", point, district).isTrue();

        List<Feature> containing = pieces.stream().filter(f -> f.geometry().covers(p)).toList();
        assertThat(containing).as("pieces containing %s", point).anySatisfy(f -> {
            assertThat(Set.of(f.properties().path("left").asText(), f.properties().path("right").asText())).isEqualTo(Set.of("河北省", "辽宁省"));
            assertThat(f.properties().path("side").asText()).isEqualTo("河北省");
            assertThat(f.properties().path("neighbour").asText()).isEqualTo("辽宁省");
        });
    }

    @Test
    void pointsThirtyKilometresFromEveryBorderLieInNoPiece() {
        // central Chifeng (松山区, 45 km from the nearest border) and central Handan (40 km); the oracle
        // confirms the distances rather than trusting them. Chifeng's own centre, 红山区, is only 25 km
        // from the Liaoning border.
        Map<Coordinate, String> points = Map.of(new Coordinate(118.5, 42.6), "150400", new Coordinate(114.49, 36.60), "130400");
        List<String> checked = new ArrayList<>();
        points.forEach((c, cityAdcode) -> {
            double nearest = Double.POSITIVE_INFINITY;
            String nearestBorder = "";
            for (Feature line : lines) {
                double d = new GeodesicOracle.LineDistance(line.geometry()).metres(c, 200_000);
                if (d < nearest) {
                    nearest = d;
                    nearestBorder = line.id();
                }
            }
            Point p = GeodesicOracle.point(c);
            assertThat(city(cityAdcode).covers(p)).as("%s lies in city %s", c, cityAdcode).isTrue();
            assertThat(nearest).as("oracle distance from %s to the nearest border (%s)", c, nearestBorder).isGreaterThan(30_000);
            checked.add(String.format("%.4f %.4f (%.1f km from %s)", c.x, c.y, nearest / 1000, nearestBorder));
            assertThat(pieces.stream().filter(f -> f.geometry().covers(p)).map(Feature::id).toList())
                    .as("pieces containing %s, %.1f km from the nearest border", c, nearest / 1000).isEmpty();
        });
        System.out.printf("ORACLE border-buffer [%s]: points > 30 km from every border, in no piece: %s%n", store(), checked);
    }

    private List<Feature> piecesBetween(String a, String b) {
        return pieces.stream().filter(p -> Set.of(p.properties().path("left_code").asText(), p.properties().path("right_code").asText())
                .equals(Set.of(a, b))).toList();
    }

    private Geometry city(String cityAdcode) {
        List<Geometry> parts = districts.stream().filter(d -> d.properties().path("city_adcode").asText().equals(cityAdcode))
                .map(d -> d.geometry().isValid() ? d.geometry() : GeometryFixer.fix(d.geometry())).toList();
        assertThat(parts).as("districts of city %s", cityAdcode).isNotEmpty();
        return UnaryUnionOp.union(parts);
    }
}
