package io.quarkiverse.hexclave.docs.webhooks;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkiverse.hexclave.client.model.User;
import io.quarkiverse.hexclave.webhook.HexclaveEvent;

// tag::sync[]
/** Keeps a local copy of Hexclave's users (a map here; a table in a real application) in step with Hexclave. */
@ApplicationScoped
public class LocalUsers {

    /** The columns this application keeps about a user. */
    public record LocalUser(String id, String email, String displayName) {
    }

    private final Map<String, LocalUser> table = new ConcurrentHashMap<>();

    void onCreated(@Observes HexclaveEvent.UserCreated event) { // <1>
        upsert(event.user());
    }

    void onUpdated(@Observes HexclaveEvent.UserUpdated event) {
        upsert(event.user());
    }

    void onDeleted(@Observes HexclaveEvent.UserDeleted event) { // <2>
        table.remove(event.id());
    }

    private void upsert(User user) { // <3>
        table.put(user.id(), new LocalUser(user.id(), user.primaryEmail(), user.displayName()));
    }
    // end::sync[]

    public Optional<LocalUser> find(String id) {
        return Optional.ofNullable(table.get(id));
    }
    // tag::sync[]
}
// end::sync[]
