package airzone.edit;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Request bodies that change data are read strictly: UTF-8 only (invalid bytes are refused, not
 * replaced), no duplicate keys (which of two "class" members would win is anyone's guess), no NaN or
 * Infinity, nothing after the value, and limited nesting, so a hostile body fails fast with a message instead of deep inside.
 */
public final class StrictJson {

    private static final int MAX_NESTING = 64;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build());
    }

    private StrictJson() {
    }

    /** @throws InvalidFeature saying what is wrong with the bytes */
    public static JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) throw new InvalidFeature("the body is empty; send a GeoJSON Feature");
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidFeature("the body is not valid UTF-8 text; send JSON in UTF-8");
        }
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        try {
            JsonNode node = MAPPER.readTree(text);
            if (node == null || node.isMissingNode()) throw new InvalidFeature("the body is empty; send a GeoJSON Feature");
            return node;
        } catch (JsonProcessingException e) {
            throw new InvalidFeature("the body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InvalidFeature("the body could not be read: " + e.getMessage());
        }
    }
}
