package io.quarkiverse.hexclave.runtime;

/**
 * How the extension verifies a Hexclave access token.
 */
public enum VerificationMode {

    /** Locally: the token's ES256 signature against the project's cached keys, then its claims. */
    JWT,

    /**
     * Remotely: Hexclave's {@code GET /users/me} answers for the token (needs the secret server key). Only the
     * token's shape and unverified claims are pre-checked locally, so a forged token with plausible claims costs a
     * call; prefer {@link #BOTH}.
     */
    REST,

    /**
     * Locally first (signature and claims), then remotely: a forged or expired token never costs a call, a revoked
     * session is still refused. The choice for revocation-sensitive applications.
     */
    BOTH
}
