package io.quarkiverse.hexclave.runtime.mutiny;

import java.util.List;

import io.quarkiverse.hexclave.client.ApiKeysApi;
import io.quarkiverse.hexclave.client.model.ApiKey;
import io.quarkiverse.hexclave.client.model.CreateApiKeyRequest;
import io.quarkiverse.hexclave.client.model.CreatedApiKey;
import io.quarkiverse.hexclave.client.model.UpdateApiKeyRequest;
import io.quarkiverse.hexclave.config.Secret;
import io.smallrye.mutiny.Uni;

/**
 * User or team API keys with Mutiny: each method is the {@code …Async} method of the same name in {@link
 * ApiKeysApi} as a {@code Uni}, which calls Hexclave on subscription (again on each) and emits on the subscriber's
 * Vert.x context (see {@link MutinyHexclaveClient}). Same errors as the core, in the {@code Uni}'s failure.
 */
public final class MutinyApiKeysApi {

    private final ApiKeysApi api;

    MutinyApiKeysApi(ApiKeysApi api) {
        this.api = api;
    }

    /** The keys of a user or team, revoked and expired ones included ({@code GET /…-api-keys?…_id=}). */
    public Uni<List<ApiKey>> list(String ownerId) {
        return CallerContext.uni(() -> api.listAsync(ownerId));
    }

    /**
     * Creates a key for a user or team ({@code POST /…-api-keys}, never retried). The result carries the key value,
     * which Hexclave never shows again.
     */
    public Uni<CreatedApiKey> create(String ownerId, CreateApiKeyRequest request) {
        return CallerContext.uni(() -> api.createAsync(ownerId, request));
    }

    /** A key by id ({@code GET /…-api-keys/{id}}); {@code ApiKeyNotFoundException} if there is none. */
    public Uni<ApiKey> get(String apiKeyId) {
        return CallerContext.uni(() -> api.getAsync(apiKeyId));
    }

    /** Changes the description or revokes the key ({@code PATCH /…-api-keys/{id}}). */
    public Uni<ApiKey> update(String apiKeyId, UpdateApiKeyRequest request) {
        return CallerContext.uni(() -> api.updateAsync(apiKeyId, request));
    }

    /** Revokes the key: it stops working at once, for good. Returns the revoked key. */
    public Uni<ApiKey> revoke(String apiKeyId) {
        return CallerContext.uni(() -> api.revokeAsync(apiKeyId));
    }

    /**
     * Checks a key a caller presented ({@code POST /…-api-keys/check}): its description (with the owner) if it is
     * valid; {@code ApiKeyNotFoundException}, {@code ApiKeyExpiredException}, {@code ApiKeyRevokedException} or
     * {@code WrongApiKeyTypeException} (a team key checked as a user key or the other way round) if not.
     */
    public Uni<ApiKey> check(Secret apiKey) {
        return CallerContext.uni(() -> api.checkAsync(apiKey));
    }
}
