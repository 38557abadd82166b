package airzone.screen;

import airzone.geo.GeoJson;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a batch of sites: CSV (UTF-8, with or without BOM, or GBK — as Excel in China saves it) with
 * the header {@code name,lon,lat,…}, or a GeoJSON FeatureCollection. A bad row becomes a refused row
 * with its reason; only a request that cannot be read at all (or is too long) is refused whole.
 */
public final class BatchInput {

    public static final int MAX_ROWS = 100_000;
    private static final Charset GBK = Charset.forName("GBK");

    /** The whole request cannot be taken; {@code tooLarge} asks for a 413 rather than a 400. */
    public static final class Refused extends RuntimeException {
        private final boolean tooLarge;

        Refused(String message, boolean tooLarge) {
            super(message);
            this.tooLarge = tooLarge;
        }

        public boolean tooLarge() {
            return tooLarge;
        }
    }

    private final SiteReader reader;

    public BatchInput(SiteReader reader) {
        this.reader = reader;
    }

    /** @param encoding "UTF-8", "GBK", or null to detect (strict UTF-8 first, GBK if that fails) */
    public List<BatchRow> csv(byte[] body, String encoding) {
        String text = decode(body, encoding);
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).get();
        try (CSVParser csv = CSVParser.parse(new StringReader(text), format)) {
            checkHeader(csv.getHeaderNames());
            List<BatchRow> rows = new ArrayList<>();
            int row = 0;
            for (CSVRecord record : csv) {
                row++;
                if (row > MAX_ROWS) throw tooMany();
                rows.add(csvRow(row, record));
            }
            return rows;
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw new Refused("CSV cannot be read: " + e.getMessage(), false);
        }
    }

    public List<BatchRow> geoJson(byte[] body) {
        JsonNode collection;
        try {
            collection = GeoJson.MAPPER.readTree(body);
        } catch (IOException e) {
            throw new Refused("body is not JSON: " + e.getMessage(), false);
        }
        if (collection == null || !"FeatureCollection".equals(collection.path("type").asText()) || !collection.path("features").isArray()) {
            throw new Refused("body must be a GeoJSON FeatureCollection of sites", false);
        }
        if (collection.get("features").size() > MAX_ROWS) throw tooMany();
        List<BatchRow> rows = new ArrayList<>();
        int row = 0;
        for (JsonNode feature : collection.get("features")) {
            row++;
            String name = feature.path("properties").path("name").asText(null);
            try {
                rows.add(BatchRow.ok(row, reader.fromFeature(feature)));
            } catch (InvalidSite e) {
                rows.add(BatchRow.refused(row, name, e.getMessage()));
            }
        }
        return rows;
    }

    private BatchRow csvRow(int row, CSVRecord record) {
        Map<String, String> values = record.toMap();
        String name = values.get("name");
        if (!record.isConsistent()) {
            return BatchRow.refused(row, name, "row has " + record.size() + " cells, the header " + record.getParser().getHeaderNames().size());
        }
        try {
            return BatchRow.ok(row, reader.fromValues(values.get("lon"), values.get("lat"), values::get));
        } catch (InvalidSite e) {
            return BatchRow.refused(row, name, e.getMessage());
        }
    }

    private static void checkHeader(List<String> header) {
        if (header.size() == 1 && header.get(0).matches(".*[;\t|].*")) {
            throw new Refused("CSV must be comma-separated; the header looks delimited by something else: '" + header.get(0) + "'", false);
        }
        Set<String> known = new HashSet<>(SiteReader.ATTRIBUTES);
        known.add("lon");
        known.add("lat");
        for (String column : header) {
            if (!known.contains(column)) {
                throw new Refused("unknown CSV column '" + column + "'; the header is name,lon,lat and any of " + SiteReader.ATTRIBUTES.subList(1, SiteReader.ATTRIBUTES.size()), false);
            }
        }
        for (String required : List.of("name", "lon", "lat")) {
            if (!header.contains(required)) throw new Refused("CSV header lacks the column '" + required + "' (header: name,lon,lat,…)", false);
        }
    }

    private static String decode(byte[] body, String encoding) {
        if (encoding != null) {
            Charset charset = switch (encoding.toUpperCase()) {
                case "UTF-8", "UTF8" -> StandardCharsets.UTF_8;
                case "GBK", "GB2312", "GB18030", "CP936" -> GBK;
                default -> throw new Refused("encoding must be UTF-8 or GBK, got '" + encoding + "'", false);
            };
            return strict(body, charset, "the body is not valid " + charset.name());
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException notUtf8) {
            return strict(body, GBK, "the body is neither UTF-8 nor GBK");
        }
    }

    private static String strict(byte[] body, Charset charset, String problem) {
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new Refused(problem, false);
        }
    }

    private static Refused tooMany() {
        return new Refused("a batch holds at most " + MAX_ROWS + " sites", true);
    }
}
