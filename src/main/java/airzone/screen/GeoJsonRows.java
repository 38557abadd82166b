package airzone.screen;

import airzone.geo.GeoJson;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * A GeoJSON FeatureCollection's features as batch rows, read one feature at a time with Jackson's
 * streaming parser: a million features never become one tree. {@link #check} walks the file once
 * first (structure, count, the largest feature) so that a file that cannot be read is refused before
 * any row is answered.
 */
final class GeoJsonRows implements Batch.Rows {

    private final Path file;
    private final SiteReader reader;

    private GeoJsonRows(Path file, SiteReader reader) {
        this.file = file;
        this.reader = reader;
    }

    /** The rows of {@code file}, once it is known to be a FeatureCollection of at most {@code maxRows} features of at most {@code maxFeatureBytes} each. */
    static GeoJsonRows check(Path file, SiteReader reader, long maxRows, long maxFeatureBytes) {
        try (JsonParser json = GeoJson.MAPPER.createParser(file.toFile())) {
            if (json.nextToken() != JsonToken.START_OBJECT) throw notACollection();
            boolean collection = false;
            long features = -1;
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                JsonToken value = json.nextToken();
                if (field.equals("type")) {
                    collection = value == JsonToken.VALUE_STRING && json.getText().equals("FeatureCollection");
                } else if (field.equals("features") && value == JsonToken.START_ARRAY) {
                    features = 0;
                    for (JsonToken element; (element = json.nextToken()) != JsonToken.END_ARRAY; ) {
                        if (element == null) throw new BatchInput.Refused("body is not JSON: it ends inside the features array");
                        if (++features > maxRows) throw BatchInput.tooMany(maxRows);
                        long start = json.currentTokenLocation().getByteOffset();
                        json.skipChildren();
                        if (json.currentLocation().getByteOffset() - start > maxFeatureBytes) {
                            throw new BatchInput.Refused("feature " + features + " is larger than " + maxFeatureBytes / (1024 * 1024)
                                    + " MiB; a site is a point or a small polygon", BatchInput.Refused.Kind.TOO_LARGE);
                        }
                    }
                } else {
                    json.skipChildren();
                }
            }
            if (json.currentToken() != JsonToken.END_OBJECT) throw new BatchInput.Refused("body is not JSON: it ends before the FeatureCollection closes");
            if (!collection || features < 0) throw notACollection();
            return new GeoJsonRows(file, reader);
        } catch (IOException e) {
            throw new BatchInput.Refused("body is not JSON: " + e.getMessage());
        }
    }

    @Override
    public Batch.Cursor open() {
        JsonParser json;
        try {
            json = GeoJson.MAPPER.createParser(file.toFile());
            json.nextToken();
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                boolean features = json.currentName().equals("features");
                json.nextToken();
                if (features && json.currentToken() == JsonToken.START_ARRAY) break;
                json.skipChildren();
            }
            json.nextToken();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Batch.Cursor() {
            private int row;

            @Override
            public boolean hasNext() {
                return json.currentToken() != JsonToken.END_ARRAY;
            }

            @Override
            public BatchRow next() {
                try {
                    JsonNode read = json.readValueAsTree();
                    JsonNode feature = read == null ? NullNode.instance : read;
                    json.nextToken();
                    row++;
                    String name = feature.path("properties").path("name").asText(null);
                    try {
                        return BatchRow.ok(row, reader.fromFeature(feature));
                    } catch (InvalidSite e) {
                        return BatchRow.refused(row, name, e.getMessage());
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public void close() {
                try {
                    json.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }

    private static BatchInput.Refused notACollection() {
        return new BatchInput.Refused("body must be a GeoJSON FeatureCollection of sites");
    }
}
