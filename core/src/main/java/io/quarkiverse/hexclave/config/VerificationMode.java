package io.quarkiverse.hexclave.config;

/**
 * How an access token is verified ({@code hexclave.verification.mode}).
 */
public enum VerificationMode {

    /** The signature and claims, locally, with the project's cached keys: no call per request. */
    JWT,

    /**
     * Hexclave is asked ({@code GET /users/me}) about every token (cached for {@code verification.rest-cache-ttl}), so
     * revoked sessions and deleted users are refused at once; needs the secret server key. The signature is not
     * checked locally: a forged token with plausible claims costs a call.
     */
    REST,

    /** The signature and claims locally first; then Hexclave, for tokens that passed. */
    BOTH
}
