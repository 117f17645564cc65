package io.quarkiverse.hexclave.runtime;

/**
 * How the extension verifies a Hexclave access token.
 */
public enum VerificationMode {

    /** Locally: the token's ES256 signature against the project's cached keys, then its claims. */
    JWT,

    /** Remotely: Hexclave's {@code GET /users/me} answers for the token (needs the secret server key). */
    REST,

    /** Locally first, then remotely: a forged token never costs a call, a revoked session is still refused. */
    BOTH
}
