package io.quarkiverse.hexclave.emulator.internal;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** A response to write: status, content type, body and extra headers. */
public final class ApiResponse {

    public static final String JSON = "application/json; charset=utf-8";
    public static final String TEXT = "text/plain; charset=utf-8";

    final int status;
    final String contentType;
    final byte[] body;
    final Map<String, String> headers = new LinkedHashMap<>();
    String cacheControl = "no-store, max-age=0";
    /** Close the connection without any response (the "JWKS down" fault). */
    final boolean abort;

    private ApiResponse(int status, String contentType, byte[] body, boolean abort) {
        this.status = status;
        this.contentType = contentType;
        this.body = body;
        this.abort = abort;
    }

    public static ApiResponse json(int status, JsonNode body) {
        return new ApiResponse(status, JSON, Json.writePretty(body).getBytes(StandardCharsets.UTF_8), false);
    }

    public static ApiResponse text(int status, String body) {
        return new ApiResponse(status, TEXT, body.getBytes(StandardCharsets.UTF_8), false);
    }

    public static ApiResponse raw(int status, String contentType, String body) {
        return new ApiResponse(status, contentType, body.getBytes(StandardCharsets.UTF_8), false);
    }

    public static ApiResponse empty(int status) {
        return new ApiResponse(status, null, new byte[0], false);
    }

    public static ApiResponse abortConnection() {
        return new ApiResponse(0, null, new byte[0], true);
    }

    public static ApiResponse success() {
        return json(200, Json.object().put("success", true));
    }

    public ApiResponse header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public ApiResponse cacheControl(String value) {
        this.cacheControl = value;
        return this;
    }

    /** The response for a known error (§7.1). */
    public static ApiResponse of(KnownError e) {
        var body = Json.object();
        body.put("code", e.code());
        if (e.details() != null) {
            body.set("details", e.details());
        }
        body.put("error", e.getMessage());
        return json(e.status(), body).header("x-hexclave-known-error", e.code()).header("x-stack-known-error", e.code());
    }

    public static ApiResponse of(StatusError e) {
        return text(e.status(), e.getMessage());
    }
}
