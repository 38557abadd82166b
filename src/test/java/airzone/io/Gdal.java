package airzone.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * GDAL's command-line readers (Debian's gdal-bin: ogrinfo, gdalsrsinfo, gdaltransform) as the
 * export tests use them: what a real GIS reads back from our files. Their absence is a failure,
 * not a skip — scripts/test installs gdal-bin.
 */
public final class Gdal {

    private static final long TIMEOUT_SECONDS = 120;

    private Gdal() {
    }

    public record Result(int exitCode, String output) {
    }

    /** What {@code ogrinfo -so} says about one layer. */
    public record LayerInfo(String geometry, long featureCount, Integer epsg, String output) {
    }

    public static void requireTools() {
        for (String tool : List.of("ogrinfo", "gdalsrsinfo", "gdaltransform")) {
            if (!Files.isExecutable(Path.of("/usr/bin", tool))) {
                fail("/usr/bin/" + tool + " is missing: the export tests read files back with GDAL "
                        + "(apt-get install gdal-bin, or run scripts/test which installs it)");
            }
        }
    }

    /** Runs a GDAL tool with stderr merged into stdout, so its complaints end up in assertion messages. */
    public static Result run(String stdin, String... command) {
        try {
            Path log = Files.createTempFile("gdal", ".log");
            try {
                ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
                Process process = builder.start();
                try (var in = process.getOutputStream()) {
                    if (stdin != null) in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
                if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                    fail(String.join(" ", command) + " did not finish within " + TIMEOUT_SECONDS + " s");
                }
                return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command[0] + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static Result ogrinfo(String... args) {
        List<String> command = new ArrayList<>();
        command.add("/usr/bin/ogrinfo");
        command.addAll(List.of(args));
        return run(null, command.toArray(String[]::new));
    }

    /** The names of the layers GDAL finds in a data source. */
    public static List<String> layers(Path file) {
        Result r = ogrinfo("-ro", "-q", file.toString());
        assertTrue(r.exitCode() == 0, "ogrinfo failed on " + file + ":\n" + r.output());
        List<String> names = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^\\d+: (.*?)(?: \\([^()]*\\))?$").matcher(r.output());
        while (m.find()) names.add(m.group(1));
        return names;
    }

    public static LayerInfo layerInfo(Path file, String layer) {
        Result r = ogrinfo("-ro", "-so", file.toString(), layer);
        assertTrue(r.exitCode() == 0, "ogrinfo -so failed on " + file + ":\n" + r.output());
        String out = r.output();
        Matcher geometry = Pattern.compile("(?m)^Geometry: (.*)$").matcher(out);
        Matcher count = Pattern.compile("(?m)^Feature Count: (-?\\d+)$").matcher(out);
        assertTrue(count.find(), "no feature count in:\n" + out);
        return new LayerInfo(geometry.find() ? geometry.group(1).trim() : null, Long.parseLong(count.group(1)), layerEpsg(out), out);
    }

    /**
     * The EPSG code GDAL identified for the layer's CRS as a whole: the last ID["EPSG",n] of the
     * "Layer SRS WKT" block (inner IDs name the datum, ellipsoid, units and parameters).
     */
    static Integer layerEpsg(String ogrinfoOutput) {
        int start = ogrinfoOutput.indexOf("Layer SRS WKT:");
        if (start < 0) return null;
        int end = ogrinfoOutput.indexOf("Data axis to CRS axis mapping", start);
        String wkt = ogrinfoOutput.substring(start, end < 0 ? ogrinfoOutput.length() : end).trim();
        if (!wkt.endsWith("]")) return null;
        Matcher m = Pattern.compile("ID\\[\"EPSG\",(\\d+)\\]\\]\\s*$").matcher(wkt);
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }

    /**
     * Rows of an SQL query in GDAL's SQLite dialect (Spatialite functions: ST_IsValid,
     * ST_GeometryType, ST_X ...), each as column → value text exactly as ogrinfo prints it (UTF-8).
     */
    public static List<Map<String, String>> sql(Path file, String sql) {
        Result r = ogrinfo("-ro", "-q", "-dialect", "sqlite", "-sql", sql, file.toString());
        assertTrue(r.exitCode() == 0 && !r.output().contains("ERROR"), "query failed on " + file + ": " + sql + "\n" + r.output());
        List<Map<String, String>> rows = new ArrayList<>();
        Map<String, String> row = null;
        Pattern field = Pattern.compile("^  ([^ ()]+) \\([^)]*\\) = (.*)$");
        for (String line : r.output().split("\n", -1)) {
            if (line.startsWith("OGRFeature(")) {
                row = new LinkedHashMap<>();
                rows.add(row);
            } else if (row != null) {
                Matcher m = field.matcher(line);
                if (m.matches()) row.put(m.group(1), m.group(2));
            }
        }
        return rows;
    }

    /** gdalsrsinfo's text for an EPSG code in one of its output formats (wkt1, wkt_esri ...) on one line. */
    public static String srsText(int epsg, String format) {
        Result r = run(null, "/usr/bin/gdalsrsinfo", "-o", format, "EPSG:" + epsg);
        assertTrue(r.exitCode() == 0, "gdalsrsinfo failed for EPSG:" + epsg + ":\n" + r.output());
        return r.output().trim().replaceAll("\\s*\n\\s*", "");
    }

    /** Lon/lat points (GIS order) transformed by GDAL/PROJ from {@code sourceEpsg} to {@code targetEpsg}. */
    public static List<double[]> transform(int sourceEpsg, int targetEpsg, List<double[]> points) {
        StringBuilder in = new StringBuilder();
        for (double[] p : points) in.append(p[0]).append(' ').append(p[1]).append('\n');
        Result r = run(in.toString(), "/usr/bin/gdaltransform", "-s_srs", "EPSG:" + sourceEpsg, "-t_srs", "EPSG:" + targetEpsg,
                "-output_xy");
        assertTrue(r.exitCode() == 0, "gdaltransform failed:\n" + r.output());
        List<double[]> out = new ArrayList<>();
        for (String line : r.output().trim().split("\n")) {
            String[] parts = line.trim().split("\\s+");
            out.add(new double[]{Double.parseDouble(parts[0]), Double.parseDouble(parts[1])});
        }
        return out;
    }
}
