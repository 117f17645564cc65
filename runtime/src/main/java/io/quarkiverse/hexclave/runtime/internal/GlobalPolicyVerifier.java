package io.quarkiverse.hexclave.runtime.internal;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;

import io.quarkiverse.hexclave.verifier.AccessToken;
import io.quarkiverse.hexclave.verifier.HexclaveTokenVerifier;
import io.quarkiverse.hexclave.verifier.SigningKeys;
import io.quarkiverse.hexclave.verifier.UserClass;
import io.quarkiverse.hexclave.verifier.UserClassPolicy;
import io.quarkiverse.hexclave.verifier.Verification;

/**
 * The injectable {@link HexclaveTokenVerifier}: the extension's verifier (same keys, same caches) held to the global
 * policy of {@code quarkus.hexclave.allow-restricted-users} / {@code allow-anonymous-users}. Application code that
 * verifies tokens itself (WebSocket, gRPC, messaging) never admits a user class that only some JAX-RS endpoint
 * grants, whatever classes it asks for: {@link #policy()} is the settings' policy, and every call is bounded by it.
 */
public final class GlobalPolicyVerifier implements HexclaveTokenVerifier {

    private final HexclaveTokenVerifier delegate;
    private final UserClassPolicy policy;

    public GlobalPolicyVerifier(HexclaveTokenVerifier delegate, UserClassPolicy global) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.policy = new UserClassPolicy(global.global(), global.global());
    }

    @Override
    public UserClassPolicy policy() {
        return policy;
    }

    @Override
    public Verification verify(AccessToken token, Set<UserClass> admitted) {
        return delegate.verify(token, policy.bound(admitted));
    }

    @Override
    public CompletionStage<Verification> verifyAsync(AccessToken token, Set<UserClass> admitted) {
        return delegate.verifyAsync(token, policy.bound(admitted));
    }

    @Override
    public Optional<Verification> verifyWithoutBlocking(AccessToken token, Set<UserClass> admitted) {
        return delegate.verifyWithoutBlocking(token, policy.bound(admitted));
    }

    @Override
    public boolean recognises(AccessToken token) {
        return delegate.recognises(token);
    }

    @Override
    public Optional<SigningKeys> signingKeys() {
        return delegate.signingKeys();
    }

    /** Nothing: the extension closes its verifier at shutdown. */
    @Override
    public void close() {
    }

    @Override
    public String toString() {
        return "GlobalPolicyVerifier[" + policy.global() + "]";
    }
}
