package io.quarkiverse.hexclave.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkiverse.hexclave.client.model.Page;
import io.quarkiverse.hexclave.internal.WireJson;

/**
 * The client's use of the shared wire {@link ObjectMapper} ({@link WireJson}, where the wire names live), and the
 * decoding of successful responses.
 */
final class Json {

    /** The shared wire mapper: lenient on read, snake_case wire names. */
    public static final ObjectMapper MAPPER = WireJson.MAPPER;

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

    /** A page of a paginated list: its {@code items} and {@code pagination.next_cursor}. */
    public static <T> Page<T> page(HexclaveResponse response, Class<T> type) {
        JsonNode body = tree(response);
        JsonNode next = body.path("pagination").path("next_cursor");
        return new Page<>(items(response, body, type),
                next.isTextual() && !next.asText().isEmpty() ? Optional.of(next.asText()) : Optional.empty());
    }

    /** A request body of the fields that were set (wire name to value); a {@code null} value is sent as JSON null. */
    public static ObjectNode object(Map<String, Object> fields) {
        ObjectNode node = MAPPER.createObjectNode();
        fields.forEach((k, v) -> node.set(k, v == null ? node.nullNode() : MAPPER.valueToTree(v)));
        return node;
    }
}
