package io.quarkiverse.hexclave.test;

import static io.quarkiverse.hexclave.test.WebhookDeliveries.SECRET;
import static io.quarkiverse.hexclave.test.WebhookDeliveries.post;
import static io.quarkiverse.hexclave.test.WebhookDeliveries.userCreated;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/** Without {@code quarkus.hexclave.webhook.secret} there is no webhook route. */
class WebhookRouteAbsentWithoutSecretTest {

    @RegisterExtension
    static final QuarkusUnitTest app = HexclaveTestApp.create("default", WebhookObserver.class,
            WebhookDeliveries.class);

    @Inject
    WebhookObserver observer;

    @Test
    void noRouteWithoutASecret() {
        post("/hexclave/webhook", SECRET, "msg_nowhere", userCreated("u-1")).then().statusCode(404);
        assertThat(observer.all).isEmpty();
    }
}
