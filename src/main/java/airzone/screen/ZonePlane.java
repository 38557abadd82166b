package airzone.screen;

import airzone.geo.GeodesicDistance;
import airzone.geo.GeodesicLine;
import airzone.geo.Geodesics;
import airzone.geo.TransverseMercator;
import airzone.layer.Feature;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.strtree.STRtree;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The segments and points of a {@link NearestIndex} projected once into one 3-degree Gauss-Krüger zone
 * and indexed there in metres, so that the nearest one to a point site is a planar best-first search
 * ({@link PlanarSearch}) instead of a geodesic step per candidate. What makes the planar answer safe:
 * a transverse Mercator with scale 1 on its central meridian has scale k ≥ 1 everywhere, growing as
 * 1 + x²/2ρν with the distance x from that meridian, so the planar distance d between two points and
 * their geodesic distance s obey s ≤ d ≤ k_max·s, k_max the largest scale around them. Parts come in
 * order of d; a part can be nearer than one at geodesic distance s only while d/k_max ≤ s, and only
 * the few whose estimate of s is near the best get GeographicLib's exact distance. A search whose
 * circle could leave the zone's window answers "don't know" (null) and the caller takes the lon/lat path.
 */
final class ZonePlane {

    /** Parts within this many degrees of the central meridian are projected; farther, the scale grows fast. */
    private static final double WINDOW_DEG = 6;
    /** The scale at the window's edge on the equator, 1 + x²/2R² with x = 6° of the equator, rounded up. */
    private static final double MAX_SCALE = 1.006;

    private static final double FALSE_EASTING = 500_000;
    /** GRS 80: the semi-major axis and the first eccentricity squared. */
    private static final double A = 6_378_137;
    private static final double E2 = 0.00669438002290;

    private record Segment(NearestIndex.Part part, double ax, double ay, double bx, double by) {
    }

    /** A part, its planar distance from the site and the geodesic distance that planar one stands for. */
    private record Candidate(Segment segment, double planar, double estimate) {
    }

    private final int zone;
    private final double west;
    private final double east;
    private final STRtree tree = new STRtree();
    private final List<Segment> segments = new ArrayList<>();
    /** The same parts a tree per feature, built when a band search first asks (nearest plants never do). */
    private volatile Map<String, STRtree> byFeature;

    /** Built once per zone a screening asks for, on one thread, from its own projection. */
    ZonePlane(int zone, List<NearestIndex.Part> parts) {
        this.zone = zone;
        TransverseMercator tm = TransverseMercator.gaussKrugerZone(zone);
        west = tm.centralMeridian() - WINDOW_DEG;
        east = tm.centralMeridian() + WINDOW_DEG;
        double[] a = new double[2];
        double[] b = new double[2];
        for (NearestIndex.Part part : parts) {
            if (Math.max(part.a().x, part.b().x) < west || Math.min(part.a().x, part.b().x) > east) continue;
            tm.project(part.a().x, part.a().y, a);
            tm.project(part.b().x, part.b().y, b);
            Segment segment = new Segment(part, a[0], a[1], b[0], b[1]);
            tree.insert(envelope(segment), segment);
            segments.add(segment);
        }
        tree.build();
    }

    /** The nearest part to a point, or null when this plane cannot be sure of it. */
    NearestIndex.Nearest nearest(Coordinate site, GeodesicDistance geodesics) {
        if (tree.isEmpty()) return null;
        Query q = new Query(site, geodesics);
        PlanarSearch search = q.search(tree);
        if (search.next() == null || !inWindow(site, MAX_SCALE * search.distance() + 1)) return null;
        return q.nearestIn(search, Double.MAX_VALUE);
    }

    /** The nearest point of each feature within {@code metres}, nearest first; null when this plane cannot be sure. */
    List<NearestIndex.Nearest> eachWithin(Coordinate site, GeodesicDistance geodesics, double metres) {
        double reach = MAX_SCALE * metres + 1;
        if (!inWindow(site, reach)) return null;
        Query q = new Query(site, geodesics);
        List<NearestIndex.Nearest> found = new ArrayList<>();
        for (STRtree feature : byFeature().values()) {
            PlanarSearch search = q.search(feature);
            if (search.next() == null || search.distance() > reach) continue;
            NearestIndex.Nearest nearest = q.nearestIn(search, reach);
            if (nearest.metres() <= metres) found.add(nearest);
        }
        found.sort(Comparator.comparingDouble(NearestIndex.Nearest::metres));
        return found;
    }

    private Map<String, STRtree> byFeature() {
        Map<String, STRtree> trees = byFeature;
        if (trees != null) return trees;
        synchronized (this) {
            if (byFeature == null) {
                Map<String, STRtree> built = new LinkedHashMap<>();
                for (Segment s : segments) {
                    built.computeIfAbsent(s.part().feature().id(), id -> new STRtree()).insert(envelope(s), s);
                }
                built.values().forEach(STRtree::build);
                byFeature = built;
            }
            return byFeature;
        }
    }

    private static Envelope envelope(Segment s) {
        return new Envelope(s.ax(), s.bx(), s.ay(), s.by());
    }

    /** One site's search: where it lies in this plane, and the curvature there. */
    private final class Query {

        private final Coordinate site;
        private final GeodesicDistance geodesics;
        private final double[] xy = new double[2];
        /** The product of the ellipsoid's radii of curvature at the site's latitude. */
        private final double rhoNu;

