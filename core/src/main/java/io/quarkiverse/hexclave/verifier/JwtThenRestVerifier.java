package io.quarkiverse.hexclave.verifier;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The {@code both} mode: the signature and claims locally first, then Hexclave for tokens that passed, so that only
 * correctly signed tokens cost a call and revoked sessions are still refused at once.
 */
final class JwtThenRestVerifier implements HexclaveTokenVerifier {

    private final JwtTokenVerifier jwt;
    private final RestTokenVerifier rest;

    JwtThenRestVerifier(JwtTokenVerifier jwt, RestTokenVerifier rest) {
        this.jwt = jwt;
        this.rest = rest;
    }

    @Override
    public UserClassPolicy policy() {
        return jwt.policy();
    }

    @Override
    public Verification verify(AccessToken token, Set<UserClass> admitted) {
        Verification local = jwt.verify(token, admitted);
        return local instanceof Verification.Accepted ? rest.verify(token, admitted) : local;
    }

    @Override
    public CompletionStage<Verification> verifyAsync(AccessToken token, Set<UserClass> admitted) {
        return jwt.verifyAsync(token, admitted).thenCompose(local -> local instanceof Verification.Accepted
                ? rest.verifyAsync(token, admitted)
                : CompletableFuture.completedFuture(local));
    }

    @Override
    public Optional<Verification> verifyWithoutBlocking(AccessToken token, Set<UserClass> admitted) {
        Optional<Verification> local = jwt.verifyWithoutBlocking(token, admitted);
        if (local.isEmpty() || !(local.get() instanceof Verification.Accepted)) {
            return local;
        }
        return rest.verifyWithoutBlocking(token, admitted);
    }

    @Override
    public boolean recognises(AccessToken token) {
        return jwt.recognises(token);
    }

    @Override
    public Optional<SigningKeys> signingKeys() {
        return jwt.signingKeys();
    }

    @Override
    public void close() {
        rest.close();
    }
}
