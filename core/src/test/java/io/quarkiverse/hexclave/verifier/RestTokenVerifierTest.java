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

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkiverse.hexclave.client.HexclaveClient;
import io.quarkiverse.hexclave.client.HexclaveStub;
import io.quarkiverse.hexclave.client.HexclaveTransport;
import io.quarkiverse.hexclave.config.HexclaveConfigException;
import io.quarkiverse.hexclave.config.HexclaveSettings;
import io.quarkiverse.hexclave.emulator.MovableClock;

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
        assertThat(((Verification.Rejected) verifier.verify("not-a-token")).reason()).isEqualTo(RejectionReason.MALFORMED);
        assertThat(((Verification.Rejected) verifier.verify("a.%%%.c")).reason()).isEqualTo(RejectionReason.MALFORMED);
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
        MovableClock clock = new MovableClock();
        RestTokenVerifier cached = new RestTokenVerifier(client, Duration.ofSeconds(5), 100, clock);
        String token = HexclaveStub.accessToken();

        assertThat(cached.verify(token).accepted()).isTrue();
        assertThat(cached.verify(token).accepted()).isTrue();
        hexclave.server.verify(1, getRequestedFor(urlEqualTo("/api/v1/users/me")));

        clock.advance(Duration.ofSeconds(6));
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

    /** The stub's access token with some claims replaced ({@code null} removes a claim). */
    private static String tokenWith(String... claimsAndJsonValues) {
        try {
            var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
            String payload = HexclaveStub.accessToken().split("\\.")[1];
            var node = (com.fasterxml.jackson.databind.node.ObjectNode) mapper
                    .readTree(java.util.Base64.getUrlDecoder().decode(payload));
            for (int i = 0; i < claimsAndJsonValues.length; i += 2) {
                if (claimsAndJsonValues[i + 1] == null) {
                    node.remove(claimsAndJsonValues[i]);
                } else {
                    node.set(claimsAndJsonValues[i], mapper.readTree(claimsAndJsonValues[i + 1]));
                }
            }
            return HexclaveStub.token(mapper.writeValueAsString(node));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "forged part: {0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = { "header\n", "sig\r\nx-evil: 1", "sigü", "si g", "héader" })
    void tokenWithCharactersOutsideBase64UrlIsMalformedWithoutAskingHexclave(String forged) {
        String[] parts = HexclaveStub.accessToken().split("\\.");
        String unescaped = forged.replace("\\n", "\n").replace("\\r", "\r");
        String token = forged.startsWith("h") ? unescaped + "." + parts[1] + "." + parts[2]
                : parts[0] + "." + parts[1] + "." + unescaped;

        assertThat(((Verification.Rejected) verifier.verify(token)).reason()).isEqualTo(RejectionReason.MALFORMED);
        assertThat(hexclave.server.getAllServeEvents()).isEmpty();
    }

    @Test
    void tokenLongerThan8KiBIsMalformedWithoutAskingHexclave() {
        String token = tokenWith("padding", "\"" + "p".repeat(9000) + "\"");

        assertThat(((Verification.Rejected) verifier.verify(token)).reason()).isEqualTo(RejectionReason.MALFORMED);
        assertThat(hexclave.server.getAllServeEvents()).isEmpty();
    }

    @Test
    void payloadThatIsJsonNullIsMalformed() {
        assertThat(((Verification.Rejected) verifier.verify(HexclaveStub.token("null"))).reason()).isEqualTo(RejectionReason.MALFORMED);
        assertThat(hexclave.server.getAllServeEvents()).isEmpty();
    }

    @Test
    void unexpectedFailureIsUnavailableWithAFixedMessage() {
        String token = HexclaveStub.accessToken();
        HexclaveTransport broken = request -> {
            throw new IllegalStateException("broken transport saw " + request.headers().get("x-hexclave-access-token"));
        };
        try (HexclaveClient brokenClient = new HexclaveClient(hexclave.settings().build(), broken)) {
            RestTokenVerifier v = new RestTokenVerifier(brokenClient, Duration.ZERO, 1, Clock.systemUTC());

            Throwable e = org.assertj.core.api.Assertions.catchThrowable(() -> v.verify(token));

            assertThat(e).isInstanceOf(KeysUnavailableException.class).hasMessageNotContaining(token)
                    .hasMessageContaining("IllegalStateException");
            for (Throwable t = e; t != null; t = t.getCause()) {
                assertThat(String.valueOf(t.getMessage())).doesNotContain(token);
            }
        }
    }

    @ParameterizedTest(name = "{0}={1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "exp|1000000000|EXPIRED",
            "exp|9223372036854775807|MISSING_CLAIM",
            "exp|31556889864403200|MISSING_CLAIM",
            "exp|99999999999999999999|MALFORMED",
            "exp|1e300|MISSING_CLAIM",
            "aud|\"00000000-0000-4000-8000-00000000000a\"|WRONG_AUDIENCE",
            "aud|[\"" + PROJECT_ID + "\"]|WRONG_AUDIENCE",
            "project_id|\"00000000-0000-4000-8000-00000000000a\"|WRONG_AUDIENCE",
            "iss|\"https://evil.example.com/api/v1/projects/" + PROJECT_ID + "\"|WRONG_ISSUER",
            "iss|\"http://127.0.0.1/api/v1/projects/00000000-0000-4000-8000-00000000000a\"|WRONG_ISSUER",
            "aud|\"" + PROJECT_ID + ":anon\"|ANONYMOUS_USER_NOT_ALLOWED",
            "aud|\"" + PROJECT_ID + ":restricted\"|RESTRICTED_USER_NOT_ALLOWED",
            "is_restricted|true|RESTRICTED_USER_NOT_ALLOWED",
            "iss|\"http://127.0.0.1/api/v1/projects-anonymous-users/" + PROJECT_ID + "\"|ANONYMOUS_USER_NOT_ALLOWED" })
    void tokensTheirOwnClaimsRuleOutAreRejectedWithoutAskingHexclave(String claim, String json, RejectionReason reason) {
        hexclave.server.stubFor(get("/api/v1/users/me").willReturn(json(200, userJson())));

        assertThat(verifier.verify(tokenWith(claim, json))).extracting(v -> ((Verification.Rejected) v).reason())
                .isEqualTo(reason);
        assertThat(hexclave.server.getAllServeEvents()).isEmpty();
    }

    @Test
    void anIssuedAtBeyondInstantsRangeIsATypedRejectionEvenWhenHexclaveAcceptsTheToken() {
        hexclave.server.stubFor(get("/api/v1/users/me").willReturn(json(200, userJson())));

        for (String iat : new String[] { "9223372036854775807", "31556889864403200", "1e300" }) {
            assertThat(verifier.verify(tokenWith("iat", iat))).as("iat=%s", iat)
                    .isEqualTo(new Verification.Rejected(RejectionReason.MISSING_CLAIM, "claim iat missing or mistyped"));
        }
    }

    @Test
    void tokenWithoutAStandardClaimIsRejectedWithoutAskingHexclave() {
        for (String claim : new String[] { "sub", "aud", "iss", "exp" }) {
            assertThat(verifier.verify(tokenWith(claim, null))).isEqualTo(Verification.Rejected.of(RejectionReason.MISSING_CLAIM));
        }
        assertThat(hexclave.server.getAllServeEvents()).isEmpty();
    }

    @Test
    void tokenExpiredWithinTheClockSkewIsStillAskedAbout() {
        hexclave.server.stubFor(get("/api/v1/users/me").willReturn(knownError(401, "ACCESS_TOKEN_EXPIRED")));
        long now = System.currentTimeMillis() / 1000;

        assertThat(verifier.verify(tokenWith("exp", String.valueOf(now - 5))))
                .isEqualTo(Verification.Rejected.of(RejectionReason.EXPIRED));
        hexclave.server.verify(1, getRequestedFor(urlEqualTo("/api/v1/users/me")));
    }

    @Test
    void userWithoutIdIsInconsistent() {
        hexclave.server.stubFor(get("/api/v1/users/me").willReturn(json(200, "{\"display_name\":\"Ada\"}")));

        assertThat(verifier.verify(HexclaveStub.accessToken()))
                .isEqualTo(Verification.Rejected.of(RejectionReason.INCONSISTENT_CLAIMS));
    }
}
