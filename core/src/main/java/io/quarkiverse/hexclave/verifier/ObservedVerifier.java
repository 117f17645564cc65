package io.quarkiverse.hexclave.verifier;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

import io.quarkiverse.hexclave.observe.HexclaveObserver;

/**
 * Tells a {@link HexclaveObserver} the outcome of every verification of the verifier it wraps: accepted, rejected with
 * its reason, or keys unavailable. Everything else is the wrapped verifier's.
 */
final class ObservedVerifier implements HexclaveTokenVerifier {

    private final HexclaveTokenVerifier delegate;
    private final HexclaveObserver observer;

    ObservedVerifier(HexclaveTokenVerifier delegate, HexclaveObserver observer) {
        this.delegate = delegate;
        this.observer = HexclaveObserver.safe(observer);
    }

    @Override
    public UserClassPolicy policy() {
        return delegate.policy();
    }

    @Override
    public Verification verify(AccessToken token, Set<UserClass> admitted) {
        try {
            return observed(delegate.verify(token, admitted));
        } catch (KeysUnavailableException e) {
            observer.keysUnavailable();
            throw e;
        }
    }

    @Override
    public CompletionStage<Verification> verifyAsync(AccessToken token, Set<UserClass> admitted) {
        return delegate.verifyAsync(token, admitted).whenComplete((outcome, error) -> {
            if (outcome != null) {
                observed(outcome);
            } else if (unwrapped(error) instanceof KeysUnavailableException) {
                observer.keysUnavailable();
            }
        });
    }

    @Override
    public Optional<Verification> verifyWithoutBlocking(AccessToken token, Set<UserClass> admitted) {
        try {
            return delegate.verifyWithoutBlocking(token, admitted).map(this::observed);
        } catch (KeysUnavailableException e) {
            observer.keysUnavailable();
            throw e;
        }
    }

    @Override
    public boolean recognises(AccessToken token) {
        return delegate.recognises(token);
    }

    @Override
    public Optional<SigningKeys> signingKeys() {
        return delegate.signingKeys();
    }

    @Override
    public void close() {
        delegate.close();
    }

    @Override
    public String toString() {
        return delegate.toString();
    }

    private Verification observed(Verification outcome) {
        if (outcome instanceof Verification.Rejected rejected) {
            observer.tokenRejected(rejected.reason());
        } else {
            observer.tokenAccepted();
        }
        return outcome;
    }

    private static Throwable unwrapped(Throwable error) {
        Throwable t = error;
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
