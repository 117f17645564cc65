package io.quarkiverse.hexclave.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.PropertyNamingStrategy;
import com.fasterxml.jackson.databind.cfg.MapperConfig;
import com.fasterxml.jackson.databind.introspect.AnnotatedField;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.AnnotatedMethod;
import com.fasterxml.jackson.databind.introspect.AnnotatedParameter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkiverse.hexclave.client.model.Page;
import io.quarkiverse.hexclave.client.model.Session;

/**
 * The one shared, thread-safe {@link ObjectMapper} of the client, and the decoding of successful responses.
 * <p>
 * The wire names live here and nowhere else: the model records carry no Jackson annotations, because an application
 * server that finds Jackson annotations in a deployment may switch its own JSON-B support off for the whole
 * application (WildFly's WFLYRS0018). Hexclave's members are snake_case ({@code primary_email} for
 * {@code primaryEmail}), except those of the few types in {@link WireNaming#CAMEL_CASE}, which Hexclave sends as they
 * are.
 */
final class Json {

    /** Lenient on read (unknown properties ignored, so new Hexclave fields break nothing); snake_case wire names. */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(new WireNaming())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, false)
            .build();

    /** snake_case for every property, except those declared by a type Hexclave sends in camelCase. */
    static final class WireNaming extends PropertyNamingStrategy {

        private static final long serialVersionUID = 1L;

        /** Types whose members are camelCase on the wire (e.g. {@code countryCode} in a session's IP info). */
        static final Set<Class<?>> CAMEL_CASE = Set.of(Session.IpInfo.class);

        private static final PropertyNamingStrategies.NamingBase SNAKE =
                (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;

        @Override
        public String nameForField(MapperConfig<?> config, AnnotatedField field, String defaultName) {
            return name(field, defaultName);
        }

        @Override
        public String nameForGetterMethod(MapperConfig<?> config, AnnotatedMethod method, String defaultName) {
            return name(method, defaultName);
        }

        @Override
        public String nameForSetterMethod(MapperConfig<?> config, AnnotatedMethod method, String defaultName) {
            return name(method, defaultName);
        }

        @Override
        public String nameForConstructorParameter(MapperConfig<?> config, AnnotatedParameter parameter,
                String defaultName) {
            return name(parameter, defaultName);
        }

        private static String name(AnnotatedMember member, String defaultName) {
            return member != null && CAMEL_CASE.contains(member.getDeclaringClass()) ? defaultName
                    : SNAKE.translate(defaultName);
        }
    }

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
