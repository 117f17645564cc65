package io.quarkiverse.hexclave.test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.hexclave.runtime.mutiny.MutinyHexclaveClient;
import io.quarkus.test.QuarkusUnitTest;
import io.vertx.core.AbstractVerticle;
import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;

/**
 * The Mutiny client and the non-blocking profile in reactive endpoints: continuations on the request's Vert.x context,
 * lazy paging that stops on cancellation, typed errors.
 */
class MutinyClientTest {

    /** On the request's context, on its event loop, with the request scope active. */
    private static final String ON_REQUEST_CONTEXT = "true,true,true";

    @RegisterExtension
    static final QuarkusUnitTest app = HexclaveTestApp.create("default", MutinyEndpoint.class, SlowHexclave.class)
            .overrideRuntimeConfigKey("quarkus.hexclave.secret-server-key", SharedEmulator.secretServerKey());

    @Inject
    MutinyHexclaveClient hexclave;

    @Inject
    SlowHexclave slow;

    @Inject
    Vertx vertx;

    @Test
    void onAnEventLoopContextOutsideARequestTheItemArrivesOnThatContext() {
        String userId = SharedEmulator.userAndToken()[0];
        Context eventLoop = vertx.getOrCreateContext(); // a plain event-loop context, not a duplicated one
        CompletableFuture<String> where = new CompletableFuture<>();
        eventLoop.runOnContext(ignored -> slow.mutiny.users().get(userId).subscribe().with(
                user -> where.complete(user.id() + "|" + (Vertx.currentContext() == eventLoop) + "|"
                        + Context.isOnEventLoopThread()),
                where::completeExceptionally));
        assertThat(where).succeedsWithin(Duration.ofSeconds(10)).isEqualTo(userId + "|true|true");
    }

    @Test
    void aWorkerVerticleMayAwaitWithoutTheItemQueuedBehindItself() {
        String userId = SharedEmulator.userAndToken()[0];
        CompletableFuture<String> answer = new CompletableFuture<>();
        vertx.deployVerticle(new AbstractVerticle() {
            @Override
            public void start() {
                // start() is a task of the worker context: an item queued on that context would wait for it forever
                answer.complete(slow.mutiny.users().get(userId).await().atMost(Duration.ofSeconds(10)).id());
            }
        }, new DeploymentOptions().setThreadingModel(ThreadingModel.WORKER))
                .onFailure(answer::completeExceptionally);
        assertThat(answer).succeedsWithin(Duration.ofSeconds(15)).isEqualTo(userId);
    }

    /** Where the call completed: here, the late answer's own thread (no Vert.x context, no event loop). */
    @Test
    void withoutAVertxContextTheItemArrivesWhereTheCallCompleted() {
        String userId = SharedEmulator.userAndToken()[0];
        CompletableFuture<String> where = new CompletableFuture<>();
        slow.mutiny.users().get(userId).subscribe().with(
                user -> where.complete(user.id() + "|" + (Vertx.currentContext() == null) + "|"
                        + Context.isOnEventLoopThread()),
                where::completeExceptionally);
        assertThat(where).succeedsWithin(Duration.ofSeconds(10)).isEqualTo(userId + "|true|false");
    }

    @Test
    void nothingIsSentBeforeSubscriptionAndEachSubscriptionSendsAgain() {
        String userId = SharedEmulator.userAndToken()[0];
        SharedEmulator.admin("reset-counts");
        var get = hexclave.users().get(userId);
        assertThat(SharedEmulator.admin("count GET /api/v1/users/" + userId)).isEqualTo("0");
        get.await().atMost(Duration.ofSeconds(10));
        get.await().atMost(Duration.ofSeconds(10));
        assertThat(SharedEmulator.admin("count GET /api/v1/users/" + userId)).isEqualTo("2");
    }

