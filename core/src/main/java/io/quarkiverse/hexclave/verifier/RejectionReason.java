package io.quarkiverse.hexclave.verifier;

/**
 * Why a credential was not accepted. One enum feeds the {@code WWW-Authenticate} challenge ({@link Challenge}), logs,
 * metrics, the Dev UI and tests. The descriptions are fixed texts: safe to send to a caller, they never contain the
 * token or its claims.
 * <p>
 * "Hexclave's keys could not be fetched" is deliberately not a reason: it is {@link KeysUnavailableException}, which
 * adapters answer with 503, because it is not the caller's fault.
 */
public enum RejectionReason {

    /** No credential in the request. */
    MISSING("no access token"),
    /** The credential header or token could not be parsed. */
    MALFORMED("malformed token"),
    /** An encrypted token (JWE); Hexclave issues signed tokens only. */
    ENCRYPTED("encrypted tokens are not accepted"),
    /** {@code alg} other than ES256 ({@code none}, HS*, RS*, PS* …). */
    ALGORITHM_NOT_ALLOWED("algorithm not allowed"),
    /** A header that would let the token choose its own key ({@code jku}, {@code x5u}, {@code jwk}, {@code x5c}) or a {@code crit} header. */
    FORBIDDEN_HEADER("token header not allowed"),
    /** The {@code kid} is not in the project's key set, even after a refresh. */
    UNKNOWN_KEY("unknown signing key"),
    /** The signature does not verify (or is not a canonical ES256 signature). */
    BAD_SIGNATURE("invalid signature"),
    /** {@code exp} is past (beyond the clock skew). */
    EXPIRED("token expired"),
    /** {@code iat} is in the future (beyond the clock skew). */
    NOT_YET_VALID("token issued in the future"),
    /** A required claim is missing or has the wrong JSON type. */
    MISSING_CLAIM("required claim missing"),
    /** {@code iss} is not one of the issuers accepted for the project and user class. */
    WRONG_ISSUER("wrong issuer"),
    /** {@code aud} is not this project's (or not a single string). */
    WRONG_AUDIENCE("wrong audience"),
    /** {@code branch_id} is not {@code main}. */
    WRONG_BRANCH("wrong branch"),
    /** The claims contradict each other (Hexclave's consistency rules, wire reference §3.3). */
    INCONSISTENT_CLAIMS("inconsistent claims"),
    /** A restricted user, and restricted users are not allowed here. */
    RESTRICTED_USER_NOT_ALLOWED("restricted users are not allowed"),
    /** An anonymous user, and anonymous users are not allowed here. */
    ANONYMOUS_USER_NOT_ALLOWED("anonymous users are not allowed"),
    /** Hexclave says the token's session or user no longer exists (REST verification only). */
    REVOKED("session or user no longer valid"),
    /** An API key Hexclave does not know, or a value not shaped like a Hexclave API key. */
    API_KEY_INVALID("invalid api key"),
    /** An API key past its expiry. */
    API_KEY_EXPIRED("api key expired"),
    /** An API key that was revoked. */
    API_KEY_REVOKED("api key revoked"),
    /** A key of the other type (a team key where a user key was checked, or the other way round). */
    API_KEY_WRONG_TYPE("wrong api key type");

    private final String description;

    RejectionReason(String description) {
        this.description = description;
    }

    /** A short fixed text for {@code error_description}; never contains token data. */
    public String description() {
        return description;
    }
}
