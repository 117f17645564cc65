package io.quarkiverse.hexclave.runtime.devservices;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.quarkiverse.hexclave.client.HexclaveClient;
import io.quarkiverse.hexclave.client.model.CreateUserRequest;
import io.quarkiverse.hexclave.client.model.User;
import io.quarkiverse.hexclave.config.Secret;
import io.quarkiverse.hexclave.verifier.UserClass;

/**
 * Creates users of each class in the Hexclave emulator and mints their access tokens, through the application's own
 * {@link HexclaveClient} (server access: {@code POST /users}, {@code POST /auth/sessions}). So the tokens are signed
 * by the emulator exactly as Hexclave signs them, and go through the real authentication mechanism.
 * <p>
 * Refuses to run against anything but a loopback Hexclave: creating throw-away users in a real project is never
 * what a test or the Dev UI wants.
 */
public final class EmulatorUsers {

    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]", "::1");

    private final HexclaveClient client;

    public EmulatorUsers(HexclaveClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    /**
     * Creates a user and mints a token of a new session.
     *
     * @param email the primary e-mail (verified), or {@code null} for a generated one; ignored for anonymous users
     * @param displayName the display name, or {@code null} for a generated one (none for anonymous users)
     * @param userClass {@code NORMAL}, {@code RESTRICTED} (restricted by an administrator) or {@code ANONYMOUS}
     * @throws IllegalStateException if the application does not talk to a loopback Hexclave (the emulator)
     */
    public SignedInUser create(String email, String displayName, UserClass userClass) {
        requireEmulator();
        Objects.requireNonNull(userClass, "userClass");
        String n = UUID.randomUUID().toString().substring(0, 8);
        CreateUserRequest.Builder request = CreateUserRequest.builder();
        if (userClass == UserClass.ANONYMOUS) {
            request.anonymous(true);
            if (!blank(displayName)) {
                request.displayName(displayName);
            }
        } else {
            request.primaryEmail(blank(email) ? "user-" + n + "@example.com" : email.strip())
                    .primaryEmailVerified(true)
                    .displayName(blank(displayName) ? "Test User " + n : displayName);
            if (userClass == UserClass.RESTRICTED) {
                request.restrictedByAdmin(true).restrictedByAdminReason("Restricted for a test");
            }
        }
        User user = client.users().create(request.build());
        return new SignedInUser(user.id(), Optional.ofNullable(user.primaryEmail()),
                Optional.ofNullable(user.displayName()), userClass, mint(user.id()));
    }

    /**
     * Mints an access token of a new session of an existing user (its class follows the user).
     *
     * @throws IllegalStateException if the application does not talk to a loopback Hexclave (the emulator)
     */
    public Secret mint(String userId) {
        requireEmulator();
        return client.sessions().create(userId).accessToken();
    }

    /** Whether the application talks to a Hexclave on this machine. */
    public boolean isLoopback() {
        String host = URI.create(client.settings().apiUrl()).getHost();
        return host != null && LOOPBACK.contains(host.toLowerCase());
    }

    private void requireEmulator() {
        if (!isLoopback()) {
            throw new IllegalStateException("Test users are created only in the Hexclave emulator, but "
                    + "quarkus.hexclave.api-url is " + client.settings().apiUrl() + ". Leave api-url unset in dev and "
                    + "test mode so that Dev Services start the emulator.");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
