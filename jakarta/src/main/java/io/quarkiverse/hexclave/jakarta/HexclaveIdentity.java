package io.quarkiverse.hexclave.jakarta;

import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;

import io.quarkiverse.hexclave.apikey.HexclaveApiKeyPrincipal;
import io.quarkiverse.hexclave.cdi.CurrentHexclaveUser;
import io.quarkiverse.hexclave.jakarta.internal.HexclaveComponents;
import io.quarkiverse.hexclave.verifier.HexclavePrincipal;

/**
 * The Hexclave user of the current request, as the container authenticated it. Inject it anywhere, also into
 * application-scoped beans (it is a request-scoped proxy):
 * <pre>{@code
 * @Inject HexclaveIdentity identity;
 * String userId = identity.principal().map(HexclavePrincipal::userId).orElse("guest");
 * }</pre>
 * It reads the principal that {@link HexclaveHttpAuthenticationMechanism} authenticated for this request (its request
 * attribute, else the caller principal of Jakarta Security's {@link SecurityContext}), never a {@code JsonWebToken}
 * bean, so it gives the same answer whichever MicroProfile JWT implementation the server ships.
 */
@RequestScoped
public class HexclaveIdentity {

    @Inject
    Instance<HttpServletRequest> request;

    @Inject
    Instance<SecurityContext> securityContext;

    @Inject
    HexclaveComponents components;

    private CurrentHexclaveUser currentUser;

    /** The verified Hexclave principal of this request, empty when the request is not authenticated by Hexclave. */
    public Optional<HexclavePrincipal> principal() {
        if (request.isResolvable()) {
            Object attribute = request.get().getAttribute(HexclaveHttpAuthenticationMechanism.PRINCIPAL_ATTRIBUTE);
            if (attribute instanceof HexclavePrincipal principal) {
                return Optional.of(principal);
            }
        }
        if (securityContext.isResolvable()) {
            return securityContext.get().getPrincipalsByType(HexclavePrincipal.class).stream().findFirst();
        }
        return Optional.empty();
    }

    /** The caller of this request when it was authenticated by a Hexclave API key (a user's or a team's). */
    public Optional<HexclaveApiKeyPrincipal> apiKeyCaller() {
        if (request != null && request.isResolvable() && request.get().getAttribute(
                HexclaveHttpAuthenticationMechanism.API_KEY_PRINCIPAL_ATTRIBUTE) instanceof HexclaveApiKeyPrincipal p) {
            return Optional.of(p);
        }
        return Optional.empty();
    }

    /** Whether a Hexclave user is authenticated for this request (by an access token). */
    public boolean authenticated() {
        return principal().isPresent();
    }

    /**
     * The current user: the token's claims at once, the full profile on the first {@code profile()} call of this
     * request (one call to Hexclave's users API, with the secret server key, unless another request of the same user
     * loaded it less than {@code hexclave.user-profile.cache-ttl} ago), empty when not authenticated; for a user API
     * key's caller, its user (no token: {@code principal()} is {@code null}).
     */
    public synchronized Optional<CurrentHexclaveUser> currentUser() {
        if (currentUser == null) {
            Optional<HexclavePrincipal> principal = principal();
            Optional<HexclaveApiKeyPrincipal> keyUser = principal.isPresent() ? Optional.empty()
                    : apiKeyCaller().filter(k -> k.userId() != null);
            if (principal.isPresent()) {
                currentUser = CurrentHexclaveUser.of(principal.get(), components.client(),
                        components.userProfileCache().orElse(null));
            } else if (keyUser.isPresent()) { // a user API key acts as its user
                currentUser = CurrentHexclaveUser.of(keyUser.get(), components.client(),
                        components.userProfileCache().orElse(null));
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(currentUser);
    }
}
