package io.quarkiverse.hexclave.test;

import static io.quarkiverse.hexclave.test.WebhookDeliveries.SECRET;
import static io.quarkiverse.hexclave.test.WebhookDeliveries.post;
import static io.quarkiverse.hexclave.test.WebhookDeliveries.userCreated;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.hexclave.emulator.WebhookSignature;
import io.quarkus.test.QuarkusUnitTest;

/** {@code quarkus.hexclave.webhook.path} moves the route; two secrets (a rotation); the Standard Webhooks headers. */
class WebhookCustomPathTest {

    private static final String OLD_SECRET = "whsec_b2xkIHNlY3JldCBvZiB0aGUgdGVzdHM=";

    @RegisterExtension
    static final QuarkusUnitTest app = HexclaveTestApp.create("webhook-custom-path", WebhookObserver.class,
            WebhookDeliveries.class);

    @Inject
    WebhookObserver observer;

    @Test
    void routeMovesAndAcceptsEitherSecretAndEitherHeaderSet() {
        post("/hexclave/webhook", SECRET, "msg_moved", userCreated("u-1")).then().statusCode(404);
        post("/hooks/hexclave", SECRET, "msg_new_secret", userCreated("u-1")).then().statusCode(204);
        post("/hooks/hexclave", OLD_SECRET, "msg_old_secret", userCreated("u-1")).then().statusCode(204);
        byte[] body = userCreated("u-2").getBytes(StandardCharsets.UTF_8);
        Map<String, String> svix = WebhookSignature.headers(SECRET, "msg_standard", Instant.now().getEpochSecond(), body);
        given().header("webhook-id", svix.get("svix-id")).header("webhook-timestamp", svix.get("svix-timestamp"))
                .header("webhook-signature", svix.get("svix-signature")).body(body).post("/hooks/hexclave")
                .then().statusCode(204);
        assertThat(observer.all).hasSize(3);
    }
}
