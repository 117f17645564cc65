package io.quarkiverse.hexclave.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.quarkiverse.hexclave.client.HexclaveClient;
import io.quarkiverse.hexclave.client.HexclaveRequest;
import io.quarkiverse.hexclave.client.HexclaveResponse;
import io.quarkiverse.hexclave.client.HexclaveTransport;
import io.quarkiverse.hexclave.client.JdkHttpTransport;
import io.quarkiverse.hexclave.client.model.ApiKey;
import io.quarkiverse.hexclave.config.HexclaveSettings;
import io.quarkiverse.hexclave.credential.RequestView;
import io.quarkiverse.hexclave.emulator.EmulatedApiKey;
import io.quarkiverse.hexclave.emulator.EmulatedTeam;
import io.quarkiverse.hexclave.emulator.EmulatedUser;
import io.quarkiverse.hexclave.emulator.HexclaveEmulator;
import io.quarkiverse.hexclave.emulator.NewApiKey;
import io.quarkiverse.hexclave.emulator.NewUser;
import io.quarkiverse.hexclave.verifier.RejectionReason;

/** API keys found in requests and checked with the emulator, through the cache. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiKeyVerifierTest {

    HexclaveEmulator emulator;
    HexclaveClient client;
    EmulatedUser user;
    EmulatedTeam team;
    final ApiKeyCredentials credentials = ApiKeySettings.DEFAULTS.credentials(); // headers and bearer as by default

    @BeforeAll
    void start() {
        emulator = HexclaveEmulator.builder().build().start();
        client = HexclaveClient.create(settings());
        user = emulator.createUser(NewUser.withEmail("machine@example.com").build());
        team = emulator.createTeam("Robots");
    }

    HexclaveSettings settings() {
        return HexclaveSettings.builder(emulator.projectId()).apiUrl(emulator.apiUrl())
                .secretServerKey(emulator.secretServerKey()).build();
    }

    @AfterEach
    void resetFaults() {
        emulator.faults().reset();
    }

    @AfterAll
    void stop() {
        client.close();
        emulator.close();
    }

    ApiKeyVerifier verifier(Duration ttl) {
        return new ApiKeyVerifier(client, new ApiKeySettings(true, ApiKeyCredentials.DEFAULT_HEADERS, true, ttl, 100));
    }

    PresentedApiKey presented(String header, String value) {
        return credentials.find(RequestView.of(Map.of(header, value), Map.of())).orElseThrow();
    }

    PresentedApiKey userKey() {
        return presented("x-hexclave-api-key", emulator.createApiKey(NewApiKey.forUser(user.id()).build()).value());
    }

    @Test
    void aThreadThatMayNotWaitIsRefusedWhileHexclaveIsAskedAndTheAnswerIsStillCached() {
        var jdk = new io.quarkiverse.hexclave.client.JdkHttpTransport(Duration.ofSeconds(2));
        var refusing = new io.quarkiverse.hexclave.client.HexclaveTransport() {
            @Override
            public java.util.concurrent.CompletionStage<io.quarkiverse.hexclave.client.HexclaveResponse> send(
                    io.quarkiverse.hexclave.client.HexclaveRequest request) {
                return jdk.send(request);
            }

            @Override
            public void checkBlockingAllowed() {
                throw new IllegalStateException("no waiting on this thread");
            }
        };
        try (HexclaveClient guarded = new HexclaveClient(settings(), refusing)) {
            ApiKeyVerifier verifier = new ApiKeyVerifier(guarded, new ApiKeySettings(true,
                    ApiKeyCredentials.DEFAULT_HEADERS, true, Duration.ofSeconds(30), 100));
            PresentedApiKey key = userKey();

            org.assertj.core.api.Assertions.assertThatThrownBy(() -> verifier.check(key))
                    .isInstanceOf(IllegalStateException.class).hasMessage("no waiting on this thread");
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (verifier.checkWithoutBlocking(key).isEmpty() && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(verifier.check(key)).isInstanceOf(ApiKeyCheck.Accepted.class); // cached: no wait needed
        } finally {
            jdk.close();
        }
    }

    @Test
    void userKeyIsAcceptedAsItsUser() {
        ApiKeyCheck check = verifier(Duration.ofSeconds(30)).check(userKey());

        assertThat(check).isInstanceOfSatisfying(ApiKeyCheck.Accepted.class, a -> {
            assertThat(a.key().type()).isEqualTo(ApiKey.Type.USER);
            assertThat(a.key().ownerId()).isEqualTo(user.id());
        });
    }

    @Test
    void teamKeyIsAcceptedAsItsTeam() {
        EmulatedApiKey key = emulator.createApiKey(NewApiKey.forTeam(team.id()).build());

        ApiKeyCheck check = verifier(Duration.ofSeconds(30)).check(presented("x-stack-api-key", key.value()));

        assertThat(check).isInstanceOfSatisfying(ApiKeyCheck.Accepted.class, a -> {
            assertThat(a.key().type()).isEqualTo(ApiKey.Type.TEAM);
            assertThat(a.key().ownerId()).isEqualTo(team.id());
        });
    }

    @Test
    void expiredRevokedAndUnknownKeysAreRefusedWithTheirReason() {
        ApiKeyVerifier verifier = verifier(Duration.ofSeconds(30));
        EmulatedApiKey expired = emulator.createApiKey(NewApiKey.forUser(user.id())
                .expiresAt(Instant.now().minusSeconds(60)).build());
        EmulatedApiKey revoked = emulator.createApiKey(NewApiKey.forUser(user.id()).build());
        emulator.revokeApiKey(revoked.id());
        String real = emulator.createApiKey(NewApiKey.forUser(user.id()).build()).value();
        String unknown = "sk_" + (real.charAt(3) == '0' ? '1' : '0') + real.substring(4); // same shape, no such key

        assertThat(verifier.check(presented("x-hexclave-api-key", expired.value())))
                .isEqualTo(new ApiKeyCheck.Refused(RejectionReason.API_KEY_EXPIRED));
        assertThat(verifier.check(presented("x-hexclave-api-key", revoked.value())))
                .isEqualTo(new ApiKeyCheck.Refused(RejectionReason.API_KEY_REVOKED));
        assertThat(verifier.check(presented("x-hexclave-api-key", unknown)))
                .isEqualTo(new ApiKeyCheck.Refused(RejectionReason.API_KEY_INVALID));
        assertThat(new ApiKeyCheck.Refused(RejectionReason.API_KEY_REVOKED).challenge().wwwAuthenticate())
                .isEqualTo("Bearer error=\"invalid_token\", error_description=\"api key revoked\"");
    }

    @Test
    void aValueNotShapedLikeAKeyIsRefusedWithoutAskingHexclave() {
        ApiKeyVerifier verifier = verifier(Duration.ofSeconds(30));

        assertThat(verifier.check(presented("x-hexclave-api-key", "not-a-key")))
                .isEqualTo(new ApiKeyCheck.Refused(RejectionReason.API_KEY_INVALID));
        assertThat(verifier.calls()).isZero();
    }

    /** A key whose shape says team but that Hexclave holds as a user key (a transport that asks the other check). */
    @Test
    void aKeyOfTheOtherTypeIsRefusedAsWrongType() {
        HexclaveTransport jdk = new JdkHttpTransport(Duration.ofSeconds(5));
        HexclaveTransport swapped = new HexclaveTransport() {
            @Override
            public CompletionStage<HexclaveResponse> send(HexclaveRequest r) {
                URI uri = URI.create(r.uri().toString().replace("/user-api-keys/check", "/team-api-keys/check"));
                return jdk.send(new HexclaveRequest(r.method(), uri, r.headers(), r.body(), r.timeout()));
            }

            @Override
            public void close() {
                jdk.close();
            }
        };
        try (HexclaveClient swapping = new HexclaveClient(settings(), swapped)) {
            ApiKeyVerifier verifier = new ApiKeyVerifier(swapping, new ApiKeySettings(true,
                    ApiKeyCredentials.DEFAULT_HEADERS, true, Duration.ofSeconds(30), 100));

            assertThat(verifier.check(userKey())).isEqualTo(new ApiKeyCheck.Refused(RejectionReason.API_KEY_WRONG_TYPE));
        }
    }

    @Test
    void outcomesAreCachedByDigestPositiveAndNegative() {
        ApiKeyVerifier verifier = verifier(Duration.ofMinutes(5));
        PresentedApiKey key = userKey();
        EmulatedApiKey revokedKey = emulator.createApiKey(NewApiKey.forUser(user.id()).build());
        emulator.revokeApiKey(revokedKey.id());
        PresentedApiKey revoked = presented("x-hexclave-api-key", revokedKey.value());

        assertThat(verifier.checkWithoutBlocking(key)).isEmpty();
        for (int i = 0; i < 3; i++) {
            assertThat(verifier.check(key)).isInstanceOf(ApiKeyCheck.Accepted.class);
            assertThat(verifier.check(revoked)).isInstanceOf(ApiKeyCheck.Refused.class);
        }
        assertThat(verifier.calls()).isEqualTo(2);
        assertThat(verifier.checkWithoutBlocking(key)).containsInstanceOf(ApiKeyCheck.Accepted.class);
        // A key presented through another header is the same key: same digest.
        assertThat(verifier.check(presented("x-stack-api-key", key.value().value()))).isInstanceOf(ApiKeyCheck.Accepted.class);
        assertThat(verifier.calls()).isEqualTo(2);
    }

    @Test
    void revocationShowsOnceTheCacheLifetimeEndsAndAtOnceWithZero() {
        ApiKeyVerifier cached = verifier(Duration.ofMinutes(5));
        ApiKeyVerifier uncached = verifier(Duration.ZERO);
        EmulatedApiKey created = emulator.createApiKey(NewApiKey.forUser(user.id()).build());
        PresentedApiKey key = presented("x-hexclave-api-key", created.value());
        assertThat(cached.check(key)).isInstanceOf(ApiKeyCheck.Accepted.class);
        assertThat(uncached.check(key)).isInstanceOf(ApiKeyCheck.Accepted.class);

        emulator.revokeApiKey(created.id());

        assertThat(cached.check(key)).as("the documented revocation delay").isInstanceOf(ApiKeyCheck.Accepted.class);
        assertThat(uncached.check(key)).isEqualTo(new ApiKeyCheck.Refused(RejectionReason.API_KEY_REVOKED));
        assertThat(uncached.calls()).isEqualTo(2);
    }

    /** Eight concurrent checks of one key while Hexclave's answer is held back: one call, eight outcomes. */
    @Test
    void concurrentChecksOfOneKeyShareOneCall() throws Exception {
        HexclaveTransport jdk = new JdkHttpTransport(Duration.ofSeconds(5));
        CompletableFuture<Void> release = new CompletableFuture<>();
        HexclaveTransport held = new HexclaveTransport() {
            @Override
            public CompletionStage<HexclaveResponse> send(HexclaveRequest r) {
                return release.thenCompose(v -> jdk.send(r));
            }

            @Override
            public void close() {
                jdk.close();
            }
        };
        try (HexclaveClient holding = new HexclaveClient(settings(), held)) {
            ApiKeyVerifier verifier = new ApiKeyVerifier(holding,
                    new ApiKeySettings(true, ApiKeyCredentials.DEFAULT_HEADERS, true, Duration.ZERO, 100));
            PresentedApiKey key = userKey();

            List<CompletableFuture<ApiKeyCheck>> checks = IntStream.range(0, 8)
                    .mapToObj(i -> verifier.checkAsync(key).toCompletableFuture()).toList();
            assertThat(checks).noneMatch(CompletableFuture::isDone);
            release.complete(null);

            for (CompletableFuture<ApiKeyCheck> c : checks) {
                assertThat(c.get(10, TimeUnit.SECONDS)).isInstanceOf(ApiKeyCheck.Accepted.class);
            }
            assertThat(verifier.calls()).isEqualTo(1);
            // With a lifetime of 0 the outcome is not kept: the next check asks again.
            assertThat(verifier.check(key)).isInstanceOf(ApiKeyCheck.Accepted.class);
            assertThat(verifier.calls()).isEqualTo(2);
        }
    }

    @Test
    void hexclaveUnavailableIsNeitherARefusalNorCached() {
        ApiKeyVerifier verifier = verifier(Duration.ofMinutes(5));
        PresentedApiKey key = userKey();
        emulator.faults().apiStatus(503);

        assertThat(verifier.check(key)).isInstanceOf(ApiKeyCheck.Unavailable.class);

        emulator.faults().reset();
        assertThat(verifier.check(key)).isInstanceOf(ApiKeyCheck.Accepted.class);
    }

    @Test
    void bearerKeysAreFoundOnlyWhenShapedLikeAKeyAndHeadersComeFirst() {
        String key = emulator.createApiKey(NewApiKey.forUser(user.id()).build()).value();
        String jwt = "eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln";

        assertThat(credentials.find(RequestView.of(Map.of("Authorization", "Bearer " + key), Map.of())))
                .hasValueSatisfying(k -> assertThat(k.source()).isEqualTo("authorization"));
        assertThat(credentials.find(RequestView.of(Map.of("Authorization", "Bearer " + jwt), Map.of()))).isEmpty();
        assertThat(new ApiKeyCredentials(ApiKeyCredentials.DEFAULT_HEADERS, false)
                .find(RequestView.of(Map.of("Authorization", "Bearer " + key), Map.of()))).isEmpty();
        assertThat(credentials.find(RequestView.of(Map.of("X-Stack-Api-Key", key, "Authorization", "Bearer " + jwt),
                Map.of()))).hasValueSatisfying(k -> assertThat(k.source()).isEqualTo("x-stack-api-key"));
        assertThat(credentials.find(RequestView.of(Map.of(), Map.of()))).isEmpty();
    }

    @Test
    void theKeyNeverAppearsInToStringOrDigest() {
        PresentedApiKey key = userKey();
        String value = key.value().value();

        assertThat(key.toString()).doesNotContain(value).doesNotContain(value.substring(3, 20));
        assertThat(key.digest()).hasSize(64).doesNotContain(value);
        assertThat(key.type()).contains(ApiKey.Type.USER);
    }

    @Test
    void settingsRefuseNegativeValuesNamingTheKey() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ApiKeySettings(true, List.of(), true,
                Duration.ofSeconds(-1), 1)).hasMessageContaining("api-keys.cache-ttl");
        assertThat(ApiKeySettings.from(io.quarkiverse.hexclave.config.ConfigLookup.of(Map.of(
                "hexclave.api-keys.headers", "X-Api-Key, x-other", "hexclave.api-keys.cache-ttl", "0s")), "hexclave.")
                .headers()).containsExactly("x-api-key", "x-other");
    }
}
