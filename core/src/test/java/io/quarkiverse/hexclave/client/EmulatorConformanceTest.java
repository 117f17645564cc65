package io.quarkiverse.hexclave.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.quarkiverse.hexclave.client.error.AccessTokenExpiredException;
import io.quarkiverse.hexclave.client.error.InvalidSecretServerKeyException;
import io.quarkiverse.hexclave.client.error.RefreshTokenNotFoundOrExpiredException;
import io.quarkiverse.hexclave.client.error.UnparsableAccessTokenException;
import io.quarkiverse.hexclave.client.error.UserNotFoundException;
import io.quarkiverse.hexclave.client.model.CreateSessionRequest;
import io.quarkiverse.hexclave.client.model.CreateUserRequest;
import io.quarkiverse.hexclave.client.model.ListUsersQuery;
import io.quarkiverse.hexclave.client.model.Session;
import io.quarkiverse.hexclave.client.model.SessionTokens;
import io.quarkiverse.hexclave.client.model.TeamPermissionQuery;
import io.quarkiverse.hexclave.client.model.UpdateUserRequest;
import io.quarkiverse.hexclave.client.model.User;
import io.quarkiverse.hexclave.config.HexclaveSettings;
import io.quarkiverse.hexclave.config.Secret;
import io.quarkiverse.hexclave.emulator.EmulatedTeam;
import io.quarkiverse.hexclave.emulator.EmulatedUser;
import io.quarkiverse.hexclave.emulator.NewUser;

/**
 * The client against the embedded emulator, end to end, with every request and every response validated against
 * Hexclave's OpenAPI documents.
 */
class EmulatorConformanceTest extends EmulatorTestBase {

    @Test
    void userLifecycle() {
        User created = client.users().create(CreateUserRequest.builder().primaryEmail("grace@example.com")
                .primaryEmailVerified(true).displayName("Grace").serverMetadata(Map.of("tier", "gold")).build());
        assertThat(created.primaryEmail()).isEqualTo("grace@example.com");
        assertThat(created.serverMetadata().path("tier").asText()).isEqualTo("gold");

        User fetched = client.users().get(created.id());
        assertThat(fetched.displayName()).isEqualTo("Grace");

        User updated = client.users().update(created.id(), UpdateUserRequest.builder().displayName("Grace H.")
                .serverMetadata(null).build());
        assertThat(updated.displayName()).isEqualTo("Grace H.");
        assertThat(updated.serverMetadata().isNull()).isTrue();

        client.users().delete(created.id());
        assertThatThrownBy(() -> client.users().get(created.id())).isInstanceOf(UserNotFoundException.class);
    }

    @Test
    void listAllPagesThroughEveryUser() {
        Set<String> ids = new java.util.HashSet<>();
        for (int i = 0; i < 5; i++) {
            ids.add(emulator.createUser(NewUser.withEmail("page" + i + "@example.com").displayName("Page " + i).build()).id());
        }
        int before = transport.checked.size();

        List<User> all = client.users().listAll(ListUsersQuery.builder().limit(2).build()).toList();

        assertThat(all.stream().map(User::id).collect(Collectors.toSet())).containsAll(ids);
        assertThat(all.stream().map(User::id).distinct().count()).isEqualTo(all.size());
        assertThat(transport.checked.size() - before).isGreaterThanOrEqualTo(3);
    }

    @Test
    void listWithFiltersIsAccepted() {
        emulator.createUser(NewUser.withEmail("filter-me@example.com").displayName("Filter").build());

        var page = client.users().list(ListUsersQuery.builder().query("filter-me").limit(10)
                .orderBy(ListUsersQuery.OrderBy.LAST_ACTIVE_AT).desc(true).includeRestricted(true).build());

        assertThat(page.items()).extracting(User::primaryEmail).containsExactly("filter-me@example.com");
    }

    @Test
    void meUpdateMeAndDeleteMeActForTheTokensUser() {
        EmulatedUser u = emulator.createUser(NewUser.withEmail("me@example.com").displayName("Me").build());
        Secret token = new Secret(emulator.mintAccessToken(u));

        assertThat(client.users().me(token).id()).isEqualTo(u.id());
        assertThat(client.users().updateMe(token, UpdateUserRequest.builder().displayName("Me Too").build()).displayName())
                .isEqualTo("Me Too");
        client.users().deleteMe(token);
        assertThat(emulator.user(u.id())).isEmpty();
    }

