package io.quarkiverse.hexclave.jakarta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.quarkiverse.hexclave.config.ConfigLookup;
import io.quarkiverse.hexclave.config.HexclaveConfigException;
import io.quarkiverse.hexclave.emulator.WebhookSignature;
import io.quarkiverse.hexclave.jakarta.internal.HexclaveComponents;
import io.quarkiverse.hexclave.webhook.HexclaveEvent;

/** The webhook servlet: verified deliveries fired as events, refusals never fired, the same answers as Quarkus. */
class HexclaveWebhookServletTest {

    private static final String SECRET = WebhookSignature.newSecret();
    private static final String PROJECT = "3f2f1d0e-2c7a-4d0b-9e51-6f1c9a8b7d64";

    private final List<HexclaveEvent> fired = new ArrayList<>();
    private final AtomicInteger failures = new AtomicInteger();

    private HexclaveWebhookServlet servlet(Map<String, String> keys) {
        HexclaveComponents components = new HexclaveComponents(ConfigLookup.of(keys));
        return new HexclaveWebhookServlet(components, event -> {
            if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new IllegalStateException("the database is down");
            }
            fired.add(event);
        });
    }

    private HexclaveWebhookServlet servlet() {
        return servlet(Map.of("hexclave.project-id", PROJECT, "hexclave.webhook.secret", SECRET));
    }

    private static FakeHttp delivery(String secret, String id, String body) {
        FakeHttp http = new FakeHttp();
        http.method = "POST";
        http.requestBody = body.getBytes(StandardCharsets.UTF_8);
        WebhookSignature.headers(secret, id, Instant.now().getEpochSecond(), http.requestBody).forEach(http::header);
        return http;
    }

    private static FakeHttp post(HexclaveWebhookServlet servlet, FakeHttp http) throws Exception {
        servlet.doPost(http.request(), http.response());
        return http;
    }

    private static final String DELETED = "{\"type\":\"user.deleted\",\"data\":{\"id\":\"u-1\",\"teams\":[]}}";

    @Test
    void verifiedDeliveryIsFiredOnce() throws Exception {
        HexclaveWebhookServlet servlet = servlet();
        assertThat(post(servlet, delivery(SECRET, "msg_1", DELETED)).status).isEqualTo(204);
        assertThat(post(servlet, delivery(SECRET, "msg_1", DELETED)).status).isEqualTo(204); // a retry: not again
        assertThat(fired).containsExactly(new HexclaveEvent.UserDeleted("u-1", List.of()));
    }

    @Test
    void refusedDeliveriesAreNeverFired() throws Exception {
        HexclaveWebhookServlet servlet = servlet();
        FakeHttp forged = post(servlet, delivery(WebhookSignature.newSecret(), "msg_2", DELETED));
        assertThat(forged.status).isEqualTo(401);
        assertThat(forged.responseBody.toString()).isEqualTo("{\"error\":\"invalid webhook signature\"}");
        FakeHttp unsigned = new FakeHttp();
        unsigned.requestBody = DELETED.getBytes(StandardCharsets.UTF_8);
        assertThat(post(servlet, unsigned).status).isEqualTo(400);
        assertThat(post(servlet, delivery(SECRET, "msg_3", "{\"not\":\"an event\"}")).status).isEqualTo(400);
        assertThat(fired).isEmpty();
    }

    @Test
    void failingObserverAnswers503AndTheRetryIsFired() throws Exception {
        HexclaveWebhookServlet servlet = servlet();
        failures.set(1);
        FakeHttp failed = post(servlet, delivery(SECRET, "msg_4", DELETED));
        assertThat(failed.status).isEqualTo(503);
        assertThat(failed.responseBody.toString()).doesNotContain("database");
        assertThat(post(servlet, delivery(SECRET, "msg_4", DELETED)).status).isEqualTo(204);
        assertThat(fired).hasSize(1);
    }

    @Test
    void withoutASecretThereIsNoEndpoint() throws Exception {
        HexclaveWebhookServlet servlet = servlet(Map.of("hexclave.project-id", PROJECT));
        assertThat(post(servlet, delivery(SECRET, "msg_5", DELETED)).status).isEqualTo(404);
        assertThat(fired).isEmpty();
    }

    @Test
    void oversizedBodyIsRefusedUnread() throws Exception {
        FakeHttp http = delivery(SECRET, "msg_6", "x".repeat(HexclaveWebhookServlet.MAX_BODY + 1));
        assertThat(post(servlet(), http).status).isEqualTo(413);
        assertThat(fired).isEmpty();
    }

    @Test
    void malformedSecretNamesTheKeyNotTheSecret() {
        HexclaveComponents components = new HexclaveComponents(ConfigLookup.of(Map.of("hexclave.project-id", PROJECT,
                "hexclave.webhook.secret", "whsec_not*base64-s3cr3t")));
        assertThatThrownBy(components::webhookSettings).isInstanceOf(HexclaveConfigException.class)
                .hasMessageContaining("hexclave.webhook.secret").hasMessageNotContaining("s3cr3t");
    }
}
