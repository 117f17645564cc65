package io.quarkiverse.hexclave.jakarta.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkiverse.hexclave.cdi.CurrentHexclaveUser;
import io.quarkiverse.hexclave.cdi.HexclaveUser;
import io.quarkiverse.hexclave.client.HexclaveClient;
import io.quarkiverse.hexclave.jakarta.HexclaveIdentity;
import io.quarkiverse.hexclave.verifier.HexclavePrincipal;

/**
 * The Hexclave beans an application injects. Only qualified user types are produced, never a default
 * {@code JsonWebToken}: servers that ship MicroProfile JWT (Open Liberty's {@code mpJwt}, Payara) have their own, and
 * two would be ambiguous. The core types are final (not proxyable), so the per-request values are {@code @Dependent}
 * views of the request-scoped {@link HexclaveIdentity}: inject them into request-scoped beans (JAX-RS resources,
 * servlets' callees), or inject {@link HexclaveIdentity} into longer-lived beans.
 */
@ApplicationScoped
public class HexclaveUserProducers {

    /** The request's verified principal; {@code null} when the request is not authenticated by Hexclave. */
    @Produces
    @Dependent
    @HexclaveUser
    @Typed(HexclavePrincipal.class) // not also a JsonWebToken bean: that one is produced below
    HexclavePrincipal principal(HexclaveIdentity identity) {
        return identity.principal().orElse(null);
    }

    /** The same principal as a MicroProfile {@link JsonWebToken}; {@code null} when not authenticated. */
    @Produces
    @Dependent
    @HexclaveUser
    JsonWebToken jsonWebToken(HexclaveIdentity identity) {
        return identity.principal().orElse(null);
    }

    /**
     * The request's user with a lazily loaded profile (one users-API call per request at most); {@code null} when not
     * authenticated. The same instance for every injection point of a request.
     */
    @Produces
    @Dependent
    @HexclaveUser
    CurrentHexclaveUser currentUser(HexclaveIdentity identity) {
        return identity.currentUser().orElse(null);
    }

    /** The application's Hexclave REST client (one instance per application, closed when it stops). */
    @Produces
    @Dependent
    HexclaveClient client(HexclaveComponents components) {
        return components.client();
    }
}
