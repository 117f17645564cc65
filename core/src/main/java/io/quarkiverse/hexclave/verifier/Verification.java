package io.quarkiverse.hexclave.verifier;

import java.util.Objects;

/**
 * The outcome of verifying a credential: accepted with a principal, or rejected with a reason.
 */
public sealed interface Verification permits Verification.Accepted, Verification.Rejected {

    /** The token is valid: {@code principal} carries its claims. */
    record Accepted(HexclavePrincipal principal) implements Verification {
        public Accepted {
            Objects.requireNonNull(principal, "principal");
        }
    }

    /**
     * The token is not acceptable. {@code detail} is a fixed, caller-safe text (never the token, never a claim value).
     */
    record Rejected(RejectionReason reason, String detail) implements Verification {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
            detail = detail == null ? reason.description() : detail;
        }

        public static Rejected of(RejectionReason reason) {
            return new Rejected(reason, reason.description());
        }
    }

    /** Whether the token was accepted. */
    default boolean accepted() {
        return this instanceof Accepted;
    }
}
