package io.quarkiverse.hexclave.test;

import jakarta.inject.Inject;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.WebSocket;

/**
 * A {@code quarkus-websockets-next} endpoint protected by {@code @Authenticated} alone: the HTTP upgrade is checked.
 */
@WebSocket(path = "/ws/secret")
@Authenticated
public class SecretSocket {

    @Inject
    SecurityIdentity identity;

    @OnOpen
    String greet() {
        return "socket secret for " + identity.getPrincipal().getName();
    }
}
