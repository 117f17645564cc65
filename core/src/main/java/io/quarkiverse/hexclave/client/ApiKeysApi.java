package io.quarkiverse.hexclave.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkiverse.hexclave.client.error.ApiKeyNotFoundException;
import io.quarkiverse.hexclave.client.model.ApiKey;
import io.quarkiverse.hexclave.client.model.CreateApiKeyRequest;
import io.quarkiverse.hexclave.client.model.CreatedApiKey;
import io.quarkiverse.hexclave.client.model.UpdateApiKeyRequest;
import io.quarkiverse.hexclave.config.Secret;

/**
 * Hexclave's user API keys ({@link HexclaveClient#userApiKeys()}, {@code /user-api-keys}) or team API keys
 * ({@link HexclaveClient#teamApiKeys()}, {@code /team-api-keys}), wire reference §9.6; server access. The same
 * operations for both: list an owner's keys, create (the key value comes back once, as a {@link Secret}), get,
 * update or revoke, and check a key a caller presented.
 * <p>
 * Key values travel only as {@link Secret}s: never in a log line, an exception message or a {@code toString()}.
 * Errors: the {@link io.quarkiverse.hexclave.client.error.ApiKeyNotValidException} family
 * ({@link ApiKeyNotFoundException}, {@link io.quarkiverse.hexclave.client.error.ApiKeyExpiredException},
 * {@link io.quarkiverse.hexclave.client.error.ApiKeyRevokedException},
 * {@link io.quarkiverse.hexclave.client.error.WrongApiKeyTypeException}),
 * {@link io.quarkiverse.hexclave.client.error.PublicApiKeyCannotBeRevokedException}, and
 * {@link io.quarkiverse.hexclave.client.error.UserNotFoundException} / {@link io.quarkiverse.hexclave.client.error.TeamNotFoundException}
 * for an unknown owner.
 */
public final class ApiKeysApi {

    private final RequestSender sender;
    private final ApiKey.Type type;
    private final String basePath;
    private final String ownerField;

    ApiKeysApi(RequestSender sender, ApiKey.Type type) {
        this.sender = sender;
        this.type = type;
        this.basePath = type == ApiKey.Type.USER ? "/user-api-keys" : "/team-api-keys";
        this.ownerField = type == ApiKey.Type.USER ? "user_id" : "team_id";
    }

    /** Which keys this API manages. */
    public ApiKey.Type type() {
        return type;
    }

    /** The keys of a user or team, revoked and expired ones included ({@code GET /…-api-keys?…_id=}). */
    public CompletionStage<List<ApiKey>> listAsync(String ownerId) {
        return RequestSender.guard(() -> sender.send(ApiCall.of("GET", basePath, Access.SERVER)
                .withQuery(Map.of(ownerField, RequestSender.required(ownerId, ownerField)))).thenApply(r -> {
                    JsonNode items = Json.tree(r).get("items");
                    if (items == null || !items.isArray()) {
                        throw HexclaveErrors.unexpectedBody(r);
                    }
                    List<ApiKey> keys = new ArrayList<>(items.size());
                    items.forEach(item -> keys.add(parse(r, item)));
                    return List.copyOf(keys);
                }));
    }

    /** The keys of a user or team. */
    public List<ApiKey> list(String ownerId) {
        return sender.blocking(() -> listAsync(ownerId));
    }

    /**
     * Creates a key for a user or team ({@code POST /…-api-keys}, never retried). The result carries the key value,
     * which Hexclave never shows again.
     */
    public CompletionStage<CreatedApiKey> createAsync(String ownerId, CreateApiKeyRequest request) {
        return RequestSender.guard(() -> {
            var body = Json.object(Objects.requireNonNull(request, "request").fields());
            body.put(ownerField, RequestSender.required(ownerId, ownerField));
            return sender.send(ApiCall.of("POST", basePath, Access.SERVER).withBody(body)).thenApply(r -> {
                JsonNode node = Json.tree(r);
                return new CreatedApiKey(parse(r, node), new Secret(Json.requiredText(r, node, "value")));
            });
        });
    }

    /** Creates a key for a user or team; the result carries the key value, shown only this once. */
    public CreatedApiKey create(String ownerId, CreateApiKeyRequest request) {
        return sender.blocking(() -> createAsync(ownerId, request));
    }

