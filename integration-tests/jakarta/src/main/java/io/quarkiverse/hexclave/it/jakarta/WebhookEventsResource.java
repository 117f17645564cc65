package io.quarkiverse.hexclave.it.jakarta;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkiverse.hexclave.webhook.HexclaveEvent;

/** Records the Hexclave webhook events the application observed, as {@code type:user id}, one per line. */
@Path("/webhook-events")
@ApplicationScoped
@PermitAll
public class WebhookEventsResource {

    private final List<String> received = new CopyOnWriteArrayList<>();

    void on(@Observes HexclaveEvent event) {
        received.add(event.type() + ":" + event.affectedUserId().orElse("-"));
    }

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String list() {
        return String.join("\n", received);
    }
}
