package io.quarkiverse.hexclave.client;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;


/** The one shared, thread-safe {@link ObjectMapper} of the client, and the decoding of successful responses. */
final class Json {

    /** Lenient on read (unknown properties ignored); the records carry their own naming. */
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, false);

    private Json() {
    }

    /** The body as a JSON object, or an {@code UnknownHexclaveErrorException} if it is not one. */
    public static JsonNode tree(HexclaveResponse response) {
        try {
            JsonNode node = MAPPER.readTree(response.body());
            if (node == null || !node.isObject()) {
                throw HexclaveErrors.unexpectedBody(response);
            }
            return node;
        } catch (java.io.IOException e) {
            throw HexclaveErrors.unexpectedBody(response);
        }
    }

    /** The body as {@code type}, or an {@code UnknownHexclaveErrorException} if it does not fit. */
    public static <T> T read(HexclaveResponse response, Class<T> type) {
        return convert(response, tree(response), type);
    }

    /** A node of the body as {@code type}, or an {@code UnknownHexclaveErrorException}. */
    public static <T> T convert(HexclaveResponse response, JsonNode node, Class<T> type) {
        try {
            T value = MAPPER.treeToValue(node, type);
            if (value == null) {
                throw HexclaveErrors.unexpectedBody(response);
            }
            return value;
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw HexclaveErrors.unexpectedBody(response);
        }
    }

    /** The body's {@code items} array, each element as {@code type}, or an {@code UnknownHexclaveErrorException}. */
    public static <T> List<T> items(HexclaveResponse response, JsonNode body, Class<T> type) {
        JsonNode items = body.get("items");
        if (items == null || !items.isArray()) {
            throw HexclaveErrors.unexpectedBody(response);
        }
        List<T> result = new ArrayList<>(items.size());
        for (JsonNode item : items) {
            result.add(convert(response, item, type));
        }
        return List.copyOf(result);
    }

    /** A required string member, or an {@code UnknownHexclaveErrorException}. */
    public static String requiredText(HexclaveResponse response, JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual() || v.asText().isEmpty()) {
            throw HexclaveErrors.unexpectedBody(response);
        }
        return v.asText();
    }
}
