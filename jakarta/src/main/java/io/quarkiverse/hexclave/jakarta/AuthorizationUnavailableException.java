package io.quarkiverse.hexclave.jakarta;

/**
 * Hexclave could not say which permissions or teams a verified user has (unreachable, timing out, answering with a
 * server error). During login (project permissions as groups) {@link HexclaveHttpAuthenticationMechanism} answers with
 * the keys-unavailable status (503 with {@code Retry-After}), never 500 and never a login without the groups;
 * {@link HexclaveAuthorization} throws it to the application, which should answer 503 too. The message names no token
 * or secret.
 */
public final class AuthorizationUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AuthorizationUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Whether {@code e} is, or was caused by, this exception (some identity store handlers wrap what stores throw). */
    public static boolean isCauseOf(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof AuthorizationUnavailableException) {
                return true;
            }
        }
        return false;
    }
}
