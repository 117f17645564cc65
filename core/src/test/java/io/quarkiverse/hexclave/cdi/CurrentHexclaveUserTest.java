package io.quarkiverse.hexclave.cdi;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.quarkiverse.hexclave.client.HexclaveStub.USER_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import io.quarkiverse.hexclave.client.HexclaveClient;
import io.quarkiverse.hexclave.client.HexclaveStub;
import io.quarkiverse.hexclave.client.error.UserNotFoundException;
import io.quarkiverse.hexclave.client.model.User;
import io.quarkiverse.hexclave.emulator.MovableClock;
import io.quarkiverse.hexclave.verifier.HexclavePrincipal;
import io.quarkiverse.hexclave.verifier.TestPrincipals;

class CurrentHexclaveUserTest {

    static HexclavePrincipal principal(String userId) {
        return TestPrincipals.normal(HexclaveStub.PROJECT_ID, userId);
    }

    static User user(String id) {
        return HexclaveStub.user(id, "Ada");
    }

    @Test
    void claimsNeedNoCallAndTheProfileLoadsOnFirstUseOnly() {
        AtomicInteger calls = new AtomicInteger();
        CurrentHexclaveUser current = new CurrentHexclaveUser(principal(USER_ID), id -> {
            calls.incrementAndGet();
            return user(id);
        });

        assertThat(current.userId()).isEqualTo(USER_ID);
        assertThat(current.principal().userId()).isEqualTo(USER_ID);
        assertThat(current.profileLoaded()).isFalse();
        assertThat(calls).hasValue(0);

        assertThat(current.profile().displayName()).isEqualTo("Ada");
        assertThat(current.profile().id()).isEqualTo(USER_ID);
        assertThat(calls).hasValue(1);
        assertThat(current.profileLoaded()).isTrue();
    }

    @Test
    void concurrentFirstUsesLoadOnce() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch inLoader = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CurrentHexclaveUser current = new CurrentHexclaveUser(principal(USER_ID), id -> {
            calls.incrementAndGet();
            inLoader.countDown();
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return user(id);
        });
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<User>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(current::profile));
            }
            assertThat(inLoader.await(5, TimeUnit.SECONDS)).isTrue();
            release.countDown();
            User first = results.get(0).get(5, TimeUnit.SECONDS);
            for (Future<User> f : results) {
                assertThat(f.get(5, TimeUnit.SECONDS)).isSameAs(first);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(calls).hasValue(1);
    }

    @Test
    void theLoaderRunsWithNoMonitorHeldSoVirtualThreadsAreNotPinned() {
        List<String> monitorsHeld = new ArrayList<>();
        CurrentHexclaveUser current = new CurrentHexclaveUser(principal(USER_ID), id -> {
            java.lang.management.ThreadInfo info = java.lang.management.ManagementFactory.getThreadMXBean()
                    .getThreadInfo(new long[] { Thread.currentThread().getId() }, true, false)[0];
            for (java.lang.management.MonitorInfo m : info.getLockedMonitors()) {
                monitorsHeld.add(m.getClassName());
            }
            return user(id);
        });

        assertThat(current.profile().id()).isEqualTo(USER_ID);
        assertThat(monitorsHeld).isEmpty();
    }

    @Test
    void concurrentCallersShareOneFailedLoadAndTheNextCallTriesAgain() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch inLoader = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CurrentHexclaveUser current = new CurrentHexclaveUser(principal(USER_ID), id -> {
            if (calls.incrementAndGet() == 1) {
                inLoader.countDown();
                try {
                    release.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new UserNotFoundException("USER_NOT_FOUND", 404, null, null, null);
            }
            return user(id);
        });
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<User>> results = new ArrayList<>();
            results.add(pool.submit(current::profile));
            assertThat(inLoader.await(5, TimeUnit.SECONDS)).isTrue();
            for (int i = 0; i < 5; i++) {
                results.add(pool.submit(current::profile));
            }
            Thread.sleep(100); // let them reach the shared load
            release.countDown();
            for (Future<User> f : results) {
                assertThatThrownBy(() -> f.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(UserNotFoundException.class);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(calls).hasValue(1);
        assertThat(current.profile().id()).isEqualTo(USER_ID);
        assertThat(calls).hasValue(2);
    }

    @Test
    void failedLoadIsNotRememberedAndReachesTheCaller() {
        AtomicInteger calls = new AtomicInteger();
        CurrentHexclaveUser current = new CurrentHexclaveUser(principal(USER_ID), id -> {
            if (calls.incrementAndGet() == 1) {
                throw new UserNotFoundException("USER_NOT_FOUND", 404, null, null, null);
            }
            return user(id);
        });

        assertThatThrownBy(current::profile).isInstanceOf(UserNotFoundException.class);
        assertThat(current.profile().id()).isEqualTo(USER_ID);
        assertThat(calls).hasValue(2);
    }

    @Test
    void ofClientLoadsTheUserByIdWithServerAccess() {
        try (HexclaveStub hexclave = new HexclaveStub(); HexclaveClient client = hexclave.client()) {
            hexclave.server.stubFor(get("/api/v1/users/" + USER_ID).willReturn(HexclaveStub.json(200, HexclaveStub.userJson())));
            CurrentHexclaveUser current = CurrentHexclaveUser.of(principal(USER_ID), client, null);
            CurrentHexclaveUser other = new CurrentHexclaveUser(principal(USER_ID), client);

            assertThat(current.profile().primaryEmail()).isEqualTo("ada@example.com");
            assertThat(current.profile().primaryEmail()).isEqualTo("ada@example.com");
            hexclave.server.verify(1, getRequestedFor(urlEqualTo("/api/v1/users/" + USER_ID)));
            assertThat(other.profile().id()).isEqualTo(USER_ID);
            hexclave.server.verify(2, getRequestedFor(urlEqualTo("/api/v1/users/" + USER_ID)));
        }
    }

    @Test
    void sharedProfileCacheServesOtherRequestsUntilItsTtlEnds() {
        MovableClock clock = new MovableClock(Instant.parse("2026-01-01T00:00:00Z"));
        UserProfileCache cache = new UserProfileCache(Duration.ofSeconds(10), 100, clock);
        AtomicInteger calls = new AtomicInteger();
        Function<String, User> loader = id -> {
            calls.incrementAndGet();
            return user(id);
        };

        new CurrentHexclaveUser(principal(USER_ID), loader, cache).profile();
        new CurrentHexclaveUser(principal(USER_ID), loader, cache).profile();
        assertThat(calls).hasValue(1);

        clock.advance(Duration.ofSeconds(11));
        new CurrentHexclaveUser(principal(USER_ID), loader, cache).profile();
        assertThat(calls).hasValue(2);

        cache.invalidate(USER_ID);
        new CurrentHexclaveUser(principal(USER_ID), loader, cache).profile();
        assertThat(calls).hasValue(3);
    }

    @Test
    void profileCacheIsBounded() {
        UserProfileCache cache = new UserProfileCache(Duration.ofMinutes(1), 3, Clock.systemUTC());
        for (int i = 0; i < 10; i++) {
            String id = String.format("00000000-0000-4000-8000-%012d", i);
            cache.get(id, CurrentHexclaveUserTest::user);
        }
        assertThat(cache.size()).isEqualTo(3);
    }

    @Test
    void toStringShowsTheUserIdOnly() {
        CurrentHexclaveUser current = new CurrentHexclaveUser(principal(USER_ID), CurrentHexclaveUserTest::user);
        assertThat(current.toString()).isEqualTo("CurrentHexclaveUser[userId=" + USER_ID + "]");
    }
}
