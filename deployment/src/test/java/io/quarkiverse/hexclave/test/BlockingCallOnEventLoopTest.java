package io.quarkiverse.hexclave.test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/**
 * A blocking client call on an event loop fails at once with Quarkus' blocking-operation exception, saying what to
 * use instead, and sends nothing: with the Vert.x transport its answer would be delivered on that very event loop,
 * so waiting could only time out. On a worker thread the same call works.
 */
class BlockingCallOnEventLoopTest {

    @RegisterExtension
    static final QuarkusUnitTest app = HexclaveTestApp.create("default", BlockingOnEventLoopEndpoint.class)
            .overrideRuntimeConfigKey("quarkus.hexclave.secret-server-key", SharedEmulator.secretServerKey());

    @Test
    void refusedAtOnceOnAnEventLoop() {
        String userId = SharedEmulator.userAndToken()[0];
        long start = System.nanoTime();
        String body = given().queryParam("id", userId).get("/blocking-call/event-loop").then().statusCode(200)
                .extract().asString();
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(body).startsWith("refused: A blocking call to Hexclave was made on an event loop thread")
                .contains("MutinyHexclaveClient");
        assertThat(millis).as("no wait for a timeout").isLessThan(3_000);
    }

    @Test
    void theProfileIsRefusedTooWhileItIsNotLoaded() {
        String[] user = SharedEmulator.userAndToken();
        given().auth().oauth2(user[1]).get("/blocking-call/profile-on-event-loop").then().statusCode(200)
                .body(org.hamcrest.Matchers.startsWith("refused: A blocking call to Hexclave"));
    }

    @Test
    void worksOnAWorkerThread() {
        String userId = SharedEmulator.userAndToken()[0];
        given().queryParam("id", userId).get("/blocking-call/worker").then().statusCode(200)
                .body(equalTo("got " + userId));
    }
}