    /** A key by id ({@code GET /…-api-keys/{id}}); {@code ApiKeyNotFoundException} if there is none. */
    public CompletionStage<ApiKey> getAsync(String apiKeyId) {
        return RequestSender.guard(() -> sender.send(ApiCall.of("GET", keyPath(apiKeyId), Access.SERVER))
                .thenApply(r -> parse(r, Json.tree(r))));
    }

    /** A key by id ({@code GET /…-api-keys/{id}}). */
    public ApiKey get(String apiKeyId) {
        return sender.blocking(() -> getAsync(apiKeyId));
    }

    /** Changes the description or revokes the key ({@code PATCH /…-api-keys/{id}}). */
    public CompletionStage<ApiKey> updateAsync(String apiKeyId, UpdateApiKeyRequest request) {
        return RequestSender.guard(() -> sender.send(ApiCall.of("PATCH", keyPath(apiKeyId), Access.SERVER)
                .withBody(Json.object(Objects.requireNonNull(request, "request").fields())))
                .thenApply(r -> parse(r, Json.tree(r))));
    }

    /** Changes the description or revokes the key ({@code PATCH /…-api-keys/{id}}). */
    public ApiKey update(String apiKeyId, UpdateApiKeyRequest request) {
        return sender.blocking(() -> updateAsync(apiKeyId, request));
    }

    /** Revokes the key: it stops working at once, for good. Returns the revoked key. */
    public CompletionStage<ApiKey> revokeAsync(String apiKeyId) {
        return updateAsync(apiKeyId, UpdateApiKeyRequest.builder().revoke().build());
    }

    /** Revokes the key: it stops working at once, for good. */
    public ApiKey revoke(String apiKeyId) {
        return sender.blocking(() -> revokeAsync(apiKeyId));
    }

    /**
     * Checks a key a caller presented ({@code POST /…-api-keys/check}): its description (with the owner) if it is
     * valid; {@code ApiKeyNotFoundException}, {@code ApiKeyExpiredException}, {@code ApiKeyRevokedException} or
     * {@code WrongApiKeyTypeException} (a team key checked as a user key or the other way round) if not.
     */
    public CompletionStage<ApiKey> checkAsync(Secret apiKey) {
        return RequestSender.guard(() -> sender.send(ApiCall.of("POST", basePath + "/check", Access.SERVER)
                .withBody(Json.MAPPER.createObjectNode().put("api_key", Objects.requireNonNull(apiKey, "apiKey").value())))
                .thenApply(r -> parse(r, Json.tree(r))));
    }

    /** Checks a key a caller presented ({@code POST /…-api-keys/check}). */
    public ApiKey check(Secret apiKey) {
        return sender.blocking(() -> checkAsync(apiKey));
    }

    @Override
    public String toString() {
        return "ApiKeysApi[" + basePath + "]";
    }

    /**
     * A key from its wire form. {@code value} is {@code {last_four}} in descriptions and the whole key in a creation
     * answer; either way only the last four characters are kept here.
     */
    private ApiKey parse(HexclaveResponse r, JsonNode node) {
        if (node == null || !node.isObject()) {
            throw HexclaveErrors.unexpectedBody(r);
        }
        JsonNode wireType = node.get("type");
        if (wireType != null && !type.name().equalsIgnoreCase(wireType.asText())) {
            throw HexclaveErrors.unexpectedBody(r);
        }
        JsonNode value = node.path("value");
        String lastFour = value.isTextual() ? lastFour(value.asText()) : value.path("last_four").asText(null);
        JsonNode created = node.path("created_at_millis");
        if (!created.isNumber()) {
            throw HexclaveErrors.unexpectedBody(r);
        }
        return new ApiKey(Json.requiredText(r, node, "id"), type, Json.requiredText(r, node, ownerField),
                node.path("description").asText(""), node.path("is_public").asBoolean(false), lastFour,
                created.asLong(), millis(node, "expires_at_millis"), millis(node, "manually_revoked_at_millis"));
    }

    private static String lastFour(String key) {
        return key.length() <= 4 ? null : key.substring(key.length() - 4);
    }

    private static Long millis(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isNumber() ? v.asLong() : null;
    }

    private String keyPath(String apiKeyId) {
        return basePath + "/" + RequestSender.segment(apiKeyId);
    }
}
