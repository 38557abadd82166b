package airzone.rules;

import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicData;
import net.sf.geographiclib.GeodesicLine;
import net.sf.geographiclib.GeodesicMask;
import net.sf.geographiclib.PolygonArea;
import org.locationtech.jts.algorithm.Distance;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.index.strtree.STRtree;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * An oracle independent of the production geometry code: distances, directions and areas on the
 * WGS 84 ellipsoid straight from GeographicLib, never through a map projection or a JTS buffer.
 */
public final class GeodesicOracle {

    static final Geodesic WGS84 = Geodesic.WGS84;
    static final GeometryFactory LON_LAT = new GeometryFactory(new PrecisionModel(), 4326);
    /** The line oracle measures to vertices at most this far apart along the border. */
    static final double DENSIFY_M = 50;

    private GeodesicOracle() {
    }

    /** Where the geodesic from (lon, lat) with this azimuth ends after {@code metres} (the direct problem). */
    static Coordinate direct(double lon, double lat, double azimuthDeg, double metres) {
        GeodesicData d = WGS84.Direct(lat, lon, azimuthDeg, metres);
        return new Coordinate(d.lon2, d.lat2);
    }

    static Coordinate direct(Coordinate from, double azimuthDeg, double metres) {
        return direct(from.x, from.y, azimuthDeg, metres);
    }

    public static double distance(Coordinate a, Coordinate b) {
        return WGS84.Inverse(a.y, a.x, b.y, b.x, GeodesicMask.DISTANCE).s12;
    }

    static double azimuth(Coordinate from, Coordinate to) {
        return WGS84.Inverse(from.y, from.x, to.y, to.x).azi1;
    }

    static Point point(Coordinate c) {
        return LON_LAT.createPoint(c);
    }

    /** Geodesic area of the polygons in a geometry, holes subtracted (GeographicLib PolygonArea). */
    public static double areaSquareMetres(Geometry geometry) {
        double total = 0;
        for (int i = 0; i < geometry.getNumGeometries(); i++) {
            if (!(geometry.getGeometryN(i) instanceof Polygon polygon)) continue;
            total += ringArea(polygon.getExteriorRing());
            for (int h = 0; h < polygon.getNumInteriorRing(); h++) total -= ringArea(polygon.getInteriorRingN(h));
        }
        return total;
    }

    static double ringArea(LineString ring) {
        PolygonArea area = new PolygonArea(WGS84, false);
        Coordinate[] c = ring.getCoordinates();
        for (int k = 0; k < c.length - 1; k++) area.AddPoint(c[k].y, c[k].x);
        return Math.abs(area.Compute().area);
    }

    /**
     * The geodesic distance from a point to a (multi)line: the least GeographicLib distance to the
     * line's vertices after densifying every segment along its geodesic to at most 50 m.
     * <p>
     * Why measuring to densified vertices is an adequate oracle: a point at perpendicular distance d
     * from a segment whose nearest vertex lies at most s/2 along the segment away is at
     * √(d² + (s/2)²) ≈ d + s²/(8d) from that vertex. With s = 50 m that overestimates by 1.6 cm at
     * d = 20 km and by at most s/2 = 25 m right on the line — far inside the 0.2 % of B (40 m at
     * 20 km) the acceptance test leaves, where the error is centimetres — and it never underestimates. Whether a segment between vertices ~100 m apart is taken as a geodesic
     * or as straight in lon/lat moves it by millimetres.
     * <p>
     * Densifying a 1000 km border at 50 m and measuring to all of it per point would be slow, so an
     * R-tree of the original segments and a mid-latitude plane estimate (relative error ~10⁻⁵ over
     * the tens of km asked about; 0.4 % is assumed) pick the few segments that can hold the minimum;
     * only those are densified and measured exactly. {@link GeodesicOracleTest} checks this against
     * measuring every densified vertex.
     */
    static final class LineDistance {

        private record Segment(Coordinate p0, Coordinate p1) {
        }

        /** Assumed relative error of the plane estimate, with a wide margin over the real ~10⁻⁵. */
        private static final double ESTIMATE_ERROR = 0.004;

