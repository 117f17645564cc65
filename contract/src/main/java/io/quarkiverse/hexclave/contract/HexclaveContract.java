package io.quarkiverse.hexclave.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Validates HTTP requests and responses against our verbatim copy of Hexclave's OpenAPI documents
 * ({@code hexclave-openapi/{server,client}.json} on the classpath, see {@code SOURCE.md} there). Test support for
 * the emulator and the REST client: whatever passes here has the shape the real Hexclave API documents.
 * <p>
 * Each document is read, patched and handed to the validator once per JVM ({@link #server()}, {@link #client()}); the
 * prose ({@code description}, {@code summary}, {@code example(s)}, {@code x-full-url}) is dropped in memory first,
 * which roughly halves the validator's start-up. {@link #operations()} lists the documented operations, and
 * {@link #operation(String, String)} tells which one a request path falls under (coverage checks).
 *
 * <h2>Strictness</h2>
 * Strict by default: unknown body properties are errors in requests <em>and</em> responses (the validator injects
 * {@code additionalProperties: false}; the real backend rejects unknown request properties, wire reference §2.3),
 * unknown query parameters are errors, missing required fields and wrong types are errors, and a status the document
 * does not list is an error — except error statuses (4xx/5xx), which the upstream documents never list: those must
 * have Hexclave's error format instead (wire reference §7.1: a known error {@code {code, error, details?}} with the
 * {@code x-hexclave-known-error} / {@code x-stack-known-error} headers equal to {@code code}, or a non-empty
 * {@code text/plain} body).
 *
 * <h2>Known gaps of the upstream documents, and how each is handled</h2>
 * <ol>
 * <li><b>OpenAPI 3.1 type arrays.</b> The documents are 3.1 ({@code "type": ["string", "null"]}) but the validator's
 * schema engine implements OpenAPI 3.0 semantics, so each {@code [T, "null"]} is rewritten to {@code type: T,
 * nullable: true} in memory. Same meaning, no loss.</li>
 * <li><b>{@code "enum": [null]} on every nullable string.</b> A generator artefact: taken literally it forbids every
 * non-null value, yet the real backend returns strings there (wire reference §5.3, real e2e response). Removed
 * where it is the only enum value of a nullable schema.</li>
 * <li><b>Response properties the backend returns but the documents omit</b> (they would fail the strict
 * {@code additionalProperties} check), declared in memory with their documented types:
 * user objects: {@code has_password}, {@code otp_auth_enabled}, {@code passkey_auth_enabled},
 * {@code auth_with_email}, {@code requires_totp_mfa}, {@code oauth_providers} (§5.3 "hidden in OpenAPI but returned",
 * and the real e2e response there), wherever a user object appears (also inside team member profiles); list envelopes: {@code is_paginated} (§5.2, §6.4, §8.1 real bodies);
 * sessions: {@code agent_name} (§6.4, Hexclave addition); {@code POST /auth/cli/complete} with {@code mode=check}:
 * {@code cli_session_state} (§9.5), and {@code success} is not required there.</li>
 * <li><b>Request properties the backend accepts but the documents omit</b> (§5.4, §5.5): {@code otp_auth_enabled},
 * {@code passkey_auth_enabled} on user create/update (also client {@code PATCH /users/me}) and {@code oauth_providers}
 * on create.</li>
 * <li><b>{@code x-hexclave-*} vs {@code x-stack-*} request headers.</b> The backend copies every {@code x-hexclave-*}
 * header onto {@code x-stack-*} before validating (§2.1, hexclave wins); the documents name only some headers in
 * both spellings (e.g. {@code x-stack-refresh-token} alone). Requests are validated after the same copy.</li>
 * <li><b>Path parameters not marked required.</b> OpenAPI requires {@code required: true} on every path
 * parameter; the team-permission paths say {@code false}, which makes the document invalid. Set to true.</li>
 * <li><b>The OAuth token endpoint's form body.</b> {@code POST /auth/oauth/token} documents a JSON body only, but
 * OAuth clients (the JS SDK's refresh among them) send {@code application/x-www-form-urlencoded} (RFC 6749), and
 * the JSON schema lacks the grants' own members ({@code refresh_token}, {@code code} …): both bodies are declared with
 * them. The client project view's {@code config} (hidden in the
 * documents, read by the SDK's {@code getProject()}) is declared on {@code GET /projects/current} like gap 3.</li>
 * <li><b>Not documented at all</b>: the JWKS endpoint and {@code /health}. Validating them here reports "no such
 * path"; their shape is tested against the wire reference directly.</li>
 * </ol>
 * Metadata fields stay as documented ({@code object} or null) although the wire reference says "any JSON": being
 * strict there costs nothing for object-shaped metadata.
 */
public final class HexclaveContract {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String BASE_PATH = "/api/v1";

    private static volatile HexclaveContract server;
    private static volatile HexclaveContract client;

    private final String name;
    private final List<Operation> operations;
    private final OpenApiInteractionValidator validator;

    private HexclaveContract(String name) {
        this.name = name;
        ObjectNode doc = load("hexclave-openapi/" + name + ".json");
        this.operations = Operation.listedIn(doc);
        stripProse(doc, null, null);
        patchKnownGaps(doc);
        this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(write(doc))
                .withBasePathOverride(BASE_PATH)
                .withLevelResolver(LevelResolver.create()
                        .withLevel("validation.request.parameter.query.unexpected", ValidationReport.Level.ERROR)
                        .withLevel("validation.response.status.unknown", ValidationReport.Level.ERROR)
                        .build())
                .build();
    }

    /** The server-access document (what a backend with the secret server key may call). */
    public static HexclaveContract server() {
        if (server == null) {
            synchronized (HexclaveContract.class) {
                if (server == null) {
                    server = new HexclaveContract("server");
                }
            }
        }
        return server;
    }

    /** The client-access document (what a frontend with the publishable key may call). */
    public static HexclaveContract client() {
        if (client == null) {
            synchronized (HexclaveContract.class) {
                if (client == null) {
                    client = new HexclaveContract("client");
                }
            }
        }
        return client;
    }

    /** Every operation of the document, in document order. */
    public List<Operation> operations() {
        return operations;
    }

    /**
     * The documented operation a request falls under, if any.
     *
     * @param method HTTP method
     * @param path concrete path with or without the {@code /api/v1} prefix, without query
     */
    public Optional<Operation> operation(String method, String path) {
        return Operation.resolve(operations, method, path);
    }

    // ------------------------------------------------------------------ requests

    /**
     * Validates a request.
     *
     * @param method HTTP method
     * @param path path with or without the {@code /api/v1} prefix, without query
     * @param query query parameters (may be empty)
     * @param headers request headers (names in any case; {@code x-hexclave-*} are copied onto {@code x-stack-*})
     * @param body JSON body or {@code null}
     */
    public ContractReport validateRequest(String method, String path, Map<String, String> query,
            Map<String, String> headers, String body) {
        SimpleRequest.Builder b = new SimpleRequest.Builder(method.toUpperCase(Locale.ROOT), fullPath(path));
        query.forEach(b::withQueryParam);
        aliased(headers).forEach(b::withHeader);
        if (body != null) {
            b.withBody(body);
            if (headers.keySet().stream().noneMatch(h -> h.equalsIgnoreCase("content-type"))) {
                b.withContentType("application/json");
            }
        }
        return report(validator.validateRequest(b.build()));
    }

    /** Like {@link #validateRequest} but throws an {@link AssertionError} listing the problems. */
    public void assertValidRequest(String method, String path, Map<String, String> query,
            Map<String, String> headers, String body) {
        ContractReport report = validateRequest(method, path, query, headers, body);
        if (!report.isValid()) {
            throw new AssertionError(redact("Request " + method + " " + path + " breaks the Hexclave " + name
                    + " contract:\n" + report));
        }
    }

    // ------------------------------------------------------------------ responses

    /**
     * Validates a response. 2xx/3xx responses are checked against the document; 4xx/5xx against Hexclave's error
     * format (see the class Javadoc).
     */
    public ContractReport validateResponse(String method, String path, int status, Map<String, String> headers,
            String body) {
        if (status >= 400) {
            return validateError(status, headers, body);
        }
        SimpleResponse.Builder b = SimpleResponse.Builder.status(status);
        headers.forEach(b::withHeader);
        if (body != null && !body.isEmpty()) {
            b.withBody(body);
        }
        return report(validator.validateResponse(fullPath(path), Request.Method.valueOf(method.toUpperCase(Locale.ROOT)),
                b.build()));
    }

    /** Like {@link #validateResponse} but throws an {@link AssertionError} listing the problems. */
    public void assertValidResponse(String method, String path, int status, Map<String, String> headers, String body) {
        ContractReport report = validateResponse(method, path, status, headers, body);
        if (!report.isValid()) {
            throw new AssertionError(redact("Response " + status + " to " + method + " " + path + " breaks the Hexclave "
                    + name + " contract:\n" + report + "\nBody: " + body));
        }
    }

    private static final Pattern TOKEN_MEMBER = Pattern.compile(
            "\"(refresh_token|access_token|polling_code|password|secret_server_key)\"\\s*:\\s*\"[^\"]*\"");
    private static final Pattern JWT_LIKE = Pattern.compile("eyJ[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]*(\\.[A-Za-z0-9_-]*)?");
    private static final Pattern KEY_LIKE = Pattern.compile("\\b(ssk|pck|sak)_[A-Za-z0-9_-]+");

    /**
     * An assertion message without token-like values: {@code refresh_token}, {@code access_token},
     * {@code polling_code}, {@code password} and {@code secret_server_key} members, JWTs and Hexclave keys become
     * {@code ****}. Test reports and CI logs are often public.
     */
    static String redact(String message) {
        String text = TOKEN_MEMBER.matcher(message).replaceAll("\"$1\":\"****\"");
        text = JWT_LIKE.matcher(text).replaceAll("****");
        return KEY_LIKE.matcher(text).replaceAll("****");
    }

    private static ContractReport validateError(int status, Map<String, String> headers, String body) {
        List<String> problems = new ArrayList<>();
        String contentType = header(headers, "content-type");
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            try {
                JsonNode json = MAPPER.readTree(body);
                if (json == null || !json.isObject()) {
                    problems.add("a JSON error body must be an object");
                } else {
                    if (!json.path("code").isTextual()) {
                        problems.add("a known error needs a string `code`");
                    }
                    if (!json.path("error").isTextual()) {
                        problems.add("a known error needs a string `error`");
                    }
                    if (json.has("details") && !(json.get("details").isObject() && json.get("details").size() > 0)) {
                        problems.add("`details` must be a non-empty object when present");
                    }
                    json.fieldNames().forEachRemaining(f -> {
                        if (!List.of("code", "error", "details").contains(f)) {
                            problems.add("unknown member `" + f + "` in a known error");
                        }
                    });
                    String code = json.path("code").asText();
                    for (String h : List.of("x-hexclave-known-error", "x-stack-known-error")) {
                        if (!code.equals(header(headers, h))) {
                            problems.add("header " + h + " must equal the code " + code);
                        }
                    }
                }
            } catch (IOException e) {
                problems.add("the error body is not valid JSON");
            }
        } else if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("text/plain")) {
            if (body == null || body.isBlank()) {
                problems.add("a plain-text error needs a message");
            }
            if (header(headers, "x-hexclave-known-error") != null || header(headers, "x-stack-known-error") != null) {
                problems.add("a plain-text error must not carry a known-error header");
            }
        } else {
            problems.add("status " + status + " needs an application/json known error or a text/plain message, got "
                    + contentType);
        }
        return new ContractReport(problems);
    }

    // ------------------------------------------------------------------ helpers

    private static ContractReport report(ValidationReport report) {
        List<String> problems = new ArrayList<>();
        for (ValidationReport.Message m : report.getMessages()) {
            if (m.getLevel() == ValidationReport.Level.ERROR) {
                StringBuilder s = new StringBuilder(m.getKey()).append(": ").append(m.getMessage());
                m.getNestedMessages().forEach(n -> s.append("\n    ").append(n.getMessage()));
                problems.add(s.toString());
            }
        }
        return new ContractReport(problems);
    }

    private static String fullPath(String path) {
        return path.startsWith(BASE_PATH + "/") || path.equals(BASE_PATH) ? path : BASE_PATH + (path.equals("/") ? "" : path);
    }

    private static Map<String, String> aliased(Map<String, String> headers) {
        Map<String, String> out = new LinkedHashMap<>();
        headers.forEach((k, v) -> out.put(k.toLowerCase(Locale.ROOT), v));
        headers.forEach((k, v) -> {
            String lower = k.toLowerCase(Locale.ROOT);
            if (lower.startsWith("x-hexclave-")) {
                out.put("x-stack-" + lower.substring("x-hexclave-".length()), v);
            }
        });
        return out;
    }

    private static String header(Map<String, String> headers, String name) {
        for (Map.Entry<String, String> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    private static ObjectNode load(String resource) {
        try (InputStream in = HexclaveContract.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing classpath resource " + resource);
            }
            return (ObjectNode) MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------ prose

    private static final Set<String> PROSE = Set.of("description", "summary", "example", "examples", "x-full-url");
    /** Maps whose keys are names chosen by the API (property names, status codes, media types), not keywords. */
    private static final Set<String> NAME_MAPS = Set.of("properties", "patternProperties", "responses", "content",
            "schemas", "parameters", "requestBodies", "headers", "securitySchemes", "paths");

    /**
     * Drops prose keywords (not property names such as an API key's {@code description}); a Response Object's
     * {@code description}, which OpenAPI requires, becomes an empty string.
     */
    static void stripProse(JsonNode node, String parentKey, String grandparentKey) {
        if (node instanceof ObjectNode o) {
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            for (String key : names) {
                if ((parentKey == null || !NAME_MAPS.contains(parentKey)) && PROSE.contains(key)) {
                    if (key.equals("description") && "responses".equals(grandparentKey)) {
                        o.put(key, "");
                    } else {
                        o.remove(key);
                    }
                } else {
                    stripProse(o.get(key), key, parentKey);
                }
            }
        } else if (node instanceof ArrayNode a) {
            a.forEach(n -> stripProse(n, null, null));
        }
    }

    // ------------------------------------------------------------------ gap patches (see class Javadoc)

    static void patchKnownGaps(ObjectNode doc) {
        doc.put("openapi", "3.0.3"); // gap 1: served to a 3.0 validator after the rewrite below
        downgradeTypes(doc);
        JsonNode paths = doc.path("paths");
        paths.fields().forEachRemaining(p -> p.getValue().fields().forEachRemaining(op -> {
            JsonNode operation = op.getValue();
            for (JsonNode response : iterable(operation.path("responses"))) {
                JsonNode schema = response.path("content").path("application/json").path("schema");
                if (schema instanceof ObjectNode s) {
                    declareResponseExtras(p.getKey(), op.getKey(), s);
                }
            }
            for (JsonNode parameter : iterable(operation.path("parameters"))) {
                if (parameter instanceof ObjectNode param && "path".equals(param.path("in").asText())) {
                    param.put("required", true); // gap 6
                }
            }
            declareFormTokenRequest(p.getKey(), op.getKey(), operation);
            JsonNode requestSchema = operation.path("requestBody").path("content").path("application/json").path("schema");
            if (requestSchema instanceof ObjectNode s) {
                declareRequestExtras(p.getKey(), op.getKey(), s);
            }
        }));
    }

    /** Gaps 1 and 2: {@code type: [T, "null"]} → {@code type: T, nullable: true}; drop {@code enum: [null]}. */
    private static void downgradeTypes(JsonNode node) {
        if (node instanceof ObjectNode o) {
            JsonNode type = o.get("type");
            if (type instanceof ArrayNode types) {
                List<String> nonNull = new ArrayList<>();
                boolean nullable = false;
                for (JsonNode t : types) {
                    if (t.asText().equals("null")) {
                        nullable = true;
                    } else {
                        nonNull.add(t.asText());
                    }
                }
                if (nonNull.size() == 1) {
                    o.put("type", nonNull.get(0));
                } else {
                    o.remove("type"); // several non-null types: no 3.0 equivalent; leave the value unconstrained
                }
                if (nullable) {
                    o.put("nullable", true);
                    JsonNode en = o.get("enum");
                    if (en instanceof ArrayNode values && values.size() == 1 && values.get(0).isNull()) {
                        o.remove("enum");
                    }
                }
            }
            o.fields().forEachRemaining(e -> downgradeTypes(e.getValue()));
        } else if (node instanceof ArrayNode a) {
            a.forEach(HexclaveContract::downgradeTypes);
        }
    }

    /** Gap 3. */
    private static void declareResponseExtras(String path, String method, ObjectNode schema) {
        if (!(schema.get("properties") instanceof ObjectNode props)) {
            return;
        }
        if (props.has("items") && props.path("items").path("type").asText().equals("array")) {
            props.set("is_paginated", type("boolean"));
            JsonNode item = props.path("items").path("items");
            if (item instanceof ObjectNode itemSchema) {
                declareResponseExtras(path, method, itemSchema);
            }
        }
        props.fields().forEachRemaining(p -> {
            if (p.getValue() instanceof ObjectNode nested && nested.has("properties")) {
                declareResponseExtras(path, method, nested); // e.g. the user object inside a team member profile
            }
        });
        if (props.has("primary_email_verified") && props.has("signed_up_at_millis")) {
            for (String flag : List.of("has_password", "otp_auth_enabled", "passkey_auth_enabled", "auth_with_email",
                    "requires_totp_mfa")) {
                props.set(flag, type("boolean"));
            }
            ObjectNode provider = type("object");
            ObjectNode providerProps = provider.putObject("properties");
            providerProps.set("id", type("string"));
            providerProps.set("account_id", type("string"));
            providerProps.set("email", type("string").put("nullable", true));
            provider.putArray("required").add("id").add("account_id");
            ObjectNode providers = type("array");
            providers.set("items", provider);
            props.set("oauth_providers", providers);
        }
        if (props.has("is_impersonation") && props.has("user_id")) {
            props.set("agent_name", type("string").put("nullable", true));
        }
        if (path.equals("/projects/current") && props.has("display_name")) {
            props.set("config", projectConfig());
        }
        if (path.equals("/auth/cli/complete") && props.has("success")) {
            ObjectNode state = type("string");
            state.putArray("enum").add("anonymous").add("none");
            props.set("cli_session_state", state);
            schema.remove("required");
        }
    }

    /**
     * Gap 3: the client project view's {@code config} (hidden in the documents; the JS SDK's {@code getProject()} reads
     * every member of it).
     */
    private static ObjectNode projectConfig() {
        ObjectNode config = type("object");
        ObjectNode props = config.putObject("properties");
        var required = config.putArray("required");
        for (String flag : List.of("sign_up_enabled", "credential_enabled", "magic_link_enabled", "passkey_enabled",
                "client_team_creation_enabled", "client_user_deletion_enabled", "allow_localhost", "allow_user_api_keys",
                "allow_team_api_keys")) {
            props.set(flag, type("boolean"));
            required.add(flag);
        }
        ObjectNode provider = type("object");
        provider.putObject("properties").set("id", type("string"));
        provider.putArray("required").add("id");
        props.set("enabled_oauth_providers", type("array").set("items", provider));
        ObjectNode domain = type("object");
        ObjectNode domainProps = domain.putObject("properties");
        domainProps.set("domain", type("string"));
        domainProps.set("handler_path", type("string"));
        domain.putArray("required").add("domain").add("handler_path");
        props.set("domains", type("array").set("items", domain));
        required.add("enabled_oauth_providers").add("domains");
        return config;
    }

    /**
     * Gap 8: {@code POST /auth/oauth/token} is an OAuth 2.0 token endpoint, which clients call with a form-encoded body
     * (RFC 6749 §3.2, §6; the JS SDK refreshes that way); the documents list only a JSON body, without the grants'
     * own members. Both bodies are declared with the members of the refresh_token and authorization_code grants.
     */
    private static void declareFormTokenRequest(String path, String method, JsonNode operation) {
        if (!path.equals("/auth/oauth/token") || !method.equals("post")
                || !(operation.path("requestBody").path("content") instanceof ObjectNode content)) {
            return;
        }
        ObjectNode schema = type("object");
        ObjectNode props = schema.putObject("properties");
        for (String name : List.of("grant_type", "client_id", "client_secret", "refresh_token", "code", "code_verifier",
                "redirect_uri", "scope")) {
            props.set(name, type("string"));
        }
        schema.putArray("required").add("grant_type");
        content.putObject("application/x-www-form-urlencoded").set("schema", schema);
        content.putObject("application/json").set("schema", schema.deepCopy());
    }

    /** Gap 4. */
    private static void declareRequestExtras(String path, String method, ObjectNode schema) {
        if (!(schema.get("properties") instanceof ObjectNode props)) {
            return;
        }
        boolean userWrite = (path.equals("/users") && method.equals("post"))
                || ((path.equals("/users/{user_id}") || path.equals("/users/me")) && method.equals("patch"));
        if (userWrite) {
            props.set("otp_auth_enabled", type("boolean"));
            props.set("passkey_auth_enabled", type("boolean"));
            if (method.equals("post")) {
                ObjectNode items = type("object");
                ObjectNode ip = items.putObject("properties");
                ip.set("id", type("string"));
                ip.set("account_id", type("string"));
                ip.set("email", type("string").put("nullable", true));
                ObjectNode providers = type("array");
                providers.set("items", items);
                props.set("oauth_providers", providers);
            }
        }
    }

    private static ObjectNode type(String type) {
        return JsonNodeFactory.instance.objectNode().put("type", type);
    }

    private static Iterable<JsonNode> iterable(JsonNode node) {
        return () -> {
            Iterator<JsonNode> it = node.elements();
            return it;
        };
    }
}
