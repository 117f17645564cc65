package io.quarkiverse.hexclave.runtime.authorization;

import java.lang.reflect.Method;
import java.util.Set;

import io.quarkus.arc.Arc;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.spi.runtime.MethodDescription;
import io.quarkus.security.spi.runtime.SecurityCheck;
import io.smallrye.mutiny.Uni;

/**
 * {@code @RolesAllowed} for a method naming roles that no identity carries by itself: such a role passes when the
 * identity holds it (another mechanism's role) or when the Hexclave user holds the project permission of that name.
 * Replaces Quarkus' own roles check on exactly those methods; every other method keeps Quarkus' check and costs no
 * Hexclave call.
 * <p>
 * Denied: 401 for an anonymous identity, 403 otherwise. Hexclave unreachable: {@link HexclaveUnavailableException}
 * (answered 503 by {@link HexclaveUnavailableMapper}), never a pass.
 */
final class PermissionRolesCheck implements SecurityCheck {

    /** Quarkus' "any authenticated user" role. */
    private static final String ANY_AUTHENTICATED = "**";

    private final String[] allowedRoles;
    private final Set<String> permissionRoles;

    PermissionRolesCheck(String[] allowedRoles, Set<String> permissionRoles) {
        this.allowedRoles = allowedRoles.clone();
        this.permissionRoles = Set.copyOf(permissionRoles);
    }

    @Override
    public Uni<?> nonBlockingApply(SecurityIdentity identity, MethodDescription method, Object[] parameters) {
        return check(identity);
    }

    @Override
    public Uni<?> nonBlockingApply(SecurityIdentity identity, Method method, Object[] parameters) {
        return check(identity);
    }

    /** The blocking form, for callers already on a worker thread. */
    @Override
    public void apply(SecurityIdentity identity, Method method, Object[] parameters) {
        check(identity).await().indefinitely();
    }

    @Override
    public void apply(SecurityIdentity identity, MethodDescription method, Object[] parameters) {
        check(identity).await().indefinitely();
    }

    private Uni<Void> check(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return Uni.createFrom().failure(new UnauthorizedException());
        }
        for (String role : allowedRoles) {
            if (ANY_AUTHENTICATED.equals(role) || identity.hasRole(role)) {
                return Uni.createFrom().voidItem(); // no Hexclave call needed
            }
        }
        var user = AuthorizedUser.of(identity);
        if (user.isEmpty()) {
            return Uni.createFrom().failure(new ForbiddenException());
        }
        return HexclaveAuthorization.guarded(
                Arc.container().instance(HexclaveGrants.class).get().projectPermissions(user.get().userId()))
                .onItem().transformToUni(held -> {
                    for (String role : permissionRoles) {
                        if (held.contains(role)) {
                            return Uni.createFrom().voidItem();
                        }
                    }
                    return Uni.createFrom().failure(new ForbiddenException());
                });
    }
}
