package io.quarkiverse.hexclave.internal;

import java.util.Set;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.PropertyNamingStrategy;
import com.fasterxml.jackson.databind.cfg.MapperConfig;
import com.fasterxml.jackson.databind.introspect.AnnotatedField;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.AnnotatedMethod;
import com.fasterxml.jackson.databind.introspect.AnnotatedParameter;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.quarkiverse.hexclave.client.model.Session;

/**
 * Not API. The one shared, thread-safe {@link ObjectMapper} that reads and writes Hexclave's wire format, used by the
 * REST client and the webhook verifier of core (public only because they live in different packages).
 * <p>
 * The wire names live here and nowhere else: the model records carry no Jackson annotations, because an application
 * server that finds Jackson annotations in a deployment may switch its own JSON-B support off for the whole
 * application (WildFly's WFLYRS0018). Hexclave's members are snake_case ({@code primary_email} for
 * {@code primaryEmail}), except those of the few types in {@link WireNaming#CAMEL_CASE}, which Hexclave sends as they
 * are.
 */
public final class WireJson {

    /** Lenient on read (unknown properties ignored, so new Hexclave fields break nothing); snake_case wire names. */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(new WireNaming())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, false)
            .build();

    private WireJson() {
    }

    /** snake_case for every property, except those declared by a type Hexclave sends in camelCase. */
    /**
     * The JSON tree of {@code json}, or {@code null} when it is not JSON. Here rather than at its callers, so that
     * loading a caller (the credential finder, at start-up) loads no Jackson class: a {@code catch} of a Jackson
     * exception would.
     */
    public static com.fasterxml.jackson.databind.JsonNode treeOrNull(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return null;
        }
    }

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
}
