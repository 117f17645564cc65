package io.quarkiverse.hexclave.runtime.internal;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.jwt.auth.cdi.NullJsonWebToken;

/**
 * {@code @Inject JsonWebToken} (and, through smallrye-jwt's claim producers, {@code @Claim}) for applications without
 * {@code quarkus-smallrye-jwt} or {@code quarkus-oidc}: the principal of the current {@link SecurityIdentity}, which
 * is the {@code HexclavePrincipal} after Hexclave authentication. Holds no state of its own. Registered by the
 * deployment only when no other extension produces {@code JsonWebToken}.
 */
public class HexclaveJsonWebTokenProducer {

    @Inject
    SecurityIdentity identity;

    @Produces
    @RequestScoped
    JsonWebToken currentToken() {
        return identity.getPrincipal() instanceof JsonWebToken jwt ? jwt : new NullJsonWebToken();
    }
}
