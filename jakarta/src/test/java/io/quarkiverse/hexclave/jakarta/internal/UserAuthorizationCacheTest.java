package io.quarkiverse.hexclave.jakarta.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkiverse.hexclave.client.HexclaveClient;
import io.quarkiverse.hexclave.client.HexclaveRequest;
import io.quarkiverse.hexclave.client.HexclaveResponse;
import io.quarkiverse.hexclave.client.HexclaveTransport;
import io.quarkiverse.hexclave.client.JdkHttpTransport;
import io.quarkiverse.hexclave.client.model.Team;
import io.quarkiverse.hexclave.config.ConfigLookup;
import io.quarkiverse.hexclave.config.HexclaveConfigException;
import io.quarkiverse.hexclave.config.HexclaveSettings;
import io.quarkiverse.hexclave.emulator.EmulatedTeam;
import io.quarkiverse.hexclave.emulator.EmulatedUser;
import io.quarkiverse.hexclave.emulator.HexclaveEmulator;
import io.quarkiverse.hexclave.emulator.NewUser;
import io.quarkiverse.hexclave.jakarta.AuthorizationUnavailableException;

/** Users' permissions and teams from the emulator: recursive, cached, single flight, outage never an empty answer. */
class UserAuthorizationCacheTest {

    static HexclaveEmulator emulator;
    static HexclaveSettings settings;

    /** The real transport, counting the calls and, when gated, holding them until the gate opens. */
    final AtomicInteger calls = new AtomicInteger();
    volatile CountDownLatch gate;
    final AtomicLong nanos = new AtomicLong();
    final List<HexclaveClient> clients = new ArrayList<>();

    @BeforeAll
    static void startEmulator() {
        emulator = HexclaveEmulator.builder().build().start();
        settings = HexclaveSettings.builder(emulator.projectId()).apiUrl(emulator.apiUrl())
                .secretServerKey(emulator.secretServerKey()).build();
        emulator.defineProjectPermission("read");
        emulator.defineProjectPermission("admin", "read");
        emulator.defineTeamPermission("edit");
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    @AfterEach
    void closeClients() {
        clients.forEach(HexclaveClient::close);
    }

    UserAuthorizationCache cache(HexclaveSettings s, Duration ttl) {
        JdkHttpTransport real = new JdkHttpTransport(Duration.ofSeconds(2));
        HexclaveTransport transport = new HexclaveTransport() {
            @Override
            public CompletionStage<HexclaveResponse> send(HexclaveRequest request) {
                calls.incrementAndGet();
                CountDownLatch g = gate;
                if (g == null) {
                    return real.send(request);
                }
                return CompletableFuture.runAsync(() -> {
                    try {
                        g.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }).thenCompose(v -> real.send(request));
            }

            @Override
            public void close() {
                real.close();
            }
        };
        HexclaveClient client = new HexclaveClient(s, transport);
        clients.add(client);
        return new UserAuthorizationCache(client, new AuthorizationSettings(true, ttl, 100), nanos::get);
    }

    EmulatedUser newUser() {
        return emulator.createUser(NewUser.builder().build());
    }

    @Test
    void projectPermissionsIncludeContainedOnes() {
        EmulatedUser user = newUser();
        emulator.grantProjectPermission(user.id(), "admin");

        assertThat(cache(settings, Duration.ofSeconds(30)).projectPermissions(user.id()))
                .containsExactlyInAnyOrder("admin", "read");
    }

    @Test
    void oneCallPerUserPerCacheLifetimeSoARevocationPassesUntilItEnds() {
        EmulatedUser user = newUser();
        emulator.grantProjectPermission(user.id(), "admin");
        UserAuthorizationCache cache = cache(settings, Duration.ofSeconds(30));

        assertThat(cache.projectPermissions(user.id())).contains("admin");
        emulator.revokeProjectPermission(user.id(), "admin");
        nanos.addAndGet(Duration.ofSeconds(29).toNanos());
        assertThat(cache.projectPermissions(user.id())).contains("admin");
        assertThat(calls).hasValue(1);

        nanos.addAndGet(Duration.ofSeconds(2).toNanos());
        assertThat(cache.projectPermissions(user.id())).isEmpty();
        assertThat(calls).hasValue(2);
    }

    @Test
    void zeroLifetimeAsksEveryTime() {
        EmulatedUser user = newUser();
        UserAuthorizationCache cache = cache(settings, Duration.ZERO);

        cache.projectPermissions(user.id());
        cache.projectPermissions(user.id());

        assertThat(calls).hasValue(2);
    }

    @Test
    void concurrentRequestsOfOneUserShareOneCall() throws Exception {
        EmulatedUser user = newUser();
        emulator.grantProjectPermission(user.id(), "read");
        UserAuthorizationCache cache = cache(settings, Duration.ofSeconds(30));
        gate = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Set<String>>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> cache.projectPermissions(user.id())));
            }
            Thread.sleep(200);
            gate.countDown();
            for (Future<Set<String>> answer : answers) {
                assertThat(answer.get(10, TimeUnit.SECONDS)).containsExactly("read");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(calls).hasValue(1);
    }

