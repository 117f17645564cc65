package io.quarkiverse.hexclave.testing.internal;

import java.util.Map;
import java.util.Optional;

import io.quarkiverse.hexclave.runtime.devservices.SignedInUser;

/** The user signed in by {@code @TestHexclaveUser} for the running test (tests of one application run one at a time). */
public final class CurrentTestUser {

    private static volatile SignedInUser current;
    private static volatile Map<String, String> teams = Map.of();

    private CurrentTestUser() {
    }

    public static Optional<SignedInUser> get() {
        return Optional.ofNullable(current);
    }

    /** The ids of the user's {@code @TestTeam}s, by name. */
    public static Map<String, String> teams() {
        return teams;
    }

    static void set(SignedInUser user, Map<String, String> teamIds) {
        current = user;
        teams = teamIds;
    }

    static void clear() {
        current = null;
        teams = Map.of();
    }
}
