package io.quarkiverse.hexclave.jakarta.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkiverse.hexclave.cdi.HexclaveUser;
import io.quarkiverse.hexclave.jakarta.HexclaveIdentity;
import io.quarkiverse.hexclave.verifier.HexclavePrincipal;

/**
 * The {@code @HexclaveUser} beans. Only qualified types are produced, never a default {@code JsonWebToken}: servers
 * that ship MicroProfile JWT (Open Liberty's {@code mpJwt}, Payara) have their own, and two would be ambiguous.
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
}
