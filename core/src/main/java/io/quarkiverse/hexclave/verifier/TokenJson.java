package io.quarkiverse.hexclave.verifier;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;

/**
 * Reads a token's header or payload with jackson-core's streaming parser alone, into the values Jackson's data binding
 * gives an untyped {@code Map<String, Object>} with {@code USE_LONG_FOR_INTS}: objects as {@link LinkedHashMap}, arrays
 * as {@link ArrayList}, integers as {@link Long}, other numbers as {@link Double}; integers beyond a long, duplicate
 * member names and anything after the object are refused.
 * <p>
 * Not data binding, because an application that only verifies tokens never needs it otherwise: building an
 * {@code ObjectMapper} on the first request cost about 8 MB of allocation and 400 classes (see the performance page).
 * The parser's own limits (nesting depth, number length) apply.
 */
final class TokenJson {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private TokenJson() {
    }

    /**
     * The JSON object {@code json} holds.
     *
     * @throws IOException when it is not exactly one well-formed JSON object (the message may quote the input: never
     *         show it to a caller)
     */
    static Map<String, Object> readObject(byte[] json) throws IOException {
        try (JsonParser parser = FACTORY.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new JsonParseException(parser, "not a JSON object");
            }
            Map<String, Object> object = object(parser);
            if (parser.nextToken() != null) {
                throw new JsonParseException(parser, "content after the JSON object");
            }
            return object;
        }
    }

    /** The object whose {@code START_OBJECT} is the current token. */
    private static Map<String, Object> object(JsonParser parser) throws IOException {
        Map<String, Object> object = new LinkedHashMap<>();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
            if (token != JsonToken.FIELD_NAME) {
                throw new JsonParseException(parser, "a member name expected");
            }
            String name = parser.currentName();
            parser.nextToken();
            object.put(name, value(parser));
        }
        return object;
    }

    /** The array whose {@code START_ARRAY} is the current token. */
    private static List<Object> array(JsonParser parser) throws IOException {
        List<Object> array = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            array.add(value(parser));
        }
        return array;
    }

    private static Object value(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == null) {
            throw new JsonParseException(parser, "unexpected end of input");
        }
        return switch (token) {
            case START_OBJECT -> object(parser);
            case START_ARRAY -> array(parser);
            case VALUE_STRING -> parser.getText();
            case VALUE_NUMBER_INT -> parser.getLongValue(); // refuses integers beyond a long
            case VALUE_NUMBER_FLOAT -> parser.getDoubleValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> throw new JsonParseException(parser, "unexpected " + token);
        };
    }
}
