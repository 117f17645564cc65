package io.quarkiverse.hexclave.credential;

import java.util.Objects;

/**
 * What {@link HexclaveCredentials#find} found in a request.
 */
public sealed interface CredentialLookup {

    /** Nothing Hexclave-shaped: let other mechanisms try, or challenge if the resource is protected. */
    record Absent() implements CredentialLookup {
    }

    /** A credential in one of Hexclave's formats. */
    record Found(HexclaveCredential credential) implements CredentialLookup {
        public Found {
            Objects.requireNonNull(credential, "credential");
        }
    }

    /**
     * A header that claims to carry a Hexclave credential but cannot be read (bad base64, not a JSON object …):
     * answer 401. {@code detail} is safe to show: it never contains the credential.
     */
    record Malformed(CredentialSource source, String detail) implements CredentialLookup {
        public Malformed {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** The shared instance for "nothing found". */
    CredentialLookup ABSENT = new Absent();
}
