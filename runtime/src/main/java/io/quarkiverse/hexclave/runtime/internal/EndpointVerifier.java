package io.quarkiverse.hexclave.runtime.internal;

import java.util.Objects;

import io.quarkiverse.hexclave.verifier.HexclaveTokenVerifier;
import io.quarkiverse.hexclave.verifier.UserClassPolicy;

/**
 * The extension's own verifier, whose {@link UserClassPolicy#anywhere()} adds the classes that
 * {@code @AllowRestrictedUsers} / {@code @AllowAnonymousUsers} endpoints grant: only the authentication mechanism, the
 * identity provider and the JAX-RS filter use it, with the grant of the request's endpoint. Not a
 * {@link HexclaveTokenVerifier} bean on purpose: the injectable verifier ({@link GlobalPolicyVerifier}) applies the
 * global policy only, whatever the endpoints grant.
 */
public final class EndpointVerifier {

    private final HexclaveTokenVerifier verifier;

    public EndpointVerifier(HexclaveTokenVerifier verifier) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
    }

    /** The verifier with the endpoint grants in its policy. */
    public HexclaveTokenVerifier verifier() {
        return verifier;
    }
}
