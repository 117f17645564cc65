package io.quarkiverse.hexclave.webhook;

import static io.quarkiverse.hexclave.webhook.TestDeliveries.NOW;
import static io.quarkiverse.hexclave.webhook.TestDeliveries.OTHER_SECRET;
import static io.quarkiverse.hexclave.webhook.TestDeliveries.SECRET;
import static io.quarkiverse.hexclave.webhook.TestDeliveries.headers;
import static io.quarkiverse.hexclave.webhook.TestDeliveries.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import io.quarkiverse.hexclave.config.Secret;

/** The endpoint logic shared by the adapters: verify, deduplicate, fire, answer. */
class WebhookReceiverTest {

    private static final byte[] BODY = utf8("{\"type\":\"team.deleted\",\"data\":{\"id\":\"t-1\"}}");

    private final WebhookReceiver receiver = new WebhookReceiver(new WebhookVerifier(List.of(new Secret(SECRET)),
            WebhookVerifier.DEFAULT_TOLERANCE, Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC)),
            Duration.ofHours(1), 2);
    private final List<HexclaveEvent> fired = new ArrayList<>();

    private WebhookReceiver.Receipt receive(String secret, String id) {
        Map<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        h.putAll(headers(secret, id, NOW, BODY));
        return receiver.receive(BODY, h::get, fired::add);
    }

    @Test
    void deliveredOnceThenAcknowledgedAsDuplicate() {
        assertThat(receive(SECRET, "msg_1")).isEqualTo(new WebhookReceiver.Receipt(204,
                WebhookReceiver.Outcome.DELIVERED, "msg_1", "team.deleted", null, null));
        assertThat(receive(SECRET, "msg_1").outcome()).isEqualTo(WebhookReceiver.Outcome.DUPLICATE);
        assertThat(fired).containsExactly(new HexclaveEvent.TeamDeleted("t-1"));
    }

    @Test
    void refusedDeliveryIsNeverFiredAndShowsNoId() {
        WebhookReceiver.Receipt receipt = receive(OTHER_SECRET, "msg_forged");
        assertThat(receipt.status()).isEqualTo(401);
        assertThat(receipt.outcome()).isEqualTo(WebhookReceiver.Outcome.REFUSED);
        assertThat(receipt.id()).isNull();
        assertThat(receipt.detail()).isEqualTo("BAD_SIGNATURE");
        assertThat(receipt.errorJson()).isEqualTo("{\"error\":\"invalid webhook signature\"}");
        assertThat(fired).isEmpty();
    }

    @Test
    void failingObserverAnswers503AndTheRetryFiresAgain() {
        Map<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        h.putAll(headers(SECRET, "msg_retry", NOW, BODY));
        WebhookReceiver.Receipt failed = receiver.receive(BODY, h::get, e -> {
            throw new IllegalStateException("database down: secret detail");
        });
        assertThat(failed.status()).isEqualTo(503);
        assertThat(failed.outcome()).isEqualTo(WebhookReceiver.Outcome.OBSERVER_FAILED);
        assertThat(failed.detail()).isEqualTo(IllegalStateException.class.getName());
        assertThat(failed.errorJson()).doesNotContain("database");
        assertThat(receive(SECRET, "msg_retry").outcome()).isEqualTo(WebhookReceiver.Outcome.DELIVERED);
    }

    @Test
    void concurrentDeliveryOfTheSameIdIsAnswered409() throws InterruptedException {
        CountDownLatch firing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<WebhookReceiver.Receipt> first = new AtomicReference<>();
        Map<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        h.putAll(headers(SECRET, "msg_slow", NOW, BODY));
        Thread t = new Thread(() -> first.set(receiver.receive(BODY, h::get, e -> {
            firing.countDown();
            try {
                release.await();
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        })));
        t.start();
        firing.await();
        assertThat(receive(SECRET, "msg_slow").status()).isEqualTo(409);
        release.countDown();
        t.join();
        assertThat(first.get().outcome()).isEqualTo(WebhookReceiver.Outcome.DELIVERED);
    }

    @Test
    void memoryIsBoundedByTheDeduplicationSize() {
        for (int i = 0; i < 50; i++) {
            receive(SECRET, "msg_" + i);
        }
        assertThat(fired).hasSize(50);
        assertThat(receiver.remembered()).isLessThanOrEqualTo(2);
    }
}
