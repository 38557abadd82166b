package airzone.screen;

import airzone.geo.GeodesicDistance;
import airzone.geo.GeodesicLine;
import airzone.geo.TransverseMercator;
import airzone.layer.Feature;
import org.locationtech.jts.algorithm.Distance;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.simplify.DouglasPeuckerSimplifier;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Nearest feature by geodesic distance. A point site asks the {@link ZonePlane} of its Gauss-Krüger
 * zone (the fast path every batch row takes). A polygon site, or a point whose search could leave
 * that plane's window, is measured here in lon/lat: lines are indexed segment by segment, twice, as
 * they are and simplified to ~1 km; the coarse copy gives the distance to within ~1 km with a cheap
 * planar estimate, only the full segments in a box of that radius are then estimated, and only those
 * that may be nearest get the exact geodesic distance.
 */
final class NearestIndex {

    /** A feature and the geodesic from the site's nearest point to the feature's. */
    record Nearest(Feature feature, GeodesicLine line) {
        double metres() {
            return line.metres();
        }
    }

    /** A segment of a line, or a point (a = b). */
    record Part(Feature feature, Coordinate a, Coordinate b) {
    }

    private record Candidate(Part part, double estimate) {
    }

    /** Coarse copy tolerance: 0.01° is at most ~1.1 km on the ground. */
    private static final double COARSE_DEG = 0.01;
    private static final double COARSE_SLACK_M = 1_200;
    /** How far the planar estimate may be off the geodesic distance, relatively and absolutely. */
    private static final double ESTIMATE_ERROR = 0.03;
    private static final double ESTIMATE_SLACK_M = 500;
    private static final int MAX_EXACT = 16;
    private static final double FIRST_RADIUS_M = 50_000;
    private static final double LAST_RADIUS_M = 5_000_000;

    private final STRtree fine = new STRtree();
    private final STRtree coarse = new STRtree();
    private final boolean empty;
    private final GeometryFactory factory = new GeometryFactory();
    private final List<Part> parts = new ArrayList<>();
    /** Point sites take the planar path of their zone ({@link ZonePlane}); each zone is projected the first time a site asks for it. */
    private final Map<Integer, ZonePlane> planes = new ConcurrentHashMap<>();

    NearestIndex(List<Feature> features) {
        for (Feature f : features) {
            Geometry g = f.geometry();
            for (int i = 0; i < g.getNumGeometries(); i++) {
                Geometry part = g.getGeometryN(i);
                if (part instanceof LineString line) {
                    parts.addAll(addSegments(fine, f, line));
                    addSegments(coarse, f, (LineString) DouglasPeuckerSimplifier.simplify(line, COARSE_DEG));
                } else if (part instanceof Point point) {
                    Part p = new Part(f, point.getCoordinate(), point.getCoordinate());
                    parts.add(p);
                    fine.insert(point.getEnvelopeInternal(), p);
                    coarse.insert(point.getEnvelopeInternal(), p);
                }
            }
        }
        empty = fine.size() == 0;
        fine.build();
        coarse.build();
    }

    private static List<Part> addSegments(STRtree tree, Feature f, LineString line) {
        Coordinate[] c = line.getCoordinates();
        List<Part> added = new ArrayList<>(c.length);
        for (int k = 1; k < c.length; k++) {
            Part part = new Part(f, c[k - 1], c[k]);
            tree.insert(new Envelope(c[k - 1], c[k]), part);
            added.add(part);
        }
        return added;
    }

    /**
     * Projects the plane of every zone the features reach, so that the first sites there need not wait for
     * it (about a third of a first batch's time after a start, measured); a site that asks meanwhile waits
     * for the same plane rather than projecting it twice.
     */
    void projectEveryZone() {
        if (empty) return;
        double west = Double.MAX_VALUE;
        double east = -Double.MAX_VALUE;
        for (Part part : parts) {
            west = Math.min(west, Math.min(part.a().x, part.b().x));
            east = Math.max(east, Math.max(part.a().x, part.b().x));
        }
        for (int zone = TransverseMercator.gaussKrugerZoneOf(west); zone <= TransverseMercator.gaussKrugerZoneOf(east); zone++) {
            planes.computeIfAbsent(zone, z -> new ZonePlane(z, parts));
        }
    }

    private ZonePlane plane(Point site) {
        return planes.computeIfAbsent(TransverseMercator.gaussKrugerZoneOf(site.getX()), zone -> new ZonePlane(zone, parts));
    }

