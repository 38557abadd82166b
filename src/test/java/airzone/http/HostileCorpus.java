package airzone.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The hostile-input corpus under {@code src/test/resources/hostile/}: the manifest {@code cases.tsv}
 * (one row per case, described in its header), the small body files it names, and the bodies too big
 * to check in, which are generated here ({@code gen:<name>} in the manifest).
 */
final class HostileCorpus {

    static final String DIR = "/hostile/";

    /** One row of cases.tsv. */
    record Case(String name, String inputClass, String method, String path, String body, String contentType,
                String auth, String ifMatch, String transport, Set<Integer> expect, String note) {

        boolean generated() {
            return body.startsWith("gen:");
        }

        @Override
        public String toString() {
            return name + " [" + inputClass + "]";
        }
    }

    /** A body: its exact length and a way to stream it (generated bodies are never held whole when large). */
    record Body(long length, Supplier<InputStream> open) {
        static Body of(byte[] bytes) {
            return new Body(bytes.length, () -> new ByteArrayInputStream(bytes));
        }

        byte[] bytes() {
            if (length > 64L * 1024 * 1024) throw new IllegalStateException("a " + length + "-byte body is streamed, not materialised");
            try (InputStream in = open.get()) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private HostileCorpus() {
    }

    static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        boolean header = true;
        for (String line : text("cases.tsv").split("\n", -1)) {
            if (line.isBlank() || line.startsWith("#")) continue;
            if (header) {
                header = false;
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length != 11) throw new IllegalStateException("cases.tsv: expected 11 tab-separated columns, got " + f.length + ": " + line);
            Set<Integer> expect = Arrays.stream(f[9].split("\\|")).map(String::trim).map(Integer::valueOf)
                    .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
            cases.add(new Case(f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], Collections.unmodifiableSet(expect), f[10]));
        }
        return cases;
    }

    /** The valid bodies the cases are variations of: name, path, file. */
    static List<String[]> controls() {
        List<String[]> controls = new ArrayList<>();
        boolean header = true;
        for (String line : text("controls.tsv").split("\n")) {
            if (line.isBlank() || line.startsWith("#")) continue;
            if (header) {
                header = false;
                continue;
            }
            controls.add(line.split("\t"));
        }
        return controls;
    }

    static Body body(Case c) {
        if (c.body().equals("-")) return null;
        if (c.generated()) return generate(c.body().substring("gen:".length()));
        return Body.of(file(c.body()));
    }

    static boolean exists(String file) {
        return HostileCorpus.class.getResource(DIR + file) != null;
    }

