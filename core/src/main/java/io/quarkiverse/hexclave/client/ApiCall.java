package io.quarkiverse.hexclave.client;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkiverse.hexclave.config.Secret;

/**
 * What one API call sends, before headers are added: method, path under {@code /api/v1} (already encoded), query,
 * access type, the user's tokens and the body. {@link #toString()} never shows a token or the body.
 */
record ApiCall(String method, String path, Map<String, String> query, Access access, Secret accessToken,
        Secret refreshToken, boolean allowUserClassHeaders, JsonNode body) {

    public ApiCall {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(access, "access");
        query = query == null ? Map.of() : new LinkedHashMap<>(query);
    }

    public static ApiCall of(String method, String path, Access access) {
        return new ApiCall(method, path, Map.of(), access, null, null, false, null);
    }

    public ApiCall withQuery(Map<String, String> q) {
        return new ApiCall(method, path, q, access, accessToken, refreshToken, allowUserClassHeaders, body);
    }

    /** On behalf of the user of {@code token}; also sends the allow-restricted/anonymous headers the settings allow. */
    public ApiCall withAccessToken(Secret token) {
        return new ApiCall(method, path, query, access, Objects.requireNonNull(token, "accessToken"), refreshToken, true, body);
    }

    public ApiCall withRefreshToken(Secret token) {
        return new ApiCall(method, path, query, access, accessToken, Objects.requireNonNull(token, "refreshToken"),
                allowUserClassHeaders, body);
    }

    public ApiCall withBody(JsonNode json) {
        return new ApiCall(method, path, query, access, accessToken, refreshToken, allowUserClassHeaders, json);
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