    @Test
    void meWithClientAccessGivesTheClientView() {
        EmulatedUser u = emulator.createUser(NewUser.withEmail("client-view@example.com").displayName("CV").build());
        Secret token = new Secret(emulator.mintAccessToken(u));
        HexclaveSettings clientOnly = HexclaveSettings.builder(emulator.projectId()).apiUrl(emulator.apiUrl())
                .publishableClientKey(emulator.publishableClientKey()).build();

        try (HexclaveClient c = new HexclaveClient(clientOnly, new ContractCheckingTransport(new JdkHttpTransport(java.time.Duration.ofSeconds(2)), true))) {
            User me = c.users().me(token);
            assertThat(me.id()).isEqualTo(u.id());
            assertThat(me.displayName()).isEqualTo("CV");
        }
    }

    @Test
    void sessionLifecycle() {
        EmulatedUser u = emulator.createUser(NewUser.withEmail("sessions@example.com").build());

        SessionTokens tokens = client.sessions().create(CreateSessionRequest.forUser(u.id())
                .expiresIn(java.time.Duration.ofDays(1)).build());
        Secret access = client.sessions().refresh(tokens.refreshToken());
        assertThat(client.users().me(access).id()).isEqualTo(u.id());

        List<Session> sessions = client.sessions().list(u.id());
        assertThat(sessions).isNotEmpty();
        Session s = sessions.get(0);
        assertThat(s.userId()).isEqualTo(u.id());

        SessionTokens second = client.sessions().create(u.id());
        client.sessions().revoke(s.id(), u.id());
        assertThatThrownBy(() -> client.sessions().refresh(tokens.refreshToken()))
                .isInstanceOf(RefreshTokenNotFoundOrExpiredException.class);

        client.sessions().signOut(second.accessToken());
        assertThatThrownBy(() -> client.sessions().refresh(second.refreshToken()))
                .isInstanceOf(RefreshTokenNotFoundOrExpiredException.class);
    }

    @Test
    void teamPermissionLifecycle() {
        EmulatedUser u = emulator.createUser(NewUser.withEmail("teams@example.com").build());
        EmulatedTeam team = emulator.createTeam("Team T");
        emulator.addTeamMember(team.id(), u.id());
        emulator.defineTeamPermission("reader");

        assertThat(client.teamPermissions().grant(team.id(), u.id(), "reader").id()).isEqualTo("reader");
        assertThat(client.teamPermissions().list(TeamPermissionQuery.builder().userId(u.id()).teamId(team.id()).build()))
                .extracting(p -> p.id()).contains("reader");
        client.teamPermissions().revoke(team.id(), u.id(), "reader");
        assertThat(client.teamPermissions().list(TeamPermissionQuery.builder().userId(u.id()).teamId(team.id())
                .permissionId("reader").build())).isEmpty();
    }

    @Test
    void tokenProblemsAreTyped() {
        assertThatThrownBy(() -> client.users().me(new Secret("garbage.token.value")))
                .isInstanceOf(UnparsableAccessTokenException.class);
        EmulatedUser u = emulator.createUser(NewUser.withEmail("expired@example.com").build());
        String expired = emulator.token(u).issuedAt(java.time.Instant.now().minusSeconds(700)).expiresIn(java.time.Duration.ofSeconds(60)).mint();
        assertThatThrownBy(() -> client.users().me(new Secret(expired))).isInstanceOf(AccessTokenExpiredException.class);
    }

    @Test
    void wrongSecretKeyIsAProjectAuthenticationError() {
        // shares the class's transport without owning it: closing this client must not close that transport
        HexclaveTransport shared = transport::send;
        try (HexclaveClient wrong = new HexclaveClient(settings().secretServerKey("ssk_wrong").build(), shared)) {
            assertThatThrownBy(() -> wrong.users().list(ListUsersQuery.builder().limit(1).build()))
                    .isInstanceOf(InvalidSecretServerKeyException.class).hasMessageNotContaining("ssk_wrong");
        }
    }

    @Test
    void anonymousSignUpGivesAGuestWithASession() {
        var signUp = client.sessions().signUpAnonymously();

        assertThat(emulator.user(signUp.userId())).hasValueSatisfying(u -> assertThat(u.anonymous()).isTrue());
        assertThat(signUp.toString()).doesNotContain(signUp.tokens().accessToken().value())
                .doesNotContain(signUp.tokens().refreshToken().value());
        assertThatThrownBy(() -> client.users().me(signUp.tokens().accessToken()))
                .isInstanceOf(io.quarkiverse.hexclave.client.error.AnonymousAuthenticationNotAllowedException.class);
        HexclaveTransport shared = transport::send;
        try (HexclaveClient guests = new HexclaveClient(settings().allowAnonymousUsers(true).build(), shared)) {
            assertThat(guests.users().me(signUp.tokens().accessToken()).isAnonymous()).isTrue();
        }
    }
}
