package io.quarkiverse.hexclave.testing.internal;

import java.util.Optional;

import io.quarkiverse.hexclave.runtime.devservices.SignedInUser;

/** The user signed in by {@code @TestHexclaveUser} for the running test (tests of one application run one at a time). */
public final class CurrentTestUser {

    private static volatile SignedInUser current;

    private CurrentTestUser() {
    }

    public static Optional<SignedInUser> get() {
        return Optional.ofNullable(current);
    }

    static void set(SignedInUser user) {
        current = user;
    }

    static void clear() {
        current = null;
    }
}
