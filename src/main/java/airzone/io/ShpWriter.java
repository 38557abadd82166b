package airzone.io;

import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The geometry half of a shapefile — the .shp main file and its .shx index — written after the
 * ESRI Shapefile Technical Description (July 1998) for 2D shapes: Null, Point, MultiPoint, PolyLine
 * and Polygon (outer rings clockwise, holes counter-clockwise, as the description requires).
 *
 * <p>Written by hand because the maintained Java writer on the registry this project builds from,
 * H2GIS's ({@code org.h2gis.functions.io.shp.internal.PolygonHandler}, 2.2.5 and its master of
 * April 2026 alike), computes a polygon record's length as {@code nrings += nrings + 1 + holes}: every
 * MultiPolygon of two or more parts gets a record length longer than its content, the .shx offsets
 * drift, and GDAL stops with "Invalid length for entity" — 234 of the 235 districts were unreadable.
 * GeoTools, the other usual choice, is not served by that registry (docs/architecture.md). The format is a 100-byte
 * header and length-prefixed records; ShapefileExportTest reads every file back with GDAL.
 */
final class ShpWriter implements AutoCloseable {

    static final int NULL = 0;
    static final int POINT = 1;
    static final int POLYLINE = 3;
    static final int POLYGON = 5;
    static final int MULTIPOINT = 8;

    private static final int HEADER_BYTES = 100;

    private final int shapeType;
    private final Path shp;
    private final Path shx;
    private final OutputStream shpOut;
    private final OutputStream shxOut;
    private final Envelope bounds = new Envelope();
    private int records;
    /** Position in 16-bit words, as the format counts. */
    private long shpWords = HEADER_BYTES / 2;

    ShpWriter(Path shp, Path shx, int shapeType) throws IOException {
        this.shapeType = shapeType;
        this.shp = shp;
        this.shx = shx;
        this.shpOut = new BufferedOutputStream(Files.newOutputStream(shp), 1 << 16);
        this.shxOut = new BufferedOutputStream(Files.newOutputStream(shx), 1 << 14);
        // headers are rewritten with lengths and bounds on close
        shpOut.write(new byte[HEADER_BYTES]);
        shxOut.write(new byte[HEADER_BYTES]);
    }

    /** Writes one record; null or empty geometry becomes a Null shape, as the format allows in any file. */
    void write(Geometry g) throws IOException {
        ByteBuffer content = g == null || g.isEmpty() ? nullShape() : switch (shapeType) {
            case POINT -> point((Point) g);
            case MULTIPOINT -> multiPoint(g);
            case POLYLINE -> parts(g, lines(g), POLYLINE);
            case POLYGON -> parts(g, rings(g), POLYGON);
            default -> throw new IllegalStateException("shape type " + shapeType);
        };
        if (g != null && !g.isEmpty()) bounds.expandToInclude(g.getEnvelopeInternal());
        int contentWords = content.capacity() / 2;
        records++;
        ByteBuffer recordHeader = ByteBuffer.allocate(8).order(ByteOrder.BIG_ENDIAN);
        recordHeader.putInt(records).putInt(contentWords);
        shpOut.write(recordHeader.array());
        shpOut.write(content.array());
        ByteBuffer index = ByteBuffer.allocate(8).order(ByteOrder.BIG_ENDIAN);
        index.putInt((int) shpWords).putInt(contentWords);
        shxOut.write(index.array());
        shpWords += 4 + contentWords;
        if (shpWords > Integer.MAX_VALUE) throw new IOException("a shapefile cannot exceed 4 GB; export a smaller bbox");
    }

    @Override
    public void close() throws IOException {
        shpOut.close();
        shxOut.close();
        writeHeader(shp, shpWords);
        writeHeader(shx, HEADER_BYTES / 2 + 4L * records);
    }

    private void writeHeader(Path file, long lengthWords) throws IOException {
        ByteBuffer h = ByteBuffer.allocate(HEADER_BYTES);
        h.order(ByteOrder.BIG_ENDIAN).putInt(9994).putInt(0).putInt(0).putInt(0).putInt(0).putInt(0).putInt((int) lengthWords);
        h.order(ByteOrder.LITTLE_ENDIAN).putInt(1000).putInt(shapeType);
        Envelope e = bounds.isNull() ? new Envelope(0, 0, 0, 0) : bounds;
        h.putDouble(e.getMinX()).putDouble(e.getMinY()).putDouble(e.getMaxX()).putDouble(e.getMaxY());
        h.putDouble(0).putDouble(0).putDouble(0).putDouble(0); // Z and M ranges: unused for 2D shapes
        h.flip();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.write(h, 0);
        }
    }

    private static ByteBuffer nullShape() {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(NULL);
    }

    private static ByteBuffer point(Point p) {
        ByteBuffer b = ByteBuffer.allocate(20).order(ByteOrder.LITTLE_ENDIAN);
        return b.putInt(POINT).putDouble(p.getX()).putDouble(p.getY());
    }

    private static ByteBuffer multiPoint(Geometry g) {
        Coordinate[] points = g.getCoordinates();
        ByteBuffer b = ByteBuffer.allocate(40 + 16 * points.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(MULTIPOINT);
        box(b, g.getEnvelopeInternal());
        b.putInt(points.length);
        for (Coordinate c : points) b.putDouble(c.x).putDouble(c.y);
        return b;
    }

    /** PolyLine and Polygon share a layout: box, part count, point count, part starts, points. */
    private static ByteBuffer parts(Geometry g, List<CoordinateSequence> parts, int type) {
        int points = 0;
        for (CoordinateSequence part : parts) points += part.size();
        ByteBuffer b = ByteBuffer.allocate(44 + 4 * parts.size() + 16 * points).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(type);
        box(b, g.getEnvelopeInternal());
        b.putInt(parts.size()).putInt(points);
        int start = 0;
        for (CoordinateSequence part : parts) {
            b.putInt(start);
            start += part.size();
        }
        for (CoordinateSequence part : parts) {
            for (int i = 0; i < part.size(); i++) b.putDouble(part.getX(i)).putDouble(part.getY(i));
        }
        return b;
    }

    private static List<CoordinateSequence> lines(Geometry g) {
        List<CoordinateSequence> parts = new ArrayList<>();
        for (int i = 0; i < g.getNumGeometries(); i++) parts.add(((LineString) g.getGeometryN(i)).getCoordinateSequence());
        return parts;
    }

    private static List<CoordinateSequence> rings(Geometry g) {
        List<CoordinateSequence> rings = new ArrayList<>();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Polygon p = (Polygon) g.getGeometryN(i);
            if (p.isEmpty()) continue;
            rings.add(oriented(p.getExteriorRing(), false));
            for (int h = 0; h < p.getNumInteriorRing(); h++) rings.add(oriented(p.getInteriorRingN(h), true));
        }
        return rings;
    }

    /** Outer rings clockwise, holes counter-clockwise. */
    private static CoordinateSequence oriented(LinearRing ring, boolean counterClockwise) {
        CoordinateSequence seq = ring.getCoordinateSequence();
        return Orientation.isCCW(seq) == counterClockwise ? seq : ring.reverse().getCoordinateSequence();
    }

    private static void box(ByteBuffer b, Envelope e) {
        b.putDouble(e.getMinX()).putDouble(e.getMinY()).putDouble(e.getMaxX()).putDouble(e.getMaxY());
    }
}
