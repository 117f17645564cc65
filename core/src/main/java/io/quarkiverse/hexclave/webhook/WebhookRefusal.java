package io.quarkiverse.hexclave.webhook;

/**
 * Why a webhook delivery was refused. The descriptions are fixed texts, safe to answer to the caller: they never
 * contain the body, a signature or the secret. {@link #httpStatus()} is the answer an HTTP endpoint gives, decided
 * here once for every adapter: 401 when the delivery's authenticity is not established, 400 when the request is not a
 * well-formed delivery. Both make Svix retry, which is what should happen if the secret was just rotated.
 */
public enum WebhookRefusal {

    /** One of the id, timestamp and signature headers is missing (under both the {@code svix-} and {@code webhook-} names). */
    MISSING_HEADERS("missing webhook signature headers", 400),
    /** The id, timestamp or signature header is not shaped as the Svix scheme says. */
    MALFORMED_HEADERS("malformed webhook signature headers", 400),
    /** The timestamp is further from now than the tolerance (a replay, or a clock far off). */
    TIMESTAMP_OUT_OF_WINDOW("webhook timestamp outside the accepted window", 401),
    /** The signature header carries no signature of a version this verifier knows ({@code v1}). */
    UNKNOWN_SIGNATURE_VERSION("no webhook signature of a supported version", 401),
    /** No {@code v1} signature matches the body under any of the configured secrets. */
    BAD_SIGNATURE("invalid webhook signature", 401),
    /** Correctly signed, but the body is not a Hexclave event ({@code {"type": …, "data": {…}}}) or its data does not fit its type. */
    MALFORMED_PAYLOAD("webhook body is not a Hexclave event", 400);

    private final String description;
    private final int httpStatus;

    WebhookRefusal(String description, int httpStatus) {
        this.description = description;
        this.httpStatus = httpStatus;
    }

    /** A short fixed text; never contains request data. */
    public String description() {
        return description;
    }

    /** The HTTP status an endpoint answers: 401 (authenticity not established) or 400 (not a well-formed delivery). */
    public int httpStatus() {
        return httpStatus;
    }
}
