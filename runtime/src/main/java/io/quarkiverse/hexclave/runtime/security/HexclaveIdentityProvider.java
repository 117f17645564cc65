package io.quarkiverse.hexclave.runtime.security;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkiverse.hexclave.credential.CredentialSource;
import io.quarkiverse.hexclave.runtime.internal.VerificationPipeline;
import io.quarkiverse.hexclave.verifier.HexclavePrincipal;
import io.quarkiverse.hexclave.verifier.KeysUnavailableException;
import io.quarkiverse.hexclave.verifier.RejectionReason;
import io.quarkiverse.hexclave.verifier.Verification;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Turns a {@link HexclaveTokenCredential} into a {@link SecurityIdentity} whose principal is the
 * {@link HexclavePrincipal} and whose roles are its groups ({@code authenticated}, plus {@code restricted} or
 * {@code anonymous}).
 * <p>
 * Declines every other credential (smallrye-jwt's, OIDC's …) and raw bearer tokens that Hexclave did not issue, so
 * those reach their own providers. Verifies on the calling (I/O) thread when the keys are cached, and on a worker
 * thread when keys must be fetched or Hexclave asked. A rejected token fails with the reason as attribute
 * {@link HexclaveAuthMechanism#REJECTION_KEY}; unreachable keys fail with
 * {@link HexclaveAuthMechanism#KEYS_UNAVAILABLE_KEY}.
 */
@ApplicationScoped
public class HexclaveIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    private static final Logger LOG = Logger.getLogger(HexclaveIdentityProvider.class);

    private final VerificationPipeline pipeline;

    @Inject
    public HexclaveIdentityProvider(VerificationPipeline pipeline) {
        this.pipeline = pipeline;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        if (!(request.getToken() instanceof HexclaveTokenCredential credential)) {
            return Uni.createFrom().nullItem();
        }
        String token = credential.getToken();
        if (credential.source() == CredentialSource.BEARER_TOKEN && !pipeline.isHexclaveIssued(token)) {
            return Uni.createFrom().nullItem();
        }
        if (pipeline.canVerifyWithoutBlocking(token)) {
            return Uni.createFrom().item(() -> verify(credential));
        }
        return context.runBlocking(() -> verify(credential));
    }

    private SecurityIdentity verify(HexclaveTokenCredential credential) {
        if (LOG.isDebugEnabled()) {
            LOG.debugf("Verifying a Hexclave token from %s on thread %s", credential.source(),
                    Thread.currentThread().getName());
        }
        Verification verification;
        try {
            verification = pipeline.verify(credential.getToken());
        } catch (KeysUnavailableException e) {
            LOG.warnf("Hexclave signing keys are unavailable, answering the request as unavailable: %s",
                    e.getMessage());
            throw new AuthenticationFailedException("Hexclave keys unavailable",
                    Map.of(HexclaveAuthMechanism.KEYS_UNAVAILABLE_KEY, Boolean.TRUE));
        } catch (RuntimeException e) {
            // Never a 500 for a bad token: an unexpected verifier error rejects the token.
            LOG.debugf("Hexclave token verification failed unexpectedly: %s", e.getClass().getName());
            throw rejected(RejectionReason.MALFORMED);
        }
        if (verification instanceof Verification.Rejected rejected) {
            LOG.debugf("Hexclave token rejected: %s", rejected.reason());
            throw rejected(rejected.reason());
        }
        HexclavePrincipal principal = ((Verification.Accepted) verification).principal();
        return identity(principal, credential);
    }

    private SecurityIdentity identity(HexclavePrincipal principal, HexclaveTokenCredential credential) {
        Set<String> roles = new LinkedHashSet<>(principal.getGroups());
        if (!pipeline.admittedEverywhere(principal.userClass())) {
            // Admitted only where an endpoint annotation allows the class: not "authenticated" elsewhere.
            roles.remove(HexclavePrincipal.AUTHENTICATED);
        }
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(principal)
                .addRoles(roles)
                .addCredential(credential)
                .addAttribute("hexclave.user-class", principal.userClass())
                .build();
    }

    private static AuthenticationFailedException rejected(RejectionReason reason) {
        return new AuthenticationFailedException(reason.description(),
                Map.of(HexclaveAuthMechanism.REJECTION_KEY, reason));
    }
}
