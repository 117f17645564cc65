package io.quarkiverse.hexclave.runtime.internal;

import java.util.Optional;

import java.util.Objects;

import io.quarkiverse.hexclave.config.HexclaveSettings;
import io.quarkiverse.hexclave.runtime.VerificationMode;
import io.quarkiverse.hexclave.verifier.HexclavePrincipal;
import io.quarkiverse.hexclave.verifier.HexclaveTokenVerifier;
import io.quarkiverse.hexclave.verifier.KeysUnavailableException;
import io.quarkiverse.hexclave.verifier.RejectionReason;
import io.quarkiverse.hexclave.verifier.UserClass;
import io.quarkiverse.hexclave.verifier.Verification;

/**
 * Verifies a token the way the configuration asks ({@link VerificationMode}) and applies the user-class policy.
 * <p>
 * The verifiers accept every user class that is allowed anywhere (globally or on an annotated endpoint);
 * {@link #admittedEverywhere(UserClass)} tells the identity provider and the per-endpoint filter whether a class is
 * allowed globally. Thread-safe; built once by the recorder.
 */
public final class VerificationPipeline {

    private final VerificationMode mode;
    private final HexclaveTokenVerifier jwt;
    private final TokenCheck rest;
    private final boolean restrictedEverywhere;
    private final boolean anonymousEverywhere;
    private final boolean restrictedAnywhere;
    private final boolean anonymousAnywhere;

    /** The REST verifier, as a function: keeps this class testable and independent of its construction. */
    @FunctionalInterface
    public interface TokenCheck {
        Verification verify(String token);
    }

    /**
     * @param rest the remote check ({@code RestTokenVerifier::verify}); {@code null} in the {@code jwt} mode
     */
    public VerificationPipeline(VerificationMode mode, HexclaveTokenVerifier jwt, TokenCheck rest,
            HexclaveSettings globalPolicy, HexclaveSettings verifierPolicy) {
        this.mode = Objects.requireNonNull(mode, "mode");
        this.jwt = Objects.requireNonNull(jwt, "jwt");
        this.rest = mode == VerificationMode.JWT ? null : Objects.requireNonNull(rest, "rest");
        this.restrictedEverywhere = globalPolicy.allowRestrictedUsers();
        this.anonymousEverywhere = globalPolicy.allowAnonymousUsers();
        this.restrictedAnywhere = verifierPolicy.allowRestrictedUsers();
        this.anonymousAnywhere = verifierPolicy.allowAnonymousUsers();
    }

    public VerificationMode mode() {
        return mode;
    }

    /** Cheap, unverified: whether {@code iss} names one of this project's Hexclave issuers. */
    public boolean isHexclaveIssued(String token) {
        return jwt.isHexclaveIssued(token);
    }

    /**
     * The outcome of {@link #verify} if it needs no I/O: in the {@code jwt} mode when the token was verified before or
     * its key is cached; always empty in the modes that ask Hexclave.
     */
    public Optional<Verification> verifyWithoutBlocking(String token) {
        return mode == VerificationMode.JWT ? jwt.verifyWithoutBlocking(token) : Optional.empty();
    }

    /**
     * Verifies {@code token}; may block to fetch keys or to ask Hexclave.
     *
     * @throws KeysUnavailableException when Hexclave (its keys, or {@code /users/me}) cannot be reached
     */
    public Verification verify(String token) {
        Verification result = switch (mode) {
            case JWT -> jwt.verify(token);
            case REST -> verifyRemotely(token);
            case BOTH -> {
                Verification local = jwt.verify(token);
                yield local instanceof Verification.Accepted ? verifyRemotely(token) : local;
            }
        };
        if (result instanceof Verification.Accepted accepted && mode != VerificationMode.JWT) {
            // Hexclave answered for a user class the policy may not allow anywhere.
            UserClass c = accepted.principal().userClass();
            if (c == UserClass.ANONYMOUS && !anonymousAnywhere) {
                return Verification.Rejected.of(RejectionReason.ANONYMOUS_USER_NOT_ALLOWED);
            }
            if (c == UserClass.RESTRICTED && !restrictedAnywhere) {
                return Verification.Rejected.of(RejectionReason.RESTRICTED_USER_NOT_ALLOWED);
            }
        }
        return result;
    }

    private Verification verifyRemotely(String token) {
        return rest.verify(token); // RestTokenVerifier caches acceptances for verification.rest-cache-ttl
    }

    /** Whether users of class {@code c} are allowed on every endpoint (not only on annotated ones). */
    public boolean admittedEverywhere(UserClass c) {
        return switch (c) {
            case NORMAL -> true;
            case RESTRICTED -> restrictedEverywhere || anonymousEverywhere;
            case ANONYMOUS -> anonymousEverywhere;
        };
    }

    /** Whether {@code principal}'s class is allowed on an endpoint with the given annotations. */
    public boolean admitted(HexclavePrincipal principal, boolean restrictedAnnotated, boolean anonymousAnnotated) {
        UserClass c = principal.userClass();
        if (admittedEverywhere(c)) {
            return true;
        }
        return switch (c) {
            case NORMAL -> true;
            case RESTRICTED -> restrictedAnnotated || anonymousAnnotated;
            case ANONYMOUS -> anonymousAnnotated;
        };
    }
}
