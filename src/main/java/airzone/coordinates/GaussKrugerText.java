package airzone.coordinates;

import airzone.geo.TransverseMercator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CGCS2000 3-degree Gauss-Krüger x/y as Chinese EIA documents write them: X the northing, Y the
 * easting; an 8-digit easting begins with its zone (40512345.6: zone 40, EPSG:4528), a 6-digit
 * one needs the zone given (zone 40: EPSG:4549, "CM 120E"). Unprojected with the service's own
 * transverse Mercator, the one buffers and exports use.
 */
final class GaussKrugerText {

    static final int FIRST_ZONE = 25;
    static final int LAST_ZONE = 45;
    /** EPSG:4513–4533 carry the zone in the easting, EPSG:4534–4554 do not ("CM 75E" … "CM 135E"). */
    private static final int EPSG_WITH_ZONE = 4513;
    private static final int EPSG_CENTRAL_MERIDIAN = 4534;

    private static final String NUM = "([-+]?\\d+(?:\\.\\d+)?)";
    private static final Pattern X_FIRST = Pattern.compile("^X\\s*[=:]\\s*" + NUM + "\\s*[,;/]?\\s*Y\\s*[=:]\\s*" + NUM + "$");
    private static final Pattern Y_FIRST = Pattern.compile("^Y\\s*[=:]\\s*" + NUM + "\\s*[,;/]?\\s*X\\s*[=:]\\s*" + NUM + "$");
    private static final Pattern BARE = Pattern.compile("^" + NUM + "(?:\\s*[,;/]\\s*|\\s+)" + NUM + "$");
    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    private GaussKrugerText() {
    }

    /** Labelled X/Y, or two bare numbers too large for degrees. */
    static boolean looksProjected(String s) {
        if (s.contains("X") || s.contains("Y")) return true;
        Matcher bare = BARE.matcher(s);
        return bare.matches() && Math.abs(Double.parseDouble(bare.group(1))) >= 1000 && Math.abs(Double.parseDouble(bare.group(2))) >= 1000;
    }

    static ReadCoordinates read(String s, String original, String zoneText) {
        double northing;
        double easting;
        Matcher m;
        if ((m = X_FIRST.matcher(s)).matches()) {
            northing = Double.parseDouble(m.group(1));
            easting = Double.parseDouble(m.group(2));
        } else if ((m = Y_FIRST.matcher(s)).matches()) {
            easting = Double.parseDouble(m.group(1));
            northing = Double.parseDouble(m.group(2));
        } else if ((m = BARE.matcher(s)).matches()) {
            // unlabelled: in China a northing has 7 digits, an easting 6 (or 8 with its zone)
            double a = Double.parseDouble(m.group(1));
            double b = Double.parseDouble(m.group(2));
            boolean aNorthing = a >= 1e6 && a < 1e7;
            boolean bNorthing = b >= 1e6 && b < 1e7;
            if (aNorthing == bNorthing) {
                throw new UnreadableCoordinates("cannot tell which of " + m.group(1) + " and " + m.group(2) + " is the northing: write X=… Y=…");
            }
            northing = aNorthing ? a : b;
            easting = aNorthing ? b : a;
        } else {
            throw new UnreadableCoordinates("could not read '" + original + "' as Gauss-Krüger coordinates: write X=4681234.5 Y=40512345.6 (X northing, Y easting)");
        }
        Integer given = zone(zoneText);
        int zone;
        double inZone;
        int epsg;
        if (easting >= 1e7) {
            zone = (int) Math.floor(easting / 1e6);
            if (zone < FIRST_ZONE || zone > LAST_ZONE) {
                throw new UnreadableCoordinates("zone " + zone + " (the first two digits of the easting Y=" + CoordinateText.plain(easting)
                        + ") is outside " + FIRST_ZONE + ".." + LAST_ZONE + ", the CGCS2000 3-degree zones of China");
            }
            if (given != null && given != zone) {
                throw new UnreadableCoordinates("the easting Y=" + CoordinateText.plain(easting) + " is in zone " + zone + ", but zone=" + given + " is given");
            }
            inZone = easting - zone * 1e6;
            epsg = EPSG_WITH_ZONE + zone - FIRST_ZONE;
        } else {
            if (easting <= 0) throw new UnreadableCoordinates("the easting Y=" + CoordinateText.plain(easting) + " must be positive");
            if (easting >= 1e6) {
                throw new UnreadableCoordinates("the easting Y=" + CoordinateText.plain(easting) + " has 7 digits: a Gauss-Krüger easting has 6, or 8 beginning with its zone");
            }
            if (given == null) {
                throw new UnreadableCoordinates("the easting Y=" + CoordinateText.plain(easting) + " does not say its zone: give the zone (" + FIRST_ZONE + ".." + LAST_ZONE
                        + "), or the 8-digit easting that begins with it");
            }
            zone = given;
            inZone = easting;
            epsg = EPSG_CENTRAL_MERIDIAN + zone - FIRST_ZONE;
        }
        if (northing <= 0 || northing >= 1e7) {
            throw new UnreadableCoordinates("the northing X=" + CoordinateText.plain(northing) + " is outside 0..10000000 m");
        }
        TransverseMercator plane = TransverseMercator.gaussKrugerZone(zone);
        Point lonLat = (Point) plane.unproject(GEOMETRY.createPoint(new Coordinate(inZone, northing)));
        if (Math.abs(lonLat.getX() - plane.centralMeridian()) > 3) {
            throw new UnreadableCoordinates("X=" + CoordinateText.plain(northing) + " Y=" + CoordinateText.plain(easting) + " lies "
                    + CoordinateText.plain(Math.abs(lonLat.getX() - plane.centralMeridian())) + "° from the central meridian of zone " + zone
                    + " (" + (int) plane.centralMeridian() + "°E), far outside its 3-degree band: check the zone");
        }
        String read = "EPSG:" + epsg + " X=" + CoordinateText.plain(northing) + " Y=" + CoordinateText.plain(easting)
                + " → " + CoordinateText.lonLat(lonLat.getX(), lonLat.getY());
        return new ReadCoordinates(lonLat.getX(), lonLat.getY(), ReadCoordinates.Kind.GAUSS_KRUGER, "EPSG:" + epsg, zone, read);
    }

    private static Integer zone(String text) {
        if (text == null || text.isBlank()) return null;
        int zone;
        try {
            zone = Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new UnreadableCoordinates("zone must be a whole number " + FIRST_ZONE + ".." + LAST_ZONE + ", got '" + text + "'");
        }
        if (zone < FIRST_ZONE || zone > LAST_ZONE) {
            throw new UnreadableCoordinates("zone " + zone + " is outside " + FIRST_ZONE + ".." + LAST_ZONE + ", the CGCS2000 3-degree zones of China");
        }
        return zone;
    }
}
