package io.quarkiverse.hexclave.verifier;

import static io.quarkiverse.hexclave.verifier.HexclaveTokenVerifierTest.accepted;
import static io.quarkiverse.hexclave.verifier.HexclaveTokenVerifierTest.rejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.hexclave.testsupport.JwksServer.Fault;
import io.quarkiverse.hexclave.testsupport.TestKey;
import io.quarkiverse.hexclave.testsupport.VerifierFixture;

/** How the verifier fetches, caches and refreshes the project's keys, and how it behaves when Hexclave misbehaves. */
class JwksCacheBehaviourTest {

    final VerifierFixture f = new VerifierFixture();

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void constructionMakesNoNetworkCall() {
        f.verifier();
        assertThat(f.jwks.requests()).isZero();
        assertThat(f.verifier().jwksStatus().hasKeys()).isFalse();
    }

    @Test
    void keysAreFetchedOnceAndCachedForMaxAge() {
        var v = f.verifier();
        for (int i = 0; i < 20; i++) {
            accepted(v.verify(f.tokens.normal().mint()));
        }
        assertThat(f.jwks.requests()).isEqualTo(1);
        JwksStatus status = v.jwksStatus();
        assertThat(status.keyIds()).containsExactlyInAnyOrder("kid-legacy-1", "kid-current");
        assertThat(Duration.between(status.fetchedAt().orElseThrow(), status.expiresAt().orElseThrow()))
                .isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aShorterCacheControlMaxAgeWinsAndExpiredKeysAreRefreshedInTheBackground() throws Exception {
        f.jwks.cacheControl("public, max-age=60");
        var v = f.verifier();
        accepted(v.verify(f.tokens.normal().mint()));
        assertThat(Duration.between(v.jwksStatus().fetchedAt().orElseThrow(), v.jwksStatus().expiresAt().orElseThrow()))
                .isEqualTo(Duration.ofSeconds(60));
        f.clock.advance(Duration.ofSeconds(61));
        accepted(v.verify(f.tokens.normal().mint())); // stale keys serve while one refresh runs
        awaitRequests(2);
        assertThat(f.jwks.requests()).isEqualTo(2);
    }

    @Test
    void maxAgeIsCappedByTheConfiguredCacheTime() {
        f.jwks.cacheControl("max-age=86400");
        var v = f.verifier(b -> b.jwksCacheTime(Duration.ofMinutes(5)));
        accepted(v.verify(f.tokens.normal().mint()));
        assertThat(Duration.between(v.jwksStatus().fetchedAt().orElseThrow(), v.jwksStatus().expiresAt().orElseThrow()))
                .isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void aNewKidTriggersARefreshAndIsAcceptedAfterRotation() {
        var v = f.verifier();
        accepted(v.verify(f.tokens.normal().mint()));
        TestKey rotated = TestKey.generate("kid-rotated");
        f.jwks.keys(f.key2, rotated);
        f.clock.advance(Duration.ofSeconds(31)); // past the cooldown of the first fetch

        accepted(v.verify(f.tokens.normal().signedBy(rotated).mint()));
        assertThat(f.jwks.requests()).isEqualTo(2);
        assertThat(v.jwksStatus().keyIds()).containsExactlyInAnyOrder("kid-current", "kid-rotated");
    }

    @Test
    void aTokenOfADroppedKeyIsNoLongerServedFromTheVerifiedCache() {
        var v = f.verifier();
        String oldToken = f.tokens.normal().mint();
        accepted(v.verify(oldToken));
        TestKey rotated = TestKey.generate("kid-rotated");
        f.jwks.keys(rotated);
        f.clock.advance(Duration.ofSeconds(31));
        accepted(v.verify(f.tokens.normal().signedBy(rotated).mint())); // learns the new key set
        rejected(v.verify(oldToken), RejectionReason.UNKNOWN_KEY);
    }

    @Test
    void aCachedTokenWhoseKeyWasDroppedIsNoLongerSettledWithoutAFetch() {
        var v = f.verifier();
        String oldToken = f.tokens.normal().mint();
        accepted(v.verify(oldToken));
        assertThat(v.verifyWithoutBlocking(oldToken).isPresent()).isTrue();
        TestKey rotated = TestKey.generate("kid-rotated");
        f.jwks.keys(rotated);
        f.clock.advance(Duration.ofSeconds(31));
        accepted(v.verify(f.tokens.normal().signedBy(rotated).mint())); // the key set no longer has the old kid
        f.clock.advance(Duration.ofSeconds(31)); // cooldown over: the old kid would force a fetch
        assertThat(v.verifyWithoutBlocking(oldToken).isPresent()).isFalse();
    }

    @Test
    void aFloodOfGarbageKidsFetchesAtMostOncePerCooldown() {
        var v = f.verifier(b -> b.jwksRefreshCooldown(Duration.ofSeconds(30)));
        accepted(v.verify(f.tokens.normal().mint()));
        f.clock.advance(Duration.ofSeconds(31));
        for (int i = 0; i < 200; i++) {
            rejected(v.verify(f.tokens.normal().header("kid", "garbage-" + i).mint()), RejectionReason.UNKNOWN_KEY);
        }
        assertThat(f.jwks.requests()).as("one forced refresh in the cooldown window").isEqualTo(2);
        f.clock.advance(Duration.ofSeconds(31));
        rejected(v.verify(f.tokens.normal().header("kid", "garbage-again").mint()), RejectionReason.UNKNOWN_KEY);
        assertThat(f.jwks.requests()).isEqualTo(3);
    }

    @Test
    void jwksDownAtStartIsKeysUnavailableNotABadToken() {
        f.jwks.fault(Fault.DOWN);
        var v = f.verifier();
        assertThatThrownBy(() -> v.verify(f.tokens.normal().mint())).isInstanceOf(KeysUnavailableException.class)
                .hasMessageNotContaining("eyJ");
        assertThat(v.jwksStatus().lastError()).isPresent();
    }

    @Test
    void jwksAnswering500OrGarbageOrNoKeysIsKeysUnavailable() {
        for (Fault fault : List.of(Fault.STATUS_500, Fault.GARBAGE, Fault.EMPTY_KEYS)) {
            f.jwks.fault(fault);
            var v = f.verifier();
            assertThatThrownBy(() -> v.verify(f.tokens.normal().mint())).as(fault.name())
                    .isInstanceOf(KeysUnavailableException.class);
        }
    }

    @Test
    void lastGoodKeysKeepServingWhileTheEndpointIsDown() {
        f.jwks.cacheControl("max-age=60");
        var v = f.verifier();
        accepted(v.verify(f.tokens.normal().mint()));
        for (Fault fault : List.of(Fault.DOWN, Fault.STATUS_500, Fault.GARBAGE, Fault.EMPTY_KEYS)) {
            f.jwks.fault(fault);
            f.clock.advance(Duration.ofMinutes(5));
            accepted(v.verify(f.tokens.normal().mint()));
            accepted(v.verify(f.tokens.normal().mint()));
        }
        assertThat(v.jwksStatus().keyIds()).containsExactlyInAnyOrder("kid-legacy-1", "kid-current");
        f.jwks.fault(Fault.NONE);
        f.clock.advance(Duration.ofMinutes(5));
        accepted(v.verify(f.tokens.normal().mint()));
    }

    @Test
    void anUnknownKidDuringAnOutageIsABadTokenWhileKeysAreAtHand() {
        var v = f.verifier();
        accepted(v.verify(f.tokens.normal().mint()));
        f.jwks.fault(Fault.DOWN);
        f.clock.advance(Duration.ofSeconds(31));
        rejected(v.verify(f.tokens.normal().header("kid", "made-up").mint()), RejectionReason.UNKNOWN_KEY);
        accepted(v.verify(f.tokens.normal().mint()));
    }

    @Test
    void aFailedFirstFetchIsNotRetriedOnEveryRequest() {
        f.jwks.fault(Fault.STATUS_500);
        var v = f.verifier();
        for (int i = 0; i < 50; i++) {
            assertThatThrownBy(() -> v.verify(f.tokens.normal().mint())).isInstanceOf(KeysUnavailableException.class);
        }
        assertThat(f.jwks.requests()).isEqualTo(1);
        f.jwks.fault(Fault.NONE);
        f.clock.advance(Duration.ofSeconds(3));
        accepted(v.verify(f.tokens.normal().mint()));
    }

    @Test
    void aSlowEndpointTimesOutAsKeysUnavailable() {
        f.jwks.slow(Duration.ofSeconds(3));
        var v = f.verifier(b -> b.readTimeout(Duration.ofMillis(300)));
        long start = System.nanoTime();
        assertThatThrownBy(() -> v.verify(f.tokens.normal().mint())).isInstanceOf(KeysUnavailableException.class)
                .hasMessageContaining("timed out");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void concurrentRequestsDuringAFetchShareOneFetch() throws Exception {
        f.jwks.slow(Duration.ofMillis(500));
        var v = f.verifier();
        int threads = 32;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Verification>> results = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            tokens.add(f.tokens.normal().mint());
        }
        try {
            for (String token : tokens) {
                results.add(pool.submit(() -> {
                    go.await();
                    return v.verify(token);
                }));
            }
            go.countDown();
            for (Future<Verification> r : results) {
                accepted(r.get(10, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(f.jwks.requests()).isEqualTo(1);
    }

    @Test
    void concurrentRequestsDuringARotationRefreshShareOneFetchAndAllSucceed() throws Exception {
        var v = f.verifier();
        accepted(v.verify(f.tokens.normal().mint()));
        TestKey rotated = TestKey.generate("kid-rotated");
        f.jwks.keys(f.key1, rotated);
        f.jwks.slow(Duration.ofMillis(300));
        f.clock.advance(Duration.ofSeconds(31));
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Verification>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                String token = (i % 2 == 0 ? f.tokens.normal().signedBy(rotated) : f.tokens.normal()).mint();
                results.add(pool.submit(() -> v.verify(token)));
            }
            for (Future<Verification> r : results) {
                accepted(r.get(10, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(f.jwks.requests()).isEqualTo(2);
    }

    @Test
    void verifyAsyncDoesNotBlockTheCallerWhileKeysAreFetched() throws Exception {
        f.jwks.slow(Duration.ofMillis(500));
        var v = f.verifier();
        long start = System.nanoTime();
        var stage = v.verifyAsync(f.tokens.normal().mint());
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(400));
        assertThat(stage.toCompletableFuture().get(5, TimeUnit.SECONDS).accepted()).isTrue();
    }

    @Test
    void verifyAsyncFailsWithKeysUnavailableWhenTheEndpointIsDown() {
        f.jwks.fault(Fault.DOWN);
        var v = f.verifier();
        assertThat(v.verifyAsync(f.tokens.normal().mint()).toCompletableFuture())
                .failsWithin(Duration.ofSeconds(5)).withThrowableThat()
                .withCauseInstanceOf(KeysUnavailableException.class);
    }

    @Test
    void verifiesWithoutBlockingOnlyOnceTheKidIsCached() {
        var v = f.verifier();
        String token = f.tokens.normal().signedBy(f.key2).mint();
        assertThat(v.verifyWithoutBlocking(token).isPresent()).isFalse();
        v.refreshKeys().toCompletableFuture().join();
        assertThat(v.verifyWithoutBlocking(token).isPresent()).isTrue();
        assertThat(v.verifyWithoutBlocking("garbage")).as("settled without keys").isPresent();
    }

    @Test
    void verifyWithoutBlockingAnswersOnlyWhatNeedsNoFetch() {
        var v = f.verifier();
        String token = f.tokens.normal().mint();
        assertThat(v.verifyWithoutBlocking(token)).as("no keys yet").isEmpty();
        assertThat(f.jwks.requests()).as("and no fetch started either").isZero();
        assertThat(v.verifyWithoutBlocking("garbage")).get().isInstanceOf(Verification.Rejected.class);

        accepted(v.verify(token));
        assertThat(v.verifyWithoutBlocking(token)).get().isInstanceOf(Verification.Accepted.class);
        assertThat(v.verifyWithoutBlocking(f.tokens.normal().signedBy(f.key2).mint())).as("a new token, cached key")
                .get().isInstanceOf(Verification.Accepted.class);
        rejected(v.verifyWithoutBlocking(f.tokens.normal().expiresIn(Duration.ofMinutes(-5)).mint()).orElseThrow(),
                RejectionReason.EXPIRED);
        String unknownKid = f.tokens.normal().header("kid", "new-kid").mint();
        rejected(v.verifyWithoutBlocking(unknownKid).orElseThrow(), RejectionReason.UNKNOWN_KEY); // within the cooldown
        f.clock.advance(Duration.ofSeconds(31));
        assertThat(v.verifyWithoutBlocking(unknownKid)).as("after the cooldown it needs a fetch").isEmpty();
        assertThat(f.jwks.requests()).as("which verifyWithoutBlocking never starts").isEqualTo(1);
    }

    private void awaitRequests(int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (f.jwks.requests() < n && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }
}