        Query(Coordinate site, GeodesicDistance geodesics) {
            this.site = site;
            this.geodesics = geodesics;
            geodesics.zone(zone).project(site.x, site.y, xy);
            double sin = Math.sin(Math.toRadians(site.y));
            double w2 = 1 - E2 * sin * sin;
            rhoNu = A * A * (1 - E2) / (w2 * w2);
        }

        PlanarSearch search(STRtree in) {
            return new PlanarSearch(in.getRoot(), xy[0], xy[1], item -> distance(xy[0], xy[1], (Segment) item));
        }

        /**
         * The nearest part a search (already at its first part) gives, among those within {@code reach}.
         * Parts come in order of planar distance; once that distance over the largest scale it could have
         * exceeds the best geodesic distance so far, no later part can be nearer.
         */
        NearestIndex.Nearest nearestIn(PlanarSearch search, double reach) {
            List<Candidate> candidates = new ArrayList<>();
            double best = Double.MAX_VALUE;
            for (Object item = search.item(); item != null && search.distance() <= reach; item = search.next()) {
                if (search.distance() / largestScale(search.distance()) > best) break;
                Candidate c = candidate((Segment) item, search.distance());
                candidates.add(c);
                best = Math.min(best, c.estimate() + margin(c));
            }
            candidates.sort(Comparator.comparingDouble(Candidate::estimate));
            return closest(candidates);
        }

        /** The exact geodesic distance of the first candidates, as long as one could still be nearer than the best so far. */
        private NearestIndex.Nearest closest(List<Candidate> nearestFirst) {
            TransverseMercator tm = geodesics.zone(zone);
            double[] lonLat = new double[2];
            Feature feature = null;
            Coordinate to = null;
            double best = Double.MAX_VALUE;
            for (Candidate c : nearestFirst) {
                if (c.estimate() - margin(c) > best) break;
                Segment s = c.segment();
                Coordinate point = nearestPoint(s, tm, lonLat);
                double metres = Geodesics.distanceMetres(site.x, site.y, point.x, point.y);
                if (metres < best) {
                    best = metres;
                    feature = s.part().feature();
                    to = point;
                }
            }
            return new NearestIndex.Nearest(feature, new GeodesicLine(site, to, best));
        }

        /** The segment's point nearest the site in the plane, back in lon/lat (an end is its own lon/lat, not a round trip). */
        private Coordinate nearestPoint(Segment s, TransverseMercator tm, double[] lonLat) {
            double t = along(xy[0], xy[1], s);
            if (t <= 0) return s.part().a();
            if (t >= 1) return s.part().b();
            tm.unproject(s.ax() + t * (s.bx() - s.ax()), s.ay() + t * (s.by() - s.ay()), lonLat);
            return new Coordinate(lonLat[0], lonLat[1]);
        }

        /**
         * The geodesic distance a planar one stands for: the planar distance over the scale averaged along
         * the line from the site to the part's nearest point. A transverse Mercator's scale grows with the
         * distance x from its central meridian as 1 + x²/2ρν (ρ, ν the ellipsoid's radii of curvature), so
         * along a line from x₁ to x₂ it averages 1 + (x₁² + x₁x₂ + x₂²)/6ρν. What this leaves out (the
         * higher terms, the change of ρν with latitude, the geodesic's bend in the plane) is of the order
         * of 10⁻⁶ of the distance; {@link #margin} allows for it, and ScreeningDistanceOracleTest checks
         * the outcome against GeographicLib.
         */
        private Candidate candidate(Segment s, double planar) {
            double t = Math.max(0, Math.min(1, along(xy[0], xy[1], s)));
            double x1 = xy[0] - FALSE_EASTING;
            double x2 = s.ax() + t * (s.bx() - s.ax()) - FALSE_EASTING;
            return new Candidate(s, planar, planar / (1 + (x1 * x1 + x1 * x2 + x2 * x2) / (6 * rhoNu)));
        }

        /**
         * A bound on the scale anywhere within {@code metres} of the site: what the parts not yet seen
         * could have at most (1 % over the series' leading term).
         */
        private double largestScale(double metres) {
            double x = Math.abs(xy[0] - FALSE_EASTING) + metres;
            return 1 + 1.01 * x * x / (2 * rhoNu);
        }
    }

    /** How far a candidate's estimate may be off its geodesic distance: 5·10⁻⁶ of it and 5 cm. */
    private static double margin(Candidate c) {
        return 5e-6 * c.estimate() + 0.05;
    }

    /** Whether every point within {@code metres} of the site lies inside this plane's window of longitudes. */
    private boolean inWindow(Coordinate site, double metres) {
        double highestLat = Math.min(89, Math.abs(site.y) + metres / 110_574);
        double dLon = metres / (111_320 * Math.cos(Math.toRadians(highestLat)));
        return site.x - dLon >= west && site.x + dLon <= east;
    }

    /** Where along the segment the foot of the perpendicular from (x, y) falls: 0 at a, 1 at b. */
    private static double along(double x, double y, Segment s) {
        double dx = s.bx() - s.ax();
        double dy = s.by() - s.ay();
        double length2 = dx * dx + dy * dy;
        return length2 == 0 ? 0 : ((x - s.ax()) * dx + (y - s.ay()) * dy) / length2;
    }

    private static double distance(double x, double y, Segment s) {
        double t = Math.max(0, Math.min(1, along(x, y, s)));
        double dx = s.ax() + t * (s.bx() - s.ax()) - x;
        double dy = s.ay() + t * (s.by() - s.ay()) - y;
        return Math.sqrt(dx * dx + dy * dy);
    }
}
