package io.quarkiverse.hexclave.cdi;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.quarkiverse.hexclave.cdi.CurrentHexclaveUserTest.principal;
import static io.quarkiverse.hexclave.client.HexclaveStub.USER_ID;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.quarkiverse.hexclave.client.HexclaveClient;
import io.quarkiverse.hexclave.client.HexclaveResponse;
import io.quarkiverse.hexclave.client.HexclaveStub;
import io.quarkiverse.hexclave.client.error.UserNotFoundException;
import io.quarkiverse.hexclave.client.model.User;
import io.quarkiverse.hexclave.config.HexclaveSettings;

/** {@link CurrentHexclaveUser#profileAsync()}: the non-blocking profile, over the client's async get. */
class ProfileAsyncTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String USER_PATH = "/api/v1/users/" + USER_ID;

    @Test
    void doesNotBlockWhileHexclaveAnswersAndSharesTheOneLoadWithEveryCaller() throws Exception {
        try (HexclaveStub hexclave = new HexclaveStub(); HexclaveClient client = hexclave.client()) {
            hexclave.server.stubFor(get(USER_PATH)
                    .willReturn(HexclaveStub.json(200, HexclaveStub.userJson()).withFixedDelay(400)));
            CurrentHexclaveUser current = CurrentHexclaveUser.of(principal(USER_ID), client, null);

            CompletionStage<User> first = current.profileAsync();
            assertThat(first.toCompletableFuture()).as("returns before Hexclave answers").isNotDone();
            List<CompletionStage<User>> others = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                others.add(current.profileAsync());
            }
            ExecutorService pool = Executors.newSingleThreadExecutor();
            try {
                Future<User> blocking = pool.submit(current::profile); // the blocking form joins the same load

                User loaded = first.toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
                assertThat(loaded.primaryEmail()).isEqualTo("ada@example.com");
                for (CompletionStage<User> other : others) {
                    assertThat(other.toCompletableFuture()).succeedsWithin(WAIT).isSameAs(loaded);
                }
                assertThat(blocking.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isSameAs(loaded);
            } finally {
                pool.shutdownNow();
            }
            hexclave.server.verify(1, getRequestedFor(urlEqualTo(USER_PATH)));
            assertThat(current.profileLoaded()).isTrue();
            assertThat(current.profileAsync().toCompletableFuture()).isCompletedWithValueMatching(u -> u.id().equals(USER_ID));
            hexclave.server.verify(1, getRequestedFor(urlEqualTo(USER_PATH)));
        }
    }

    @Test
    void aCachedProfileIsAnsweredAtOnceWithoutACall() {
        try (HexclaveStub hexclave = new HexclaveStub(); HexclaveClient client = hexclave.client()) {
            hexclave.server.stubFor(get(USER_PATH).willReturn(HexclaveStub.json(200, HexclaveStub.userJson())));
            UserProfileCache cache = new UserProfileCache(Duration.ofMinutes(1), 100, Clock.systemUTC());

            User loaded = CurrentHexclaveUser.of(principal(USER_ID), client, cache).profileAsync().toCompletableFuture()
                    .join();
            hexclave.server.verify(1, getRequestedFor(urlEqualTo(USER_PATH)));
            assertThat(cache.size()).isEqualTo(1);

            CompletableFuture<User> again = CurrentHexclaveUser.of(principal(USER_ID), client, cache).profileAsync()
                    .toCompletableFuture();
            assertThat(again).as("a cache hit completes before profileAsync() returns").isCompletedWithValue(loaded);
            hexclave.server.verify(1, getRequestedFor(urlEqualTo(USER_PATH)));
        }
    }

    @Test
    void aFailedLoadReachesEveryWaiterIsNotCachedAndTheNextCallTriesAgain() {
        try (HexclaveStub hexclave = new HexclaveStub(); HexclaveClient client = hexclave.client()) {
            hexclave.server.stubFor(get(USER_PATH)
                    .willReturn(HexclaveStub.knownError(404, "USER_NOT_FOUND").withFixedDelay(200)));
            UserProfileCache cache = new UserProfileCache(Duration.ofMinutes(1), 100, Clock.systemUTC());
            CurrentHexclaveUser current = CurrentHexclaveUser.of(principal(USER_ID), client, cache);

            CompletableFuture<User> first = current.profileAsync().toCompletableFuture();
            CompletableFuture<User> second = current.profileAsync().toCompletableFuture();
            assertThat(first).failsWithin(WAIT).withThrowableOfType(java.util.concurrent.ExecutionException.class)
                    .havingCause().isInstanceOf(UserNotFoundException.class);
            assertThat(second).failsWithin(WAIT).withThrowableOfType(java.util.concurrent.ExecutionException.class)
                    .havingCause().isInstanceOf(UserNotFoundException.class);
            hexclave.server.verify(1, getRequestedFor(urlEqualTo(USER_PATH)));
            assertThat(current.profileLoaded()).isFalse();
            assertThat(cache.size()).isZero();

            hexclave.server.stubFor(get(USER_PATH).willReturn(HexclaveStub.json(200, HexclaveStub.userJson())));
            assertThat(current.profileAsync().toCompletableFuture()).succeedsWithin(WAIT)
                    .matches(u -> u.id().equals(USER_ID));
            hexclave.server.verify(2, getRequestedFor(urlEqualTo(USER_PATH)));
            assertThat(cache.size()).isEqualTo(1);
        }
    }

    @Test
    void completingTheReturnedStageLeavesOtherCallersAlone() {
        CompletableFuture<HexclaveResponse> hexclaveAnswer = new CompletableFuture<>();
        AtomicInteger calls = new AtomicInteger();
        HexclaveSettings settings = HexclaveSettings.builder(HexclaveStub.PROJECT_ID).apiUrl("http://127.0.0.1:9")
                .secretServerKey(HexclaveStub.SECRET_SERVER_KEY).build();
        HexclaveClient client = new HexclaveClient(settings, request -> {
            calls.incrementAndGet();
            return hexclaveAnswer;
        });
        CurrentHexclaveUser current = CurrentHexclaveUser.of(principal(USER_ID), client, null);

        CompletableFuture<User> meddler = current.profileAsync().toCompletableFuture();
        CompletableFuture<User> other = current.profileAsync().toCompletableFuture();
        meddler.completeExceptionally(new IllegalStateException("the caller's own business"));
        assertThat(other).isNotDone();

        hexclaveAnswer.complete(new HexclaveResponse(200, Map.of("content-type", List.of("application/json")),
                HexclaveStub.userJson()));
        assertThat(other).succeedsWithin(WAIT).matches(u -> u.id().equals(USER_ID));
        assertThat(current.profile()).isSameAs(other.join());
        assertThat(calls).hasValue(1);
    }

    @Test
    void aBlockingLoaderRunsOnTheCallingThreadAndItsFailureIsInTheStage() {
        AtomicInteger calls = new AtomicInteger();
        CurrentHexclaveUser current = new CurrentHexclaveUser(principal(USER_ID), id -> {
            if (calls.incrementAndGet() == 1) {
                throw new UserNotFoundException("USER_NOT_FOUND", 404, null, null, null);
            }
            return CurrentHexclaveUserTest.user(id);
        });

        CompletableFuture<User> failed = current.profileAsync().toCompletableFuture();
        assertThat(failed).isCompletedExceptionally();
        assertThat(failed).failsWithin(WAIT).withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .havingCause().isInstanceOf(UserNotFoundException.class);
        assertThat(current.profileAsync().toCompletableFuture()).isCompletedWithValueMatching(u -> u.id().equals(USER_ID));
        assertThat(calls).hasValue(2);
    }
}