        private final STRtree tree = new STRtree();
        private final List<Segment> all = new ArrayList<>();

        LineDistance(Geometry lines) {
            for (int i = 0; i < lines.getNumGeometries(); i++) {
                if (!(lines.getGeometryN(i) instanceof LineString line)) continue;
                Coordinate[] c = line.getCoordinates();
                for (int k = 1; k < c.length; k++) {
                    Segment s = new Segment(c[k - 1], c[k]);
                    tree.insert(new Envelope(c[k - 1], c[k]), s);
                    all.add(s);
                }
            }
            tree.build();
        }

        /** Oracle distance in metres, or +∞ when the line is certainly farther than {@code searchMetres}. */
        double metres(Coordinate p, double searchMetres) {
            Nearest n = nearest(p, searchMetres);
            return n == null ? Double.POSITIVE_INFINITY : n.metres();
        }

        /** The nearest densified vertex and the azimuth of the border there, or null beyond {@code searchMetres}. */
        Nearest nearest(Coordinate p, double searchMetres) {
            // metres per degree are at least 110 574 along a meridian and 111 319·cos φ along a parallel
            double dLat = searchMetres / 110_000.0;
            double maxLat = Math.min(89, Math.abs(p.y) + dLat);
            double dLon = searchMetres / (111_000.0 * Math.cos(Math.toRadians(maxLat)));
            @SuppressWarnings("unchecked")
            List<Segment> candidates = tree.query(new Envelope(p.x - dLon, p.x + dLon, p.y - dLat, p.y + dLat));
            return nearestOf(p, candidates, searchMetres);
        }

        /** The same without the R-tree and the estimate: every densified vertex measured. For checking the oracle. */
        double bruteForceMetres(Coordinate p) {
            double best = Double.POSITIVE_INFINITY;
            for (Segment s : all) {
                for (Coordinate v : densified(s)) best = Math.min(best, distance(p, v));
            }
            return best;
        }

        private Nearest nearestOf(Coordinate p, List<Segment> candidates, double searchMetres) {
            if (candidates.isEmpty()) return null;
            Coordinate origin = new Coordinate(0, 0);
            double[] estimate = new double[candidates.size()];
            double best = Double.POSITIVE_INFINITY;
            for (int i = 0; i < estimate.length; i++) {
                Segment s = candidates.get(i);
                estimate[i] = Distance.pointToSegment(origin, plane(p, s.p0()), plane(p, s.p1()));
                best = Math.min(best, estimate[i]);
            }
            if (best > searchMetres * (1 + ESTIMATE_ERROR)) return null;

            // the minimum over densified vertices is at most best·(1+ε) + s/2; a segment whose estimate
            // exceeds that by its own possible error cannot hold it
            double keep = (best * (1 + ESTIMATE_ERROR) + DENSIFY_M) / (1 - ESTIMATE_ERROR);
            Nearest nearest = null;
            for (int i = 0; i < estimate.length; i++) {
                if (estimate[i] > keep) continue;
                Segment s = candidates.get(i);
                GeodesicLine line = WGS84.InverseLine(s.p0().y, s.p0().x, s.p1().y, s.p1().x);
                double length = line.Distance();
                int steps = Math.max(1, (int) Math.ceil(length / DENSIFY_M));
                for (int k = 0; k <= steps; k++) {
                    GeodesicData v = line.Position(length * k / steps);
                    double d = WGS84.Inverse(p.y, p.x, v.lat2, v.lon2, GeodesicMask.DISTANCE).s12;
                    if (nearest == null || d < nearest.metres()) {
                        nearest = new Nearest(d, new Coordinate(v.lon2, v.lat2), azimuth(s.p0(), s.p1()));
                    }
                }
            }
            return nearest;
        }

        private static List<Coordinate> densified(Segment s) {
            GeodesicLine line = WGS84.InverseLine(s.p0().y, s.p0().x, s.p1().y, s.p1().x);
            double length = line.Distance();
            int steps = Math.max(1, (int) Math.ceil(length / DENSIFY_M));
            List<Coordinate> vertices = new ArrayList<>(steps + 1);
            for (int k = 0; k <= steps; k++) {
                GeodesicData v = line.Position(length * k / steps);
                vertices.add(new Coordinate(v.lon2, v.lat2));
            }
            return vertices;
        }

