package io.quarkiverse.hexclave.test.devservices;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.hexclave.client.HexclaveClient;
import io.quarkiverse.hexclave.client.model.CreateTeamRequest;
import io.quarkiverse.hexclave.client.model.CreateUserRequest;
import io.quarkiverse.hexclave.client.model.Team;
import io.quarkiverse.hexclave.client.model.User;
import io.quarkiverse.hexclave.runtime.devservices.EmulatorWebhookEndpoint;
import io.quarkiverse.hexclave.runtime.webhook.WebhookDeliveryLog;
import io.quarkiverse.hexclave.webhook.HexclaveEvent;
import io.quarkiverse.hexclave.webhook.WebhookReceiver;
import io.quarkus.test.QuarkusUnitTest;

/**
 * No configuration at all: Dev Services make up a webhook secret, the route is enabled, and the emulator delivers its
 * changes (made here through the application's own HexclaveClient, i.e. the emulator's HTTP API) to it, signed; an
 * observer that fails gets the delivery again after the emulator's retry.
 */
class WebhooksFromEmulatorTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Observer.class))
            .overrideConfigKey("quarkus.http.test-port", "0");

    @Singleton
    public static class Observer {
        final List<HexclaveEvent> events = new CopyOnWriteArrayList<>();
        final AtomicInteger failures = new AtomicInteger();

        void on(@Observes HexclaveEvent event) {
            if (event instanceof HexclaveEvent.TeamCreated && failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new IllegalStateException("not now");
            }
            events.add(event);
        }
    }

    @Inject
    Observer observer;

    @Inject
    HexclaveClient client;

    @Inject
    WebhookDeliveryLog deliveries;

    @Inject
    EmulatorWebhookEndpoint endpoint;

    @BeforeEach
    void routeGivenToTheEmulator() throws InterruptedException {
        assertThat(endpoint.awaitRegistered(Duration.ofSeconds(10))).as("the emulator knows the route").isTrue();
    }

    @Test
    void secretIsMadeUpAndPublished() {
        assertThat(ConfigProvider.getConfig().getValue("quarkus.hexclave.webhook.secret", String.class))
                .startsWith("whsec_");
    }

    @Test
    void emulatorChangesArriveAsCdiEvents() {
        User user = client.users().create(CreateUserRequest.builder().primaryEmail("lin@example.com")
                .displayName("Lin").build());
        awaitTrue(() -> observer.events.stream().anyMatch(e -> e instanceof HexclaveEvent.UserCreated c
                && c.user().id().equals(user.id())));
        HexclaveEvent.UserCreated created = observer.events.stream()
                .filter(HexclaveEvent.UserCreated.class::isInstance).map(HexclaveEvent.UserCreated.class::cast)
                .filter(c -> c.user().id().equals(user.id())).findFirst().orElseThrow();
        assertThat(created.user().primaryEmail()).isEqualTo("lin@example.com");
        client.users().delete(user.id());
        awaitTrue(() -> observer.events.contains(new HexclaveEvent.UserDeleted(user.id(), List.of())));
    }

    @Test
    void failingObserverGetsTheRetry() {
        observer.failures.set(1);
        Team team = client.teams().create(CreateTeamRequest.named("Retried team").build());
        awaitTrue(() -> observer.events.stream().anyMatch(e -> e instanceof HexclaveEvent.TeamCreated c
                && c.team().id().equals(team.id())));
        List<WebhookDeliveryLog.Entry> teamDeliveries = deliveries.entries().stream()
                .filter(e -> "team.created".equals(e.type())).toList();
        assertThat(teamDeliveries).extracting(WebhookDeliveryLog.Entry::outcome).containsSubsequence(
                WebhookReceiver.Outcome.DELIVERED, WebhookReceiver.Outcome.OBSERVER_FAILED); // newest first
        assertThat(teamDeliveries.get(0).id()).isEqualTo(teamDeliveries.get(1).id());
    }

    private static void awaitTrue(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 15 s for a webhook delivery").isLessThan(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
