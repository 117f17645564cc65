package io.quarkiverse.hexclave.jakarta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkiverse.hexclave.client.HexclaveClient;
import io.quarkiverse.hexclave.client.model.Team;
import io.quarkiverse.hexclave.config.HexclaveSettings;
import io.quarkiverse.hexclave.emulator.EmulatedTeam;
import io.quarkiverse.hexclave.emulator.EmulatedUser;
import io.quarkiverse.hexclave.emulator.HexclaveEmulator;
import io.quarkiverse.hexclave.emulator.NewUser;
import io.quarkiverse.hexclave.jakarta.internal.AuthorizationSettings;
import io.quarkiverse.hexclave.jakarta.internal.HexclaveComponents;
import io.quarkiverse.hexclave.jakarta.internal.UserAuthorizationCache;
import io.quarkiverse.hexclave.verifier.HexclavePrincipal;
import io.quarkiverse.hexclave.verifier.JwtTokenVerifier;
import io.quarkiverse.hexclave.verifier.Verification;

/** The programmatic checks for the request's user, against the emulator. */
class HexclaveAuthorizationTest {

    static HexclaveEmulator emulator;
    static HexclaveClient client;
    static UserAuthorizationCache cache;

    @BeforeAll
    static void start() {
        emulator = HexclaveEmulator.builder().build().start();
        emulator.defineTeamPermission("edit");
        emulator.defineTeamPermission("manage", "edit");
        emulator.defineProjectPermission("admin");
        client = HexclaveClient.create(HexclaveSettings.builder(emulator.projectId()).apiUrl(emulator.apiUrl())
                .secretServerKey(emulator.secretServerKey()).build());
        cache = new UserAuthorizationCache(client, new AuthorizationSettings(true, Duration.ofSeconds(30), 100));
    }

    @AfterAll
    static void stop() {
        client.close();
        emulator.close();
    }

    /** The bean as CDI wires it, for a request whose user is {@code principal} (or none). */
    static HexclaveAuthorization authorizationFor(HexclavePrincipal principal) {
        return authorizationFor(principal, cache);
    }

    static HexclaveAuthorization authorizationFor(HexclavePrincipal principal, UserAuthorizationCache cache) {
        HexclaveAuthorization authorization = new HexclaveAuthorization();
        authorization.identity = new HexclaveIdentity() {
            @Override
            public Optional<HexclavePrincipal> principal() {
                return Optional.ofNullable(principal);
            }
        };
        authorization.components = new HexclaveComponents() {
            @Override
            public UserAuthorizationCache authorization() {
                return cache;
            }
        };
        return authorization;
    }

    static HexclavePrincipal principalOf(EmulatedUser user) {
        String token = emulator.createSession(user.id()).accessToken();
        return ((Verification.Accepted) new JwtTokenVerifier(HexclaveSettings.builder(emulator.projectId())
                .apiUrl(emulator.apiUrl()).build()).verify(token)).principal();
    }

    @Test
    void teamPermissionCountsOnlyInItsTeamAndByContainment() {
        EmulatedUser user = emulator.createUser(NewUser.builder().build());
        EmulatedTeam red = emulator.createTeam("Red");
        EmulatedTeam blue = emulator.createTeam("Blue");
        emulator.grantTeamPermission(red.id(), user.id(), "manage");
        emulator.addTeamMember(blue.id(), user.id());
        emulator.grantProjectPermission(user.id(), "admin");
        HexclaveAuthorization authorization = authorizationFor(principalOf(user));

        assertThat(authorization.has(red.id(), "edit")).isTrue();
        assertThat(authorization.has(red.id(), "manage")).isTrue();
        assertThat(authorization.has(blue.id(), "edit")).isFalse();
        assertThat(authorization.teamPermissions(red.id())).contains("manage", "edit");
        assertThat(authorization.teams()).extracting(Team::id).containsExactlyInAnyOrder(red.id(), blue.id());
        assertThat(authorization.hasProjectPermission("admin")).isTrue();
        assertThat(authorization.hasProjectPermission("edit")).isFalse();
        assertThat(authorization.hasInSelectedTeam("edit")).isFalse(); // no team selected in the token
    }

    @Test
    void selectedTeamComesFromTheToken() {
        EmulatedUser user = emulator.createUser(NewUser.builder().build());
        EmulatedTeam red = emulator.createTeam("Red");
        emulator.grantTeamPermission(red.id(), user.id(), "edit");
        emulator.selectTeam(user.id(), red.id());

        assertThat(authorizationFor(principalOf(user)).hasInSelectedTeam("edit")).isTrue();
    }

    @Test
    void withoutAUserEveryCheckIsFalseAndNoCallIsMade() throws java.io.IOException {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        try (HexclaveClient unreachable = HexclaveClient.create(HexclaveSettings.builder(emulator.projectId())
                .apiUrl("http://127.0.0.1:" + closedPort).secretServerKey(emulator.secretServerKey()).maxRetries(0)
                .build())) {
            UserAuthorizationCache unreachableCache = new UserAuthorizationCache(unreachable,
                    new AuthorizationSettings(true, Duration.ofSeconds(30), 100));
            // Control: with a user, a check calls Hexclave, which cannot answer.
            HexclavePrincipal someone = principalOf(emulator.createUser(NewUser.builder().build()));
            assertThatThrownBy(() -> authorizationFor(someone, unreachableCache).hasProjectPermission("admin"))
                    .isInstanceOf(AuthorizationUnavailableException.class);

            HexclaveAuthorization authorization = authorizationFor(null, unreachableCache);

            assertThat(authorization.has("00000000-0000-4000-8000-000000000000", "edit")).isFalse();
            assertThat(authorization.hasInSelectedTeam("edit")).isFalse();
            assertThat(authorization.hasProjectPermission("admin")).isFalse();
            assertThat(authorization.projectPermissions()).isEmpty();
            assertThat(authorization.teams()).isEmpty();
        }
    }
}