    Nearest nearest(Geometry site, GeodesicDistance distance) {
        if (empty) return null;
        if (site instanceof Point point) {
            Nearest planar = plane(point).nearest(point.getCoordinate(), distance);
            if (planar != null) return planar;
        }
        Coordinate origin = site.getCentroid().getCoordinate();
        double coarseMetres = Double.NaN;
        for (double radius = FIRST_RADIUS_M; radius <= LAST_RADIUS_M && Double.isNaN(coarseMetres); radius *= 4) {
            double best = Double.MAX_VALUE;
            for (Object item : coarse.query(around(site.getEnvelopeInternal(), radius))) best = Math.min(best, estimate(origin, (Part) item));
            if (best <= radius) coarseMetres = best;
        }
        if (Double.isNaN(coarseMetres)) return null;

        double fineRadius = (coarseMetres + COARSE_SLACK_M) * (1 + ESTIMATE_ERROR) + ESTIMATE_SLACK_M + siteRadius(site, origin);
        List<Candidate> candidates = new ArrayList<>();
        double bestEstimate = Double.MAX_VALUE;
        for (Object item : fine.query(around(site.getEnvelopeInternal(), fineRadius))) {
            Part part = (Part) item;
            double estimate = estimate(origin, part);
            candidates.add(new Candidate(part, estimate));
            bestEstimate = Math.min(bestEstimate, estimate);
        }
        return closest(site, distance, candidates, bestEstimate, origin);
    }

    /**
     * The nearest point of each feature within {@code metres} of the site, nearest first: one answer
     * per feature (a border that bends back towards the site still counts once).
     */
    List<Nearest> eachWithin(Geometry site, GeodesicDistance distance, double metres) {
        if (empty) return List.of();
        if (site instanceof Point point) {
            List<Nearest> planar = plane(point).eachWithin(point.getCoordinate(), distance, metres);
            if (planar != null) return planar;
        }
        Coordinate origin = site.getCentroid().getCoordinate();
        double reach = (metres + siteRadius(site, origin)) * (1 + ESTIMATE_ERROR) + ESTIMATE_SLACK_M;
        Map<String, List<Candidate>> byFeature = new LinkedHashMap<>();
        for (Object item : fine.query(around(site.getEnvelopeInternal(), reach))) {
            Part part = (Part) item;
            double estimate = estimate(origin, part);
            if (estimate <= reach) byFeature.computeIfAbsent(part.feature().id(), id -> new ArrayList<>()).add(new Candidate(part, estimate));
        }
        List<Nearest> found = new ArrayList<>();
        for (List<Candidate> candidates : byFeature.values()) {
            double bestEstimate = candidates.stream().mapToDouble(Candidate::estimate).min().orElseThrow();
            Nearest nearest = closest(site, distance, candidates, bestEstimate, origin);
            if (nearest != null && nearest.metres() <= metres) found.add(nearest);
        }
        found.sort(Comparator.comparingDouble(Nearest::metres));
        return found;
    }

    /**
     * Any part whose estimate is within the estimate's error of the best one may be the nearest; the
     * estimate's error runs the same way for neighbouring segments, so the nearest is among the first
     * few by estimate, and only those get the exact (costlier) geodesic distance.
     */
    private Nearest closest(Geometry site, GeodesicDistance distance, List<Candidate> candidates, double bestEstimate, Coordinate origin) {
        double keep = (bestEstimate + siteRadius(site, origin)) * (1 + ESTIMATE_ERROR) / (1 - ESTIMATE_ERROR) + ESTIMATE_SLACK_M;
        candidates.sort(Comparator.comparingDouble(Candidate::estimate));
        Nearest nearest = null;
        for (int i = 0; i < candidates.size() && i < MAX_EXACT && candidates.get(i).estimate() <= keep; i++) {
            Part part = candidates.get(i).part();
            GeodesicLine line = distance.between(site, geometry(part));
            if (nearest == null || line.metres() < nearest.metres()) nearest = new Nearest(part.feature(), line);
        }
        return nearest;
    }

    private Geometry geometry(Part part) {
        return part.a().equals2D(part.b()) ? factory.createPoint(part.a()) : factory.createLineString(new Coordinate[]{part.a(), part.b()});
    }

    /** For a polygon site the estimate runs from its centroid: widen by the farthest vertex. */
    private static double siteRadius(Geometry site, Coordinate origin) {
        if (site instanceof Point) return 0;
        double max = 0;
        for (Coordinate c : site.getCoordinates()) max = Math.max(max, planar(origin, c).distance(new Coordinate(0, 0)));
        return max;
    }

    /** Planar distance in metres on a local equirectangular map, each point scaled at its mid-latitude with the origin. */
    private static double estimate(Coordinate origin, Part part) {
        return Distance.pointToSegment(new Coordinate(0, 0), planar(origin, part.a()), planar(origin, part.b()));
    }

    private static Coordinate planar(Coordinate origin, Coordinate c) {
        double midLat = Math.toRadians((origin.y + c.y) / 2);
        return new Coordinate((c.x - origin.x) * 111_320 * Math.cos(midLat), (c.y - origin.y) * 110_900);
    }

    /** A lon/lat box holding every point within {@code metres} of the envelope (1 % to spare). */
    private static Envelope around(Envelope site, double metres) {
        double dLat = metres * 1.01 / 110_574;
        double highestLat = Math.min(89, Math.max(Math.abs(site.getMinY()), Math.abs(site.getMaxY())) + dLat);
        double dLon = Math.min(180, metres * 1.01 / (111_320 * Math.cos(Math.toRadians(highestLat))));
        Envelope box = new Envelope(site);
        box.expandBy(dLon, dLat);
        return box;
    }
}
