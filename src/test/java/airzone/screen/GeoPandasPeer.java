package airzone.screen;

import airzone.geo.GeoJson;
import airzone.layer.Feature;
import airzone.layer.FeatureStore;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.locationtech.jts.io.geojson.GeoJsonWriter;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The same 100,000-site batch done with GeoPandas ({@code scripts/bench/geopandas_batch.py}, Debian's
 * python3-geopandas), on the same layers, timed from reading the CSV to writing it with the layers
 * loaded and indexed beforehand; then the ratio, and whether both found the same distances.
 */
final class GeoPandasPeer {

    private static final String PYTHON = "/usr/bin/python3";
    private static final List<String> LAYERS = List.of("districts", "ban-zones", "built-up-areas", "industrial-parks", "control-zones",
            "heating-radii", "border-buffers", "heat-sources", "border-lines");
    private static final Pattern KM = Pattern.compile("(heating-radius|border-consultation)=\\w+ \\(([0-9.]+) km\\)");

    private GeoPandasPeer() {
    }

    static void compare(FeatureStore store, Path dir, byte[] sites, Path ours, double oursMs, int runs) throws Exception {
        Path layers = Files.createDirectories(dir.resolve("layers"));
        for (String layer : LAYERS) Files.writeString(layers.resolve(layer + ".geojson"), collection(store.all(layer)));
        Path in = dir.resolve("sites.csv");
        Path out = dir.resolve("geopandas-result.csv");
        Files.write(in, sites);
        Process p = new ProcessBuilder(PYTHON, Path.of("scripts/bench/geopandas_batch.py").toAbsolutePath().toString(),
                layers.toString(), in.toString(), out.toString(), Integer.toString(runs)).redirectErrorStream(true).start();
        List<Double> ms = new ArrayList<>();
        String version = "";
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.startsWith("run ")) ms.add(Double.parseDouble(line.split(" ")[2]));
                else if (line.startsWith("geopandas ")) version = line;
                else System.out.println("  peer: " + line);
            }
        }
        if (p.waitFor() != 0 || ms.isEmpty()) throw new IllegalStateException("the GeoPandas peer failed (python3-geopandas installed?)");
        double[] sorted = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double peer = sorted[sorted.length / 2];
        System.out.printf(Locale.ROOT, "GeoPandas peer (%s), 100,000 sites, CSV in and out, one core: median %.0f ms (min %.0f, max %.0f)%n",
                version, peer, sorted[0], sorted[sorted.length - 1]);
        System.out.printf(Locale.ROOT, "ratio GeoPandas / airzone over HTTP: %.2f%n", peer / oursMs);
        agreement(ours, out);
    }

    /** Per site: the nearest plant's and the nearest border's distance in both results, to the metre. */
    private static void agreement(Path ours, Path theirs) throws IOException {
        List<CSVRecord> a = read(ours);
        List<CSVRecord> b = read(theirs);
        int plantOff = 0;
        int borderOff = 0;
        double largest = 0;
        for (int i = 0; i < a.size(); i++) {
            double[] km = distances(a.get(i).get("findings"));
            double plant = Math.abs(km[0] - Double.parseDouble(b.get(i).get("plant_km")));
            double border = Math.abs(km[1] - Double.parseDouble(b.get(i).get("border_km")));
            if (plant > 0.0011) plantOff++;
            if (border > 0.0011) borderOff++;
            largest = Math.max(largest, Math.max(plant, border));
        }
        System.out.printf(Locale.ROOT, "agreement over %,d sites: nearest plant differs by more than 1 m at %d, nearest border at %d; largest difference %.3f km%n",
                a.size(), plantOff, borderOff, largest);
    }

    /** The heating-radius distance and the least border distance of a summary row's findings. */
    private static double[] distances(String findings) {
        double[] km = {Double.NaN, Double.POSITIVE_INFINITY};
        Matcher m = KM.matcher(findings);
        while (m.find()) {
            double d = Double.parseDouble(m.group(2));
            if (m.group(1).equals("heating-radius")) km[0] = d;
            else km[1] = Math.min(km[1], d);
        }
        return km;
    }

    private static List<CSVRecord> read(Path csv) throws IOException {
        try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            r.mark(1);
            if (r.read() != '\uFEFF') r.reset();
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
        }
    }

    private static String collection(List<Feature> features) {
        GeoJsonWriter writer = new GeoJsonWriter();
        writer.setEncodeCRS(false);
        ObjectNode fc = GeoJson.MAPPER.createObjectNode().put("type", "FeatureCollection");
        ArrayNode list = fc.putArray("features");
        for (Feature f : features) {
            ObjectNode feature = list.addObject().put("type", "Feature");
            feature.set("geometry", GeoJson.parseObject(writer.write(f.geometry())));
            ObjectNode properties = f.properties().deepCopy();
            properties.put("id", f.id());
            feature.set("properties", properties);
        }
        return fc.toString();
    }
}
