package io.quarkiverse.hexclave.testing;

import java.util.Optional;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.quarkus.arc.Unremovable;

import io.quarkiverse.hexclave.client.HexclaveClient;
import io.quarkiverse.hexclave.runtime.devservices.DevServicesEmulator;
import io.quarkiverse.hexclave.runtime.devservices.EmulatorUsers;
import io.quarkiverse.hexclave.runtime.devservices.SignedInUser;
import io.quarkiverse.hexclave.testing.internal.CurrentTestUser;
import io.quarkiverse.hexclave.verifier.UserClass;

/**
 * Mints real access tokens from the Dev Services emulator in a {@code @QuarkusTest}: {@code @Inject HexclaveTestTokens
 * tokens;} then {@code given().auth().oauth2(tokens.mint().token())}. Each call creates a user (or uses the demo user)
 * and a new session in the emulator; the token is signed by the emulator's keys and verified by the real mechanism.
 * <p>
 * Works only against the emulator that Dev Services started (when {@code quarkus.hexclave.api-url} is unset), and
 * only on loopback: it never creates users in a real project, nor in a Hexclave running locally that is not the
 * emulator (a self-hosted Hexclave on {@code localhost} with {@code quarkus.hexclave.api-url} set is refused).
 */
@Singleton
@Unremovable // @TestHexclaveUser looks it up, also in applications whose tests never inject it
public class HexclaveTestTokens {

    private final EmulatorUsers users;
    private final Instance<DevServicesEmulator> emulator;

    @Inject
    public HexclaveTestTokens(HexclaveClient client, Instance<DevServicesEmulator> emulator) {
        this.users = new EmulatorUsers(client);
        this.emulator = emulator;
    }

    /** A new normal user with a generated e-mail and name, signed in. */
    public SignedInUser mint() {
        return mint(UserClass.NORMAL);
    }

    /** A new user of the class, signed in. */
    public SignedInUser mint(UserClass userClass) {
        return users().create(null, null, userClass);
    }

    /**
     * A new user, signed in.
     *
     * @param email the primary e-mail, or {@code null} for a generated one (anonymous users have none)
     * @param displayName the display name, or {@code null} for a generated one
     */
    public SignedInUser mint(String email, String displayName, UserClass userClass) {
        return users().create(email, displayName, userClass);
    }

    /** The demo user Dev Services seeded ({@code demo@example.com}), signed in with a new session. */
    public SignedInUser demoUser() {
        EmulatorUsers users = users();
        DevServicesEmulator e = emulator.get();
        return new SignedInUser(e.demoUserId(), Optional.of(e.demoUserEmail()), Optional.of("Demo User"),
                UserClass.NORMAL, users.mint(e.demoUserId()));
    }

    /** A new token (new session) of an existing user of the emulator. */
    public String tokenFor(String userId) {
        return users().mint(userId).value();
    }

    /**
     * The emulator's users, once it is certain that the application talks to the Dev Services emulator (as the Dev UI
     * checks); {@link EmulatorUsers} adds its own loopback check.
     */
    private EmulatorUsers users() {
        if (emulator.isUnsatisfied()) {
            throw new IllegalStateException("HexclaveTestTokens only mints through the Dev Services emulator, and there "
                    + "is none (quarkus.hexclave.api-url is set, or quarkus.hexclave.devservices.enabled=false): it "
                    + "never creates users in another Hexclave, even on localhost.");
        }
        return users;
    }

    /** The id of the {@link TestTeam} named {@code name} of the running {@link TestHexclaveUser} test. */
    public String teamId(String name) {
        String id = CurrentTestUser.teams().get(name);
        if (id == null) {
            throw new IllegalStateException("The running test's @TestHexclaveUser has no team named " + name);
        }
        return id;
    }

    /** The user of the running {@link TestHexclaveUser} test, if the test (or its class) carries the annotation. */
    public Optional<SignedInUser> current() {
        return CurrentTestUser.get();
    }

    /** The user of the running {@link TestHexclaveUser} test. */
    public SignedInUser requireCurrent() {
        return current().orElseThrow(() -> new IllegalStateException(
                "The running test is not annotated with @TestHexclaveUser"));
    }
}