    static byte[] file(String name) {
        try (InputStream in = HostileCorpus.class.getResourceAsStream(DIR + name)) {
            if (in == null) throw new IllegalStateException("no corpus file " + DIR + name);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(String name) {
        return new String(file(name), StandardCharsets.UTF_8);
    }

    // ------------------------------------------------------------------------------------ generators

    static final Set<String> GENERATORS = Set.of(
            "whitespace-padded-21mb", "ten-million-vertices", "vertices-150k", "squares-30k", "valid-ban-zone",
            "nested-coordinates-100000", "nested-coordinates-1000", "nested-property-objects-100000",
            "nested-foreign-member-100000", "nested-foreign-member-600", "unclosed-arrays-100000",
            "nested-mixed-100000", "name-10001-chars");

    private static final String PROPS = "\"properties\":{\"name\":\"hostile\",\"class\":\"III\"}";
    private static final String POLYGON = "{\"type\":\"Polygon\",\"coordinates\":[[[119.5,39.9],[119.52,39.9],[119.52,39.92],[119.5,39.92],[119.5,39.9]]]}";

    static Body generate(String name) {
        return switch (name) {
            case "valid-ban-zone" -> Body.of(file("valid-ban-zone.json"));
            // a valid Feature, then 21 MiB of JSON whitespace: only the size is wrong
            case "whitespace-padded-21mb" -> {
                byte[] feature = file("valid-ban-zone.json");
                long padding = 21L * 1024 * 1024;
                yield new Body(feature.length + padding, () -> new SequenceInputStream(
                        new ByteArrayInputStream(feature), new RepeatedByte((byte) ' ', padding)));
            }
            case "ten-million-vertices" -> squareRing(10_000_000);
            case "vertices-150k" -> squareRing(150_000);
            case "squares-30k" -> Body.of(squares(200, 150).getBytes(StandardCharsets.US_ASCII));
            case "nested-coordinates-100000" -> ascii(feature("[".repeat(100_000) + "119.5,39.9" + "]".repeat(100_000)));
            case "nested-coordinates-1000" -> ascii(feature("[".repeat(1_000) + "119.5,39.9" + "]".repeat(1_000)));
            case "nested-property-objects-100000" -> ascii("{\"type\":\"Feature\",\"properties\":{\"name\":\"hostile\",\"class\":\"III\",\"deep\":"
                    + "{\"a\":".repeat(100_000) + "1" + "}".repeat(100_000) + "},\"geometry\":" + POLYGON + "}");
            case "nested-foreign-member-100000" -> ascii("{\"type\":\"Feature\",\"deep\":" + "[".repeat(100_000) + "]".repeat(100_000)
                    + "," + PROPS + ",\"geometry\":" + POLYGON + "}");
            case "nested-foreign-member-600" -> ascii("{\"type\":\"Feature\",\"deep\":" + "[".repeat(600) + "]".repeat(600)
                    + "," + PROPS + ",\"geometry\":" + POLYGON + "}");
            case "unclosed-arrays-100000" -> ascii("[".repeat(100_000));
            case "nested-mixed-100000" -> {
                StringBuilder open = new StringBuilder();
                StringBuilder close = new StringBuilder();
                for (int i = 0; i < 100_000; i++) {
                    open.append(i % 2 == 0 ? "[" : "{\"a\":");
                    close.append(i % 2 == 0 ? "]" : "}");
                }
                yield ascii(feature(open + "1" + close.reverse()));
            }
            case "name-10001-chars" -> ascii("{\"type\":\"Feature\",\"properties\":{\"name\":\"" + "a".repeat(10_001)
                    + "\",\"class\":\"III\"},\"geometry\":" + POLYGON + "}");
            default -> throw new IllegalArgumentException("no generator " + name);
        };
    }

    private static Body ascii(String s) {
        return Body.of(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String feature(String coordinates) {
        return "{\"type\":\"Feature\"," + PROPS + ",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":" + coordinates + "}}";
    }

    /** Fixed-width vertex "[119.0000000,39.0000000]" from coordinates in units of 1e-7 degree. */
    private static final int VERTEX_WIDTH = 24;

    private static void vertex(byte[] out, int at, long lonUnits, long latUnits) {
        out[at] = '[';
        fixed(out, at + 1, lonUnits, 3);
        out[at + 12] = ',';
        fixed(out, at + 13, latUnits, 2);
        out[at + 23] = ']';
    }

    private static void fixed(byte[] out, int at, long units, int intDigits) {
        long whole = units / 10_000_000;
        long frac = units % 10_000_000;
        for (int i = intDigits - 1; i >= 0; i--, whole /= 10) out[at + i] = (byte) ('0' + whole % 10);
        out[at + intDigits] = '.';
        for (int i = 6; i >= 0; i--, frac /= 10) out[at + intDigits + 1 + i] = (byte) ('0' + frac % 10);
    }

    /**
     * One simple (not self-intersecting) ring of {@code vertices} distinct positions around a square of
     * about 1 degree at 119°E 39°N, plus the closing position; streamed in blocks, never held whole.
     */
    static Body squareRing(int vertices) {
        int perSide = vertices / 4;
        long step = 10_000_000L / perSide;
        long side = step * perSide;
        long x0 = 1_190_000_000L;
        long y0 = 390_000_000L;
        int total = perSide * 4;
        byte[] prefix = ("{\"type\":\"Feature\",\"properties\":{\"name\":\"hostile-" + total + "-vertices\",\"class\":\"III\"},"
                + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[").getBytes(StandardCharsets.US_ASCII);
        byte[] suffix = "]]}}".getBytes(StandardCharsets.US_ASCII);
        long length = prefix.length + (long) (total + 1) * VERTEX_WIDTH + total + suffix.length;
        return new Body(length, () -> {
            Iterator<byte[]> blocks = new Iterator<>() {
                int next = -1; // -1: prefix; 0..total: vertices (total is the closing one); > total: suffix, then done
                boolean done;

                public boolean hasNext() {
                    return !done;
                }

                public byte[] next() {
                    if (next == -1) {
                        next = 0;
                        return prefix;
                    }
                    if (next > total) {
                        done = true;
                        return suffix;
                    }
                    int n = Math.min(10_000, total + 1 - next);
                    byte[] block = new byte[n * (VERTEX_WIDTH + 1)];
                    int at = 0;
                    for (int i = 0; i < n; i++, next++) {
                        if (next > 0) block[at++] = ',';
                        int k = next == total ? 0 : next;
                        int s = k / perSide;
                        long t = (long) (k % perSide) * step;
                        long x = switch (s) { case 0 -> x0 + t; case 1 -> x0 + side; case 2 -> x0 + side - t; default -> x0; };
                        long y = switch (s) { case 0 -> y0; case 1 -> y0 + t; case 2 -> y0 + side; default -> y0 + side - t; };
                        vertex(block, at, x, y);
                        at += VERTEX_WIDTH;
                    }
                    if (next > total) next = total + 1;
                    return Arrays.copyOf(block, at);
                }
            };
            return new SequenceInputStream(new java.util.Enumeration<InputStream>() {
                public boolean hasMoreElements() {
                    return blocks.hasNext();
                }

                public InputStream nextElement() {
                    return new ByteArrayInputStream(blocks.next());
                }
            });
        });
    }

    /** A MultiPolygon of columns × rows small separate squares (5 positions each). */
    private static String squares(int columns, int rows) {
        StringBuilder s = new StringBuilder("{\"type\":\"Feature\",\"properties\":{\"name\":\"hostile-squares\",\"class\":\"III\"},"
                + "\"geometry\":{\"type\":\"MultiPolygon\",\"coordinates\":[");
        byte[] v = new byte[VERTEX_WIDTH];
        for (int c = 0; c < columns; c++) {
            for (int r = 0; r < rows; r++) {
                if (c > 0 || r > 0) s.append(',');
                long x = 1_190_000_000L + c * 20_000L;
                long y = 390_000_000L + r * 20_000L;
                long[][] ring = {{x, y}, {x + 10_000, y}, {x + 10_000, y + 10_000}, {x, y + 10_000}, {x, y}};
                s.append("[[");
                for (int i = 0; i < ring.length; i++) {
                    if (i > 0) s.append(',');
                    vertex(v, 0, ring[i][0], ring[i][1]);
                    s.append(new String(v, StandardCharsets.US_ASCII));
                }
                s.append("]]");
            }
        }
        return s.append("]}}").toString();
    }

    /** {@code count} copies of one byte, without allocating them. */
    private static final class RepeatedByte extends InputStream {
        private final byte value;
        private long left;

        RepeatedByte(byte value, long count) {
            this.value = value;
            this.left = count;
        }

        @Override
        public int read() {
            if (left <= 0) return -1;
            left--;
            return value & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left <= 0) return -1;
            int n = (int) Math.min(len, left);
            Arrays.fill(b, off, off + n, value);
            left -= n;
            return n;
        }
    }

    static Map<String, Long> countByClass(List<Case> cases) {
        return cases.stream().collect(Collectors.groupingBy(Case::inputClass, java.util.TreeMap::new, Collectors.counting()));
    }
}
