package io.quarkiverse.hexclave.observe;

import java.time.Duration;

import org.jboss.logging.Logger;

import io.quarkiverse.hexclave.verifier.RejectionReason;

/**
 * {@link HexclaveObserver#safe}: runs each method of an observer and ignores what it throws (logged at DEBUG), so that
 * an observer's fault never fails a verification, a key fetch or an API call.
 */
final class SafeObserver implements HexclaveObserver {

    private static final Logger LOG = Logger.getLogger(SafeObserver.class);

    private final HexclaveObserver delegate;

    SafeObserver(HexclaveObserver delegate) {
        this.delegate = delegate;
    }

    @Override
    public void tokenAccepted() {
        run(delegate::tokenAccepted);
    }

    @Override
    public void tokenRejected(RejectionReason reason) {
        run(() -> delegate.tokenRejected(reason));
    }

    @Override
    public void keysUnavailable() {
        run(delegate::keysUnavailable);
    }

    @Override
    public void verifiedTokenCacheLookup(boolean hit) {
        run(() -> delegate.verifiedTokenCacheLookup(hit));
    }

    @Override
    public void keyFetch(boolean succeeded, Duration duration) {
        run(() -> delegate.keyFetch(succeeded, duration));
    }

    @Override
    public void apiCall(String operation, int status, Duration duration) {
        run(() -> delegate.apiCall(operation, status, duration));
    }

    private void run(Runnable observation) {
        try {
            observation.run();
        } catch (RuntimeException e) {
            LOG.debugf("The Hexclave observer %s failed (%s); ignored", delegate.getClass().getName(),
                    e.getClass().getName());
        }
    }
}
