package io.quarkiverse.hexclave.test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.quarkiverse.hexclave.webhook.HexclaveEvent;

/** Records the Hexclave events it observes, by type and as the supertype; can be told to fail the next deliveries. */
@Singleton // no client proxy: the tests read its fields
public class WebhookObserver {

    final List<HexclaveEvent> all = new CopyOnWriteArrayList<>();
    final List<HexclaveEvent.UserCreated> usersCreated = new CopyOnWriteArrayList<>();
    final List<HexclaveEvent.TeamPermissionDeleted> permissionsDeleted = new CopyOnWriteArrayList<>();
    final AtomicInteger failures = new AtomicInteger();

    void onAny(@Observes HexclaveEvent event) {
        if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new IllegalStateException("the application's database is down");
        }
        all.add(event);
    }

    void onUserCreated(@Observes HexclaveEvent.UserCreated event) {
        usersCreated.add(event);
    }

    void onPermissionDeleted(@Observes HexclaveEvent.TeamPermissionDeleted event) {
        permissionsDeleted.add(event);
    }

    void reset() {
        all.clear();
        usersCreated.clear();
        permissionsDeleted.clear();
        failures.set(0);
    }
}
