package airzone.io.imports;

import airzone.layer.Feature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.nio.charset.Charset;
import java.util.Iterator;
import java.util.Map;

/**
 * A dBase text field holds at most 254 bytes, so a shapefile export cuts longer text (between
 * characters, and says so in fields.csv). When such a shapefile comes back, a value that fills the
 * field and is the beginning of what the same feature stores now is that cut, not an edit: the
 * stored text is kept in full rather than shortened by the round trip.
 */
final class CutText {

    /** dBase III's limit for a character field. */
    private static final int DBF_TEXT_BYTES = 254;
    /** a cut between characters leaves at most this many bytes of the limit unused (a 4-byte UTF-8 character) */
    private static final int SLACK = 3;

    private CutText() {
    }

    /** Restores cut values in {@code properties} from {@code stored}; returns how many. */
    static int restore(ObjectNode properties, Feature stored, Charset charset) {
        if (stored == null) return 0;
        int restored = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isTextual()) continue;
            String value = e.getValue().textValue();
            JsonNode before = stored.properties().get(e.getKey());
            if (before == null || !before.isTextual()) continue;
            String full = before.textValue();
            int bytes = value.getBytes(charset).length;
            if (full.length() > value.length() && full.startsWith(value) && bytes > DBF_TEXT_BYTES - 1 - SLACK && bytes <= DBF_TEXT_BYTES) {
                e.setValue(TextNode.valueOf(full));
                restored++;
            }
        }
        return restored;
    }
}
