package io.quarkiverse.hexclave.client.error;

import java.time.Duration;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * Hexclave answered a call with an error. Unchecked, so it fits lambdas and {@code CompletionStage}s.
 * <p>
 * Subclasses name the meaning (e.g. {@link UserNotFoundException}, the {@link InvalidAccessTokenException} family);
 * codes without a class of their own arrive as {@link UnknownHexclaveErrorException}. Map on the type or on
 * {@link #code()}, never on the message: Hexclave's human texts change.
 * <p>
 * {@link #getMessage()} is built from fixed parts only (type, code, HTTP status, request id): it never contains a
 * key, a token or the server's own text, which may echo request values. The server's text is in
 * {@link #serverMessage()} for whoever decides it is safe to show.
 */
public class HexclaveApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String code;
    private final int status;
    private final String requestId;
    private final transient JsonNode details;
    private final String serverMessage;
    private Duration retryAfter;

    /**
     * @param code Hexclave's error code ({@code USER_NOT_FOUND} …), {@code null} for an error without one
     * @param status the HTTP status (the real one, also when Hexclave sent it in {@code x-*-actual-status})
     * @param requestId the {@code x-hexclave-request-id}, if the response had one
     * @param details the body's {@code details} object, or {@code null}
     * @param serverMessage the body's human-readable {@code error}, or {@code null}
     */
    public HexclaveApiException(String code, int status, String requestId, JsonNode details, String serverMessage) {
        super(describe(code, status, requestId));
        this.code = code;
        this.status = status;
        this.requestId = requestId;
        this.details = details == null ? JsonNodeFactory.instance.objectNode() : details;
        this.serverMessage = serverMessage;
    }

    /** Hexclave's error code, e.g. {@code ACCESS_TOKEN_EXPIRED}; {@code null} for a plain-text error. */
    public String code() {
        return code;
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** Hexclave's request id, for support requests and log correlation. */
    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    /** The error's {@code details} object (empty when the error had none). */
    public JsonNode details() {
        return details;
    }

    /**
     * Hexclave's human-readable text (or a bounded excerpt of a non-JSON body). Not part of {@link #getMessage()}
     * because it may echo request values; not stable either.
     */
    public Optional<String> serverMessage() {
        return Optional.ofNullable(serverMessage);
    }

    /**
     * How long Hexclave asked the caller to wait before trying again ({@code Retry-After}, as seconds or an HTTP date;
     * typically with 429 or 503), if the response said so. The client already honoured it for its own retries (up to
     * {@link io.quarkiverse.hexclave.client.RetryPolicy#maxRetryAfter()}); this is what the last answer asked for.
     */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /**
     * Records the response's {@code Retry-After}, once, as {@link Throwable#initCause} records a cause: the client sets
     * it when it maps the response.
     *
     * @throws IllegalStateException if it was set already
     */
    public HexclaveApiException initRetryAfter(Duration retryAfter) {
        if (this.retryAfter != null) {
            throw new IllegalStateException("retryAfter already set");
        }
        this.retryAfter = java.util.Objects.requireNonNull(retryAfter, "retryAfter");
        return this;
    }

    private static String describe(String code, int status, String requestId) {
        StringBuilder sb = new StringBuilder("Hexclave answered HTTP ").append(status);
        if (code != null) {
            sb.append(" ").append(code);
        }
        if (requestId != null) {
            sb.append(" (request id ").append(requestId).append(")");
        }
        return sb.toString();
    }
}
