package io.quarkiverse.hexclave.jakarta;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;

import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.quarkiverse.hexclave.apikey.ApiKeyAuthentication;
import io.quarkiverse.hexclave.apikey.ApiKeySettings;
import io.quarkiverse.hexclave.apikey.HexclaveApiKeyPrincipal;
import io.quarkiverse.hexclave.client.HexclaveClient;
import io.quarkiverse.hexclave.config.HexclaveSettings;
import io.quarkiverse.hexclave.credential.CredentialSource;
import io.quarkiverse.hexclave.credential.HexclaveCredentials;
import io.quarkiverse.hexclave.emulator.EmulatedApiKey;
import io.quarkiverse.hexclave.emulator.EmulatedUser;
import io.quarkiverse.hexclave.emulator.HexclaveEmulator;
import io.quarkiverse.hexclave.emulator.NewApiKey;
import io.quarkiverse.hexclave.emulator.NewUser;
import io.quarkiverse.hexclave.jakarta.internal.HexclaveIdentityStore;
import io.quarkiverse.hexclave.jakarta.internal.ProjectPermissionGroupStore;
import io.quarkiverse.hexclave.verifier.Verification;

/** Requests carrying Hexclave API keys, through the mechanism and the identity stores, checked by the emulator. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiKeyMechanismTest {

    HexclaveEmulator emulator;
    HexclaveClient client;
    ApiKeyAuthentication apiKeys;
    EmulatedUser user;
    FakeHttp http;

    @BeforeAll
    void start() {
        emulator = HexclaveEmulator.builder().build().start();
        HexclaveSettings settings = HexclaveSettings.builder(emulator.projectId()).apiUrl(emulator.apiUrl())
                .secretServerKey(emulator.secretServerKey()).build();
        client = HexclaveClient.create(settings);
        apiKeys = ApiKeyAuthentication.of(new ApiKeySettings(true, ApiKeySettings.DEFAULTS.headers(), true,
                ApiKeySettings.DEFAULT_CACHE_TTL, ApiKeySettings.DEFAULT_CACHE_SIZE), settings, client);
        user = emulator.createUser(NewUser.withEmail("script@example.com").build());
    }

    @AfterEach
    void reset() {
        emulator.faults().reset();
    }

    @AfterAll
    void stop() {
        client.close();
        emulator.close();
    }

    AuthenticationStatus send(String header, String value) throws AuthenticationException {
        http = new FakeHttp().header(header, value);
        return new HexclaveHttpAuthenticationMechanism(
                new HexclaveCredentials(emulator.projectId(), Set.of(CredentialSource.values())),
                new StubVerifier(token -> {
                    throw new AssertionError("no token to verify");
                }, token -> false),
                new SpecIdentityStoreHandler(new HexclaveIdentityStore(),
                        new ProjectPermissionGroupStore(id -> id.equals(user.id()) ? Set.of("admin") : Set.of())),
                apiKeys).validateRequest(http.request(), http.response(), http.context());
    }

    String key(NewApiKey.Builder builder) {
        return emulator.createApiKey(builder.build()).value();
    }

    @Test
    void userKeyLogsItsUserInWithTheUsersPermissionGroups() throws AuthenticationException {
        assertThat(send("x-hexclave-api-key", key(NewApiKey.forUser(user.id())))).isEqualTo(AuthenticationStatus.SUCCESS);

        assertThat(http.loggedIn).isInstanceOfSatisfying(HexclaveApiKeyPrincipal.class, p -> {
            assertThat(p.getName()).isEqualTo(user.id());
            assertThat(p.isTeam()).isFalse();
        });
        assertThat(http.loggedInGroups).containsExactlyInAnyOrder("authenticated", "hexclave-api-key", "admin");
        assertThat(http.attributes.get(HexclaveHttpAuthenticationMechanism.API_KEY_PRINCIPAL_ATTRIBUTE))
                .isSameAs(http.loggedIn);
        assertThat(http.attributes.get(HexclaveHttpAuthenticationMechanism.PRINCIPAL_ATTRIBUTE)).isNull();
    }

    @Test
    void teamKeyInTheBearerHeaderLogsTheTeamIn() throws AuthenticationException {
        String teamId = emulator.createTeam("Robots").id();

        assertThat(send("Authorization", "Bearer " + key(NewApiKey.forTeam(teamId))))
                .isEqualTo(AuthenticationStatus.SUCCESS);
        assertThat(http.loggedIn.getName()).isEqualTo(teamId);
        assertThat(http.loggedInGroups).containsExactlyInAnyOrder("team", "hexclave-api-key");
    }

    @Test
    void expiredAndRevokedKeysGet401NamingTheReason() throws AuthenticationException {
        String expired = key(NewApiKey.forUser(user.id()).expiresAt(Instant.now().minusSeconds(60)));
        EmulatedApiKey revoked = emulator.createApiKey(NewApiKey.forUser(user.id()).build());
        emulator.revokeApiKey(revoked.id());

        assertThat(send("x-stack-api-key", expired)).isEqualTo(AuthenticationStatus.SEND_FAILURE);
        assertThat(http.status).isEqualTo(401);
        assertThat(http.responseHeaders).containsEntry("WWW-Authenticate",
                "Bearer error=\"invalid_token\", error_description=\"api key expired\"");
        assertThat(http.loggedIn).isNull();

        send("x-hexclave-api-key", revoked.value());
        assertThat(http.responseHeaders).containsEntry("WWW-Authenticate",
                "Bearer error=\"invalid_token\", error_description=\"api key revoked\"");
    }

    @Test
    void hexclaveDownAnswers503() throws AuthenticationException {
        String key = key(NewApiKey.forUser(user.id()));
        emulator.faults().apiStatus(503);

        assertThat(send("x-hexclave-api-key", key)).isEqualTo(AuthenticationStatus.SEND_FAILURE);
        assertThat(http.status).isEqualTo(503);
        assertThat(http.responseHeaders).containsEntry("Retry-After", "10").doesNotContainKey("WWW-Authenticate");
        assertThat(http.loggedIn).isNull();
    }

    @Test
    void aTokenStillWinsOverAKey() throws AuthenticationException {
        http = new FakeHttp().header("x-hexclave-access-token", HexclaveHttpAuthenticationMechanismTest.TOKEN)
                .header("x-hexclave-api-key", key(NewApiKey.forUser(user.id())));
        var principal = EmulatedPrincipals.principal(io.quarkiverse.hexclave.verifier.UserClass.NORMAL);
        new HexclaveHttpAuthenticationMechanism(
                new HexclaveCredentials(emulator.projectId(), Set.of(CredentialSource.values())),
                new StubVerifier(token -> new Verification.Accepted(principal), token -> true),
                new SpecIdentityStoreHandler(new HexclaveIdentityStore()), apiKeys)
                .validateRequest(http.request(), http.response(), http.context());

        assertThat(http.loggedIn).isSameAs(principal);
    }

    @Test
    void refuseApiKeysLooksAtTheMatchedMethodAndItsClass() throws NoSuchMethodException {
        assertThat(HexclaveApiKeyCallerFilter.refuses(PeopleOnly.class, PeopleOnly.class.getMethod("get"))).isTrue();
        assertThat(HexclaveApiKeyCallerFilter.refuses(Object.class, Object.class.getMethod("toString"))).isFalse();
    }

    @io.quarkiverse.hexclave.security.RefuseApiKeys
    public static class PeopleOnly {
        public String get() {
            return "";
        }
    }
}
