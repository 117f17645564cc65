package io.quarkiverse.hexclave.runtime.security;

import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkiverse.hexclave.runtime.internal.MechanismOptions;
import io.quarkiverse.hexclave.verifier.Challenge;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.spi.runtime.SecurityEventHelper;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;

/**
 * How both identity providers answer a credential they could not check (Hexclave's keys or API unavailable): the
 * keys-unavailable failure ({@code quarkus.hexclave.keys-unavailable-status}), after a
 * {@link HexclaveKeysUnavailableEvent} fired as Quarkus fires its own security events: only while
 * {@code quarkus.security.events.enabled} is {@code true} and an observer of the event (or of every
 * {@code SecurityEvent}) exists, both decided once, when the identity providers are made.
 */
@Singleton
class KeysUnavailableEvents {

    private final Event<HexclaveKeysUnavailableEvent> event;
    private final int status;
    private final boolean observed;

    @Inject
    KeysUnavailableEvents(Event<HexclaveKeysUnavailableEvent> event, BeanManager beanManager, MechanismOptions options,
            @ConfigProperty(name = "quarkus.security.events.enabled", defaultValue = "true") boolean enabled) {
        this.event = event;
        this.status = options.keysUnavailableStatus();
        this.observed = SecurityEventHelper.isEventObserved(
                new HexclaveKeysUnavailableEvent(HexclaveKeysUnavailableEvent.Credential.ACCESS_TOKEN, 503, null),
                beanManager, enabled);
    }

    /** The failure of {@code request}, whose {@code credential} could not be checked; the observers told first. */
    AuthenticationFailedException unavailable(HexclaveKeysUnavailableEvent.Credential credential,
            AuthenticationRequest request) {
        if (observed) {
            SecurityEventHelper.fire(event, new HexclaveKeysUnavailableEvent(credential, status,
                    HttpSecurityUtils.getRoutingContextAttribute(request)));
        }
        return HexclaveAuthMechanism.failure(Challenge.keysUnavailable(status));
    }
}