    @Test
    void unreachableHexclaveIsAnErrorNotAnEmptyAnswerAndIsNotCached() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        HexclaveSettings down = settings.toBuilder().apiUrl("http://127.0.0.1:" + closedPort).maxRetries(0).build();
        UserAuthorizationCache cache = cache(down, Duration.ofSeconds(30));

        assertThatThrownBy(() -> cache.projectPermissions("6f0c5c1e-1111-4c4c-8888-123456789abc"))
                .isInstanceOf(AuthorizationUnavailableException.class)
                .hasMessageNotContaining(emulator.secretServerKey());
        assertThatThrownBy(() -> cache.projectPermissions("6f0c5c1e-1111-4c4c-8888-123456789abc"))
                .isInstanceOf(AuthorizationUnavailableException.class);
        assertThat(calls).hasValue(2);
    }

    @Test
    void missingSecretServerKeyIsAConfigurationErrorNotAnOutage() {
        HexclaveSettings noKey = HexclaveSettings.builder(emulator.projectId()).apiUrl(emulator.apiUrl()).build();

        assertThatThrownBy(() -> cache(noKey, Duration.ofSeconds(30)).teams(newUser().id()))
                .isInstanceOf(HexclaveConfigException.class).hasMessageContaining("secret-server-key");
    }

    @Test
    void userHexclaveNoLongerKnowsHasNoPermissions() {
        EmulatedUser user = newUser();
        emulator.deleteUser(user.id());

        assertThat(cache(settings, Duration.ofSeconds(30)).projectPermissions(user.id())).isEmpty();
    }

    @Test
    void teamPermissionsAreScopedToTheirTeamAndTeamsAreListed() {
        EmulatedUser user = newUser();
        EmulatedTeam red = emulator.createTeam("Red");
        EmulatedTeam blue = emulator.createTeam("Blue");
        emulator.grantTeamPermission(red.id(), user.id(), "edit");
        emulator.addTeamMember(blue.id(), user.id());
        UserAuthorizationCache cache = cache(settings, Duration.ofSeconds(30));

        assertThat(cache.teamPermissions(user.id(), red.id())).contains("edit");
        assertThat(cache.teamPermissions(user.id(), blue.id())).doesNotContain("edit");
        assertThat(cache.teamPermissions(user.id(), "00000000-0000-4000-8000-000000000000")).isEmpty();
        assertThat(cache.teams(user.id())).extracting(Team::displayName).containsExactlyInAnyOrder("Red", "Blue");
        assertThat(calls).hasValue(2);
    }

    @Test
    void settingsDefaultToOnWithAServerKeyAndOffWithout() {
        AuthorizationSettings withKey = AuthorizationSettings.from(ConfigLookup.of(Map.of()), settings);
        assertThat(withKey).isEqualTo(new AuthorizationSettings(true, Duration.ofSeconds(30), 1000));

        HexclaveSettings noKey = HexclaveSettings.builder(emulator.projectId()).apiUrl(emulator.apiUrl()).build();
        assertThat(AuthorizationSettings.from(ConfigLookup.of(Map.of()), noKey).groupsFromPermissions()).isFalse();
        assertThatThrownBy(() -> AuthorizationSettings.from(ConfigLookup.of(Map.of(AuthorizationSettings.ENABLED, "true")),
                noKey)).isInstanceOf(HexclaveConfigException.class).hasMessageContaining("hexclave.secret-server-key");

        AuthorizationSettings custom = AuthorizationSettings.from(ConfigLookup.of(Map.of(AuthorizationSettings.ENABLED,
                "false", AuthorizationSettings.CACHE_TTL, "5s", AuthorizationSettings.CACHE_SIZE, "10")), settings);
        assertThat(custom).isEqualTo(new AuthorizationSettings(false, Duration.ofSeconds(5), 10));
        assertThatThrownBy(() -> AuthorizationSettings.from(ConfigLookup.of(Map.of(AuthorizationSettings.CACHE_TTL,
                "soon")), settings)).isInstanceOf(HexclaveConfigException.class)
                .hasMessageContaining(AuthorizationSettings.CACHE_TTL);
    }
}
