package io.quarkiverse.hexclave.test;

import io.quarkiverse.hexclave.verifier.RejectionReason;

/**
 * One knob per attack: each constant changes one thing of a genuine token, and names the rejection the verifier must
 * give. {@link #NONE}, {@link #RESTRICTED} and {@link #ANONYMOUS} are genuine tokens of the three user classes.
 */
public enum HostileToken {
    NONE(null),
    RESTRICTED(RejectionReason.RESTRICTED_USER_NOT_ALLOWED),
    ANONYMOUS(RejectionReason.ANONYMOUS_USER_NOT_ALLOWED),
    EXPIRED(RejectionReason.EXPIRED),
    ISSUED_IN_FUTURE(RejectionReason.NOT_YET_VALID),
    FOREIGN_ISSUER(RejectionReason.WRONG_ISSUER),
    WRONG_AUDIENCE(RejectionReason.WRONG_AUDIENCE),
    FOREIGN_KEY(RejectionReason.BAD_SIGNATURE),
    UNKNOWN_KID(RejectionReason.UNKNOWN_KEY),
    HS256(RejectionReason.ALGORITHM_NOT_ALLOWED),
    JKU_HEADER(RejectionReason.FORBIDDEN_HEADER),
    MISSING_SUB(RejectionReason.MISSING_CLAIM),
    WRONG_BRANCH(RejectionReason.WRONG_BRANCH),
    INCONSISTENT(RejectionReason.INCONSISTENT_CLAIMS),
    GARBAGE(RejectionReason.MALFORMED),
    ENCRYPTED(RejectionReason.ENCRYPTED);

    private final RejectionReason expected;

    HostileToken(RejectionReason expected) {
        this.expected = expected;
    }

    /** The rejection the verifier must answer with. */
    public RejectionReason expected() {
        return expected;
    }
}
