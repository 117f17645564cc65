package io.quarkiverse.hexclave.runtime.security;

import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.spi.runtime.SecurityEventHelper;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;

/**
 * Fires {@link HexclaveKeysUnavailableEvent}s, as Quarkus fires its own security events: only while
 * {@code quarkus.security.events.enabled} is {@code true} and an observer of the event (or of every
 * {@code SecurityEvent}) exists, both decided once, when the identity providers are made.
 */
@Singleton
class KeysUnavailableEvents {

    private final Event<HexclaveKeysUnavailableEvent> event;
    private final boolean observed;

    @Inject
    KeysUnavailableEvents(Event<HexclaveKeysUnavailableEvent> event, BeanManager beanManager,
            @ConfigProperty(name = "quarkus.security.events.enabled", defaultValue = "true") boolean enabled) {
        this.event = event;
        this.observed = SecurityEventHelper.isEventObserved(
                new HexclaveKeysUnavailableEvent(HexclaveKeysUnavailableEvent.Credential.ACCESS_TOKEN, 503, null),
                beanManager, enabled);
    }

    /** Tells the observers that {@code request}'s credential could not be checked and was answered {@code status}. */
    void fire(HexclaveKeysUnavailableEvent.Credential credential, int status, AuthenticationRequest request) {
        if (observed) {
            SecurityEventHelper.fire(event, new HexclaveKeysUnavailableEvent(credential, status,
                    HttpSecurityUtils.getRoutingContextAttribute(request)));
        }
    }
}
