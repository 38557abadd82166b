package airzone.screen;

import airzone.geo.GeodesicDistance;
import airzone.geo.GeodesicLine;
import airzone.geo.Geodesics;
import airzone.geo.TransverseMercator;
import airzone.layer.Feature;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.strtree.ItemBoundable;
import org.locationtech.jts.index.strtree.ItemDistance;
import org.locationtech.jts.index.strtree.STRtree;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The segments and points of a {@link NearestIndex} projected once into one 3-degree Gauss-Krüger zone
 * and indexed there in metres, so that the nearest one to a point site is a plain planar
 * branch-and-bound search (JTS's {@link STRtree#nearestNeighbour}) instead of a geodesic step per
 * candidate. What makes the planar answer safe: a transverse Mercator with scale 1 on its central
 * meridian has scale k ≥ 1 everywhere, so the planar distance d between two points and their geodesic
 * distance s obey s ≤ d ≤ k_max·s, with k_max the largest scale in the zone's window. A part can be
 * nearer than one at geodesic distance s only if its planar distance is at most k_max·s; only those few
 * get the exact geodesic distance. A search whose circle could leave the window answers "don't know"
 * (null) and the caller takes the lon/lat path.
 */
final class ZonePlane {

    /** Parts within this many degrees of the central meridian are projected; farther, the scale grows fast. */
    private static final double WINDOW_DEG = 6;
    /** The scale at the window's edge on the equator, 1 + x²/2R² with x = 6° of the equator, rounded up. */
    static final double MAX_SCALE = 1.006;

    private static final double FALSE_EASTING = 500_000;
    private static final double MIN_RADIUS_M = 6_335_000;

    private record Segment(NearestIndex.Part part, double ax, double ay, double bx, double by) {
    }

    private record Candidate(Segment segment, double planar) {
    }

    private static final ItemDistance PLANAR = (ItemBoundable a, ItemBoundable b) -> {
        double[] site = (double[]) (a.getItem() instanceof double[] ? a.getItem() : b.getItem());
        Segment s = (Segment) (a.getItem() instanceof Segment ? a.getItem() : b.getItem());
        return distance(site[0], site[1], s);
    };

    private final int zone;
    private final double west;
    private final double east;
    private final STRtree tree = new STRtree();

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
            tree.insert(new Envelope(a[0], b[0], a[1], b[1]), new Segment(part, a[0], a[1], b[0], b[1]));
        }
        tree.build();
    }

    /**
     * The nearest part to a point, or null when this plane cannot be sure of it. The k nearest by planar
     * distance are enough when the farthest of them cannot be nearer than the best exact distance among
     * them; k doubles until they are.
     */
    NearestIndex.Nearest nearest(Coordinate site, GeodesicDistance geodesics) {
        if (tree.isEmpty()) return null;
        double[] xy = new double[2];
        geodesics.zone(zone).project(site.x, site.y, xy);
        Envelope at = new Envelope(xy[0], xy[0], xy[1], xy[1]);
        for (int k = 4; ; k *= 2) {
            List<Candidate> candidates = new ArrayList<>(k);
            for (Object item : tree.nearestNeighbour(at, xy, PLANAR, k)) {
                Segment s = (Segment) item;
                candidates.add(new Candidate(s, distance(xy[0], xy[1], s)));
            }
            candidates.sort(Comparator.comparingDouble(Candidate::planar));
            Candidate farthest = candidates.get(candidates.size() - 1);
            if (!inWindow(site, MAX_SCALE * candidates.get(0).planar() + 1)) return null;
            NearestIndex.Nearest nearest = closest(site, xy, candidates, geodesics);
            if (candidates.size() < k || farthest.planar() / maxScale(xy[0], farthest.segment()) > nearest.metres()) return nearest;
        }
    }

    /** The nearest point of each feature within {@code metres}, nearest first; null when this plane cannot be sure. */
    List<NearestIndex.Nearest> eachWithin(Coordinate site, GeodesicDistance geodesics, double metres) {
        double reach = MAX_SCALE * metres + 1;
        if (!inWindow(site, reach)) return null;
        double[] xy = new double[2];
        geodesics.zone(zone).project(site.x, site.y, xy);
        Map<String, List<Candidate>> byFeature = new LinkedHashMap<>();
        for (Candidate c : within(xy, reach)) byFeature.computeIfAbsent(c.segment().part().feature().id(), id -> new ArrayList<>()).add(c);
        List<NearestIndex.Nearest> found = new ArrayList<>();
        for (List<Candidate> candidates : byFeature.values()) {
            NearestIndex.Nearest nearest = closest(site, xy, candidates, geodesics);
            if (nearest.metres() <= metres) found.add(nearest);
        }
        found.sort(Comparator.comparingDouble(NearestIndex.Nearest::metres));
        return found;
    }

    /** The parts whose planar distance is at most {@code reach}, nearest first. */
    private List<Candidate> within(double[] xy, double reach) {
        List<Candidate> candidates = new ArrayList<>();
        for (Object item : tree.query(new Envelope(xy[0] - reach, xy[0] + reach, xy[1] - reach, xy[1] + reach))) {
            Segment s = (Segment) item;
            double d = distance(xy[0], xy[1], s);
            if (d <= reach) candidates.add(new Candidate(s, d));
        }
        candidates.sort(Comparator.comparingDouble(Candidate::planar));
        return candidates;
    }

    /**
     * The exact geodesic distance of the first candidates, as long as one could still be nearer: a
     * candidate's geodesic distance is at least its planar one over the largest scale between it and the site.
     */
    private NearestIndex.Nearest closest(Coordinate site, double[] xy, List<Candidate> nearestFirst, GeodesicDistance geodesics) {
        TransverseMercator tm = geodesics.zone(zone);
        double[] lonLat = new double[2];
        Feature feature = null;
        Coordinate to = null;
        double best = Double.MAX_VALUE;
        for (Candidate c : nearestFirst) {
            if (c.planar() / maxScale(xy[0], c.segment()) > best) break;
            Segment s = c.segment();
            Coordinate point = nearestPoint(xy, s, tm, lonLat);
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
    private static Coordinate nearestPoint(double[] xy, Segment s, TransverseMercator tm, double[] lonLat) {
        double t = along(xy[0], xy[1], s);
        if (t <= 0) return s.part().a();
        if (t >= 1) return s.part().b();
        tm.unproject(s.ax() + t * (s.bx() - s.ax()), s.ay() + t * (s.by() - s.ay()), lonLat);
        return new Coordinate(lonLat[0], lonLat[1]);
    }

    /**
     * The largest scale on the straight line from the site to a segment: the scale of a transverse
     * Mercator grows with the distance x from its central meridian as 1 + x²/2R² (R² the product of the
     * ellipsoid's radii of curvature, at least 6,335 km² anywhere; 1 % added for the higher terms), so
     * it is largest at whichever end lies farther out.
     */
    private static double maxScale(double siteX, Segment s) {
        double x = Math.max(Math.abs(siteX - FALSE_EASTING), Math.max(Math.abs(s.ax() - FALSE_EASTING), Math.abs(s.bx() - FALSE_EASTING)));
        return 1 + 1.01 * x * x / (2 * MIN_RADIUS_M * MIN_RADIUS_M);
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
