package io.quarkiverse.hexclave.runtime.security;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.security.spi.runtime.AbstractSecurityEvent;
import io.quarkus.security.spi.runtime.AuthenticationFailureEvent;
import io.vertx.ext.web.RoutingContext;

/**
 * A Quarkus security event: a Hexclave credential could not be checked because Hexclave's signing keys (or, for an API
 * key or the {@code rest} verification mode, Hexclave's API) were unavailable. The request was answered with
 * {@code quarkus.hexclave.keys-unavailable-status} (503), or, for the {@code hexclave-access} cookie, went on
 * anonymous. Observe it as any security event ({@code @Observes HexclaveKeysUnavailableEvent}, or all of them with
 * {@code @Observes SecurityEvent}); it is fired, synchronously and asynchronously, only while
 * {@code quarkus.security.events.enabled} is {@code true} (the default) and something observes it.
 * <p>
 * Fired once per request whose credential could not be checked, like the {@link AuthenticationFailureEvent} Quarkus
 * fires for the same request: an observer that alerts should deduplicate (the verifier logs {@code HEXCLAVE002} once
 * per failed key fetch).
 * <p>
 * {@link #getSecurityIdentity()} is {@code null}. {@link #getEventProperties()} holds the request's
 * {@link RoutingContext} under {@code io.vertx.ext.web.RoutingContext} (as Quarkus' own events do; when the request
 * came over HTTP), {@value #CREDENTIAL} (a {@link Credential}) and {@value #STATUS} (the status answered, an
 * {@code Integer}). No token, key or other caller input is among them.
 */
public final class HexclaveKeysUnavailableEvent extends AbstractSecurityEvent {

    /** Property: which kind of {@link Credential} could not be checked. */
    public static final String CREDENTIAL = "hexclave.credential";
    /** Property: the status of the keys-unavailable answer ({@code quarkus.hexclave.keys-unavailable-status}). */
    public static final String STATUS = "hexclave.status";

    /** The kind of credential that could not be checked. */
    public enum Credential {
        /** A Hexclave access token (header, bearer or cookie). */
        ACCESS_TOKEN,
        /** A Hexclave API key. */
        API_KEY
    }

    HexclaveKeysUnavailableEvent(Credential credential, int status, RoutingContext routingContext) {
        super(null, properties(credential, status, routingContext));
    }

    private static Map<String, Object> properties(Credential credential, int status, RoutingContext routingContext) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(CREDENTIAL, credential);
        properties.put(STATUS, status);
        if (routingContext != null) {
            properties.put(RoutingContext.class.getName(), routingContext);
        }
        return properties;
    }

    /** The kind of credential that could not be checked. */
    public Credential credential() {
        return (Credential) eventProperties.get(CREDENTIAL);
    }

    /** The status of the keys-unavailable answer. */
    public int status() {
        return (Integer) eventProperties.get(STATUS);
    }

    @Override
    public String toString() {
        return "HexclaveKeysUnavailableEvent[" + credential() + ", " + status() + "]";
    }
}