        /** Metres east and north of p, on the ellipsoid's radii of curvature at the mean latitude. */
        private static Coordinate plane(Coordinate p, Coordinate q) {
            double phi = Math.toRadians((p.y + q.y) / 2);
            double a = 6_378_137.0;
            double e2 = 0.00669437999014;
            double w = Math.sqrt(1 - e2 * Math.sin(phi) * Math.sin(phi));
            double n = a / w;
            double m = a * (1 - e2) / (w * w * w);
            return new Coordinate(Math.toRadians(q.x - p.x) * n * Math.cos(phi), Math.toRadians(q.y - p.y) * m);
        }
    }

    /** A nearest border vertex: its distance, place and the border's azimuth (direction of the line) there. */
    record Nearest(double metres, Coordinate at, double lineAzimuth) {
    }

    /**
     * Random points around a border: a place uniformly by length along the line, then a random
     * azimuth and a distance uniform in [0, maxMetres] — the same points for the same seed.
     */
    static List<Coordinate> around(Geometry lines, int count, double maxMetres, Random random) {
        Walk walk = new Walk(lines);
        List<Coordinate> points = new ArrayList<>(count);
        for (int n = 0; n < count; n++) {
            Coordinate onLine = walk.at(random.nextDouble() * walk.length());
            points.add(direct(onLine, random.nextDouble() * 360 - 180, random.nextDouble() * maxMetres));
        }
        return points;
    }

    /**
     * Probes of the band's edge: from a random place along the line, square to the line's general
     * direction there (the chord over ±1 km), to a random side, at a distance uniform in
     * [fromMetres, toMetres]. Their distance to the border is near B far more often than that of
     * {@link #around} points, so they measure the edge, not the bulk.
     */
    static List<Coordinate> acrossTheEdge(Geometry lines, int count, double fromMetres, double toMetres, Random random) {
        Walk walk = new Walk(lines);
        List<Coordinate> points = new ArrayList<>(count);
        for (int n = 0; n < count; n++) {
            double at = random.nextDouble() * walk.length();
            double along = azimuth(walk.at(at - 1000), walk.at(at + 1000));
            double side = random.nextBoolean() ? 90 : -90;
            points.add(direct(walk.at(at), along + side, fromMetres + random.nextDouble() * (toMetres - fromMetres)));
        }
        return points;
    }

    /** Positions along the parts of a (multi)line by geodesic length, as if the parts were laid end to end. */
    private static final class Walk {
        private final List<Coordinate> starts = new ArrayList<>();
        private final List<Double> azimuths = new ArrayList<>();
        private final List<Double> lengths = new ArrayList<>();
        /** Cumulative length at the start of each segment; segments of one part follow each other. */
        private final List<Double> offsets = new ArrayList<>();
        private double total;

        Walk(Geometry lines) {
            for (int i = 0; i < lines.getNumGeometries(); i++) {
                if (!(lines.getGeometryN(i) instanceof LineString line) || line.getNumPoints() < 2) continue;
                Coordinate[] c = line.getCoordinates();
                for (int k = 1; k < c.length; k++) {
                    GeodesicData seg = WGS84.Inverse(c[k - 1].y, c[k - 1].x, c[k].y, c[k].x);
                    starts.add(c[k - 1]);
                    azimuths.add(seg.azi1);
                    lengths.add(seg.s12);
                    offsets.add(total);
                    total += seg.s12;
                }
            }
        }

        double length() {
            return total;
        }

        /** The point {@code metres} along, clamped to the ends (so ±1 km chords near an end shorten). */
        Coordinate at(double metres) {
            double m = Math.max(0, Math.min(total, metres));
            int lo = 0;
            int hi = offsets.size() - 1;
            while (lo < hi) {
                int mid = (lo + hi + 1) >>> 1;
                if (offsets.get(mid) <= m) lo = mid; else hi = mid - 1;
            }
            return direct(starts.get(lo), azimuths.get(lo), Math.min(m - offsets.get(lo), lengths.get(lo)));
        }
    }
}