    @Test
    void profileAndClientContinueOnTheRequestsContextOfTheEventLoop() {
        String[] user = SharedEmulator.userAndToken();
        given().auth().oauth2(user[1]).get("/mutiny/profile").then().statusCode(200)
                .body(equalTo("entry=true|Ada Lovelace|" + ON_REQUEST_CONTEXT + "|true|" + ON_REQUEST_CONTEXT
                        + "|loaded=true|sameClient=true"));
    }

    @Test
    void answersArrivingLateOnAnotherThreadAreBroughtBackToTheRequestsContext() {
        String[] user = SharedEmulator.userAndToken();
        given().auth().oauth2(user[1]).get("/mutiny/slow/profile").then().statusCode(200)
                .body(equalTo("Ada Lovelace|" + ON_REQUEST_CONTEXT + "|" + ON_REQUEST_CONTEXT));
    }

    @Test
    void theProfileOfADeletedUserIsTheTypedExceptionOnTheRequestsContext() {
        String[] user = SharedEmulator.userAndToken();
        SharedEmulator.deleteUser(user[0]); // the token stays signed and unexpired
        given().auth().oauth2(user[1]).get("/mutiny/slow/profile").then().statusCode(200)
                .body(equalTo("gone|USER_NOT_FOUND|" + ON_REQUEST_CONTEXT));
    }

    @Test
    void withoutTheMutinyClientTheContinuationRunsOnTheHttpClientsThread() {
        // Control: proves the endpoint's probe sees a continuation that left the request's context (the request
        // scope may follow it there: Quarkus' context propagation wraps Mutiny callbacks, not the Vert.x context).
        String[] user = SharedEmulator.userAndToken();
        String answer = given().auth().oauth2(user[1]).get("/mutiny/raw").then().statusCode(200).extract().asString();
        assertThat(answer).startsWith("false,false,");
    }

    @Test
    void anUnknownUserIsTheTypedExceptionOnTheRequestsContext() {
        given().auth().oauth2(SharedEmulator.normalToken()).get("/mutiny/users/7d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d")
                .then().statusCode(404).body(equalTo("no such user|USER_NOT_FOUND|" + ON_REQUEST_CONTEXT));
    }

    @Test
    void pagingFetchesOnlyThePagesConsumedAndStopsOnCancel() {
        String token = tokenAmongMoreUsersThanOnePage();

        // 3 users at 2 a page: pages 1 and 2, then the subscriber cancels and no third page is asked for
        given().auth().oauth2(token).get("/mutiny/users?limit=2&take=3").then().statusCode(200)
                .body(equalTo("3|3|0|" + ON_REQUEST_CONTEXT));
        assertThat(usersRequests()).isEqualTo(2);
    }

    @Test
    void pagingWalksEveryPageOnTheRequestsContext() {
        String token = tokenAmongMoreUsersThanOnePage();

        String[] answer = given().auth().oauth2(token).get("/mutiny/users?limit=2").then().statusCode(200)
                .extract().asString().split("\\|");
        int users = Integer.parseInt(answer[0]);
        assertThat(users).isGreaterThanOrEqualTo(8);
        assertThat(answer[1]).as("distinct users").isEqualTo(answer[0]);
        assertThat(answer[2]).as("items emitted off the request's context").isEqualTo("0");
        assertThat(answer[3]).isEqualTo(ON_REQUEST_CONTEXT);
        assertThat(usersRequests()).as("one request per page of 2").isBetween((users + 1) / 2L, users / 2L + 1);
    }

    /** A token, after making sure the project has at least 8 users; request counts reset. */
    private static String tokenAmongMoreUsersThanOnePage() {
        for (int i = 0; i < 7; i++) {
            SharedEmulator.userAndToken();
        }
        String token = SharedEmulator.normalToken();
        SharedEmulator.admin("reset-counts");
        return token;
    }

    private static long usersRequests() {
        return Long.parseLong(SharedEmulator.admin("count GET /api/v1/users"));
    }
}
