package io.quarkiverse.hexclave.verifier;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.quarkiverse.hexclave.client.HexclaveStub.PROJECT_ID;
import static io.quarkiverse.hexclave.client.HexclaveStub.SECRET_SERVER_KEY;
import static io.quarkiverse.hexclave.client.HexclaveStub.USER_ID;
import static io.quarkiverse.hexclave.client.HexclaveStub.json;
import static io.quarkiverse.hexclave.client.HexclaveStub.knownError;
import static io.quarkiverse.hexclave.client.HexclaveStub.userJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkiverse.hexclave.client.HexclaveClient;
import io.quarkiverse.hexclave.client.HexclaveStub;
import io.quarkiverse.hexclave.config.HexclaveConfigException;
import io.quarkiverse.hexclave.config.HexclaveSettings;

class RestTokenVerifierTest {

    private final HexclaveStub hexclave = new HexclaveStub();
    private final HexclaveClient client = hexclave.client(hexclave.settings().maxRetries(1).build());
    private final RestTokenVerifier verifier = new RestTokenVerifier(client, Duration.ZERO, 10, Clock.systemUTC());

    @AfterEach
    void stop() {
        client.close();
        hexclave.close();
    }

    @Test
    void tokenHexclaveAcceptsGivesAPrincipalFromItsClaims() {
        String token = HexclaveStub.accessToken();
        hexclave.server.stubFor(get("/api/v1/users/me").willReturn(json(200, userJson())));

        Verification v = verifier.verify(token);

        assertThat(v).isInstanceOf(Verification.Accepted.class);
        HexclavePrincipal p = ((Verification.Accepted) v).principal();
        assertThat(p.userId()).isEqualTo(USER_ID);
        assertThat(p.projectId()).isEqualTo(PROJECT_ID);
        assertThat(p.getRawToken()).isEqualTo(token);
        assertThat(p.email()).contains("ada@example.com");
        assertThat(p.sessionId()).contains("9a3b0c52-1f7e-4a38-9f0e-0c1d2e3f4a5b");
        assertThat(p.userClass()).isEqualTo(UserClass.NORMAL);
        hexclave.server.verify(getRequestedFor(urlEqualTo("/api/v1/users/me"))
                .withHeader("x-hexclave-access-type", equalTo("server"))
                .withHeader("x-hexclave-project-id", equalTo(PROJECT_ID))
                .withHeader("x-hexclave-secret-server-key", equalTo(SECRET_SERVER_KEY))
                .withHeader("x-hexclave-access-token", equalTo(token))
                .withHeader("x-hexclave-allow-restricted-user", absent())
                .withHeader("x-hexclave-allow-anonymous-user", absent()));
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @CsvSource({
            "ACCESS_TOKEN_EXPIRED, 401, EXPIRED",
            "UNPARSABLE_ACCESS_TOKEN, 401, MALFORMED",
            "INVALID_PROJECT_FOR_ACCESS_TOKEN, 401, WRONG_AUDIENCE",
            "RESTRICTED_USER_NOT_ALLOWED, 403, RESTRICTED_USER_NOT_ALLOWED",
            "ANONYMOUS_AUTHENTICATION_NOT_ALLOWED, 401, ANONYMOUS_USER_NOT_ALLOWED",
            "CANNOT_GET_OWN_USER_WITHOUT_USER, 400, REVOKED",
            "USER_NOT_FOUND, 404, REVOKED" })
    void hexclaveErrorsBecomeRejections(String code, int status, RejectionReason reason) {
        hexclave.server.stubFor(get("/api/v1/users/me").willReturn(knownError(status, code)));

        Verification v = verifier.verify(HexclaveStub.accessToken());

        assertThat(v).isEqualTo(Verification.Rejected.of(reason));
    }

    @Test
    void credentialWithoutAccessTokenIsMissingWithoutAskingHexclave() {
        var onlyRefresh = new io.quarkiverse.hexclave.credential.HexclaveCredential(
                io.quarkiverse.hexclave.credential.CredentialSource.values()[0], java.util.Optional.empty(),
                java.util.Optional.of(new io.quarkiverse.hexclave.config.Secret("rt")));

        assertThat(verifier.verify(onlyRefresh)).isEqualTo(Verification.Rejected.of(RejectionReason.MISSING));
        assertThat(hexclave.server.getAllServeEvents()).isEmpty();
    }

    @Test
    void notAJwtIsMalformedWithoutAskingHexclave() {
        assertThat(verifier.verify("not-a-token")).isEqualTo(Verification.Rejected.of(RejectionReason.MALFORMED));
        assertThat(verifier.verify("a.%%%.c")).isEqualTo(Verification.Rejected.of(RejectionReason.MALFORMED));
        assertThat(verifier.verify("  ")).isEqualTo(Verification.Rejected.of(RejectionReason.MISSING));
        assertThat(hexclave.server.getAllServeEvents()).isEmpty();
    }

    @Test
    void acceptedTokenLackingStandardClaimsIsRejected() {
        hexclave.server.stubFor(get("/api/v1/users/me").willReturn(json(200, userJson())));

        Verification v = verifier.verify(HexclaveStub.token("{\"sub\":\"" + USER_ID + "\"}"));

        assertThat(v).isEqualTo(Verification.Rejected.of(RejectionReason.MISSING_CLAIM));
    }

    @Test
    void userOtherThanTheSubjectIsInconsistent() {
        hexclave.server.stubFor(get("/api/v1/users/me").willReturn(json(200, userJson("00000000-0000-4000-8000-000000000001", "X"))));

        assertThat(verifier.verify(HexclaveStub.accessToken()))
                .isEqualTo(Verification.Rejected.of(RejectionReason.INCONSISTENT_CLAIMS));
    }

    @Test
    void hexclaveDownIsUnavailableNotARejection() {
        hexclave.server.stubFor(get("/api/v1/users/me").willReturn(aResponse().withStatus(503)));

        assertThatThrownBy(() -> verifier.verify(HexclaveStub.accessToken())).isInstanceOf(KeysUnavailableException.class)
                .hasMessageNotContaining("eyJ");
        hexclave.server.verify(2, getRequestedFor(urlEqualTo("/api/v1/users/me")));
    }

    @Test
    void wrongServerKeyIsUnavailableNamingTheSetting() {
        hexclave.server.stubFor(get("/api/v1/users/me").willReturn(knownError(401, "INVALID_SECRET_SERVER_KEY")));

        assertThatThrownBy(() -> verifier.verify(HexclaveStub.accessToken())).isInstanceOf(KeysUnavailableException.class)
                .hasMessageContaining("INVALID_SECRET_SERVER_KEY").hasMessageContaining("hexclave.secret-server-key")
                .hasMessageNotContaining(SECRET_SERVER_KEY);
    }

    @Test
    void allowHeadersFollowTheSettings() {
        hexclave.server.stubFor(get("/api/v1/users/me").willReturn(json(200, userJson())));
        try (HexclaveClient lenient = hexclave.client(hexclave.settings().allowRestrictedUsers(true).build())) {
            new RestTokenVerifier(lenient).verify(HexclaveStub.accessToken());
        }
        hexclave.server.verify(getRequestedFor(urlEqualTo("/api/v1/users/me"))
                .withHeader("x-hexclave-allow-restricted-user", equalTo("true"))
                .withHeader("x-hexclave-allow-anonymous-user", absent()));
    }

    @Test
    void requiresASecretServerKey() {
        var noKey = HexclaveSettings.builder(PROJECT_ID).apiUrl(hexclave.apiUrl()).build();
        try (HexclaveClient c = HexclaveClient.create(noKey)) {
            assertThatThrownBy(() -> new RestTokenVerifier(c)).isInstanceOf(HexclaveConfigException.class)
                    .hasMessageContaining("hexclave.secret-server-key");
        }
    }

    @Test
    void resultsAreCachedBrieflyByTokenHash() {
        hexclave.server.stubFor(get("/api/v1/users/me").willReturn(json(200, userJson())));
        AtomicReference<Instant> now = new AtomicReference<>(Instant.now());
        Clock clock = new Clock() {
            @Override
            public Instant instant() {
                return now.get();
            }

            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }
        };
        RestTokenVerifier cached = new RestTokenVerifier(client, Duration.ofSeconds(5), 100, clock);
        String token = HexclaveStub.accessToken();

        assertThat(cached.verify(token).accepted()).isTrue();
        assertThat(cached.verify(token).accepted()).isTrue();
        hexclave.server.verify(1, getRequestedFor(urlEqualTo("/api/v1/users/me")));

        now.set(now.get().plusSeconds(6));
        assertThat(cached.verify(token).accepted()).isTrue();
        hexclave.server.verify(2, getRequestedFor(urlEqualTo("/api/v1/users/me")));
    }

    @Test
    void unavailabilityIsNotCached() {
        hexclave.server.stubFor(get("/api/v1/users/me").willReturn(aResponse().withStatus(500)));
        RestTokenVerifier cached = new RestTokenVerifier(client);
        String token = HexclaveStub.accessToken();

        assertThatThrownBy(() -> cached.verify(token)).isInstanceOf(KeysUnavailableException.class);
        hexclave.server.resetAll();
        hexclave.server.stubFor(get("/api/v1/users/me").willReturn(json(200, userJson())));
        assertThat(cached.verify(token).accepted()).isTrue();
    }

    @Test
    void asyncVerificationCompletes() {
        hexclave.server.stubFor(get("/api/v1/users/me").willReturn(knownError(401, "ACCESS_TOKEN_EXPIRED")));

        assertThat(verifier.verifyAsync(HexclaveStub.accessToken()).toCompletableFuture()).succeedsWithin(Duration.ofSeconds(5))
                .isEqualTo(Verification.Rejected.of(RejectionReason.EXPIRED));
    }
}
