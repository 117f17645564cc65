package io.quarkiverse.hexclave.runtime.security;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkiverse.hexclave.apikey.ApiKeyAuthentication;
import io.quarkiverse.hexclave.apikey.ApiKeyCheck;
import io.quarkiverse.hexclave.apikey.HexclaveApiKeyPrincipal;
import io.quarkiverse.hexclave.runtime.internal.MechanismOptions;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Turns a {@link HexclaveApiKeyAuthenticationRequest} into a {@link SecurityIdentity} whose principal is a
 * {@link HexclaveApiKeyPrincipal}: a user key's caller is its user (name = user id, roles {@code authenticated} and
 * {@code hexclave-api-key}; project permissions become roles as for a token of that user), a team key's caller is its
 * team (name = team id, roles {@code team} and {@code hexclave-api-key}).
 * <p>
 * An answer the core's cache holds is used on the calling (I/O) thread; otherwise Hexclave is asked on a worker
 * thread. A refused key fails with its 401 challenge ({@code error_description="api key revoked"} …), Hexclave
 * unreachable with the keys-unavailable status (and a {@link HexclaveKeysUnavailableEvent}): never an identity,
 * never a 500.
 */
@ApplicationScoped
public class HexclaveApiKeyIdentityProvider implements IdentityProvider<HexclaveApiKeyAuthenticationRequest> {

    private static final Logger LOG = Logger.getLogger(HexclaveApiKeyIdentityProvider.class);

    private final ApiKeyAuthentication apiKeys;
    private final MechanismOptions options;
    private final KeysUnavailableEvents events;

    @Inject
    HexclaveApiKeyIdentityProvider(ApiKeyAuthentication apiKeys, MechanismOptions options,
            KeysUnavailableEvents events) {
        this.apiKeys = apiKeys;
        this.options = options;
        this.events = events;
    }

    @Override
    public Class<HexclaveApiKeyAuthenticationRequest> getRequestType() {
        return HexclaveApiKeyAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(HexclaveApiKeyAuthenticationRequest request,
            AuthenticationRequestContext context) {
        Optional<ApiKeyCheck> cached = apiKeys.verifier().checkWithoutBlocking(request.key());
        if (cached.isPresent()) {
            return Uni.createFrom().item(() -> identity(cached.get(), request));
        }
        return context.runBlocking(() -> {
            ApiKeyCheck check = apiKeys.verifier().check(request.key());
            LOG.debugf("Checked a Hexclave API key with Hexclave on thread %s", Thread.currentThread().getName());
            return identity(check, request);
        });
    }

    private SecurityIdentity identity(ApiKeyCheck check, HexclaveApiKeyAuthenticationRequest request) {
        if (check instanceof ApiKeyCheck.Refused refused) {
            LOG.debugf("Hexclave API key from %s refused: %s", request.key().source(), refused.reason());
            throw HexclaveAuthMechanism.failure(refused.challenge());
        }
        if (check instanceof ApiKeyCheck.Unavailable unavailable) {
            LOG.debugf("Hexclave could not check an API key: %s", unavailable.detail());
            throw events.unavailable(HexclaveKeysUnavailableEvent.Credential.API_KEY, request);
        }
        HexclaveApiKeyPrincipal principal = new HexclaveApiKeyPrincipal(((ApiKeyCheck.Accepted) check).key());
        options.cacheControl().ifPresent(value -> {
            RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
            if (routing != null) {
                HexclaveAuthMechanism.markUncacheable(routing, value);
            }
        });
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(principal)
                .addRoles(principal.getGroups())
                .addAttribute("hexclave.api-key-id", principal.keyId())
                .build();
    }
}
