package io.quarkiverse.hexclave.jakarta;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Predicate;

import io.quarkiverse.hexclave.verifier.AccessToken;
import io.quarkiverse.hexclave.verifier.HexclaveTokenVerifier;
import io.quarkiverse.hexclave.verifier.UserClass;
import io.quarkiverse.hexclave.verifier.UserClassPolicy;
import io.quarkiverse.hexclave.verifier.Verification;

/** A verifier whose outcomes the test decides, to pin how the mechanism answers each of them. */
final class StubVerifier implements HexclaveTokenVerifier {

    private final Function<AccessToken, Verification> outcome;
    private final Predicate<AccessToken> recognises;
    private final UserClassPolicy policy;

    StubVerifier(Function<AccessToken, Verification> outcome, Predicate<AccessToken> recognises) {
        this(outcome, recognises, UserClassPolicy.NORMAL_ONLY);
    }

    /** With {@code policy}, which the outcomes the test decides should agree with. */
    StubVerifier(Function<AccessToken, Verification> outcome, Predicate<AccessToken> recognises,
            UserClassPolicy policy) {
        this.outcome = outcome;
        this.recognises = recognises;
        this.policy = policy;
    }

    @Override
    public UserClassPolicy policy() {
        return policy;
    }

    @Override
    public Verification verify(AccessToken token, Set<UserClass> admitted) {
        return token.malformation() != null ? token.malformation() : outcome.apply(token);
    }

    @Override
    public CompletionStage<Verification> verifyAsync(AccessToken token, Set<UserClass> admitted) {
        return CompletableFuture.completedFuture(verify(token, admitted));
    }

    @Override
    public Optional<Verification> verifyWithoutBlocking(AccessToken token, Set<UserClass> admitted) {
        return Optional.of(verify(token, admitted));
    }

    @Override
    public boolean recognises(AccessToken token) {
        return recognises.test(token);
    }
}
