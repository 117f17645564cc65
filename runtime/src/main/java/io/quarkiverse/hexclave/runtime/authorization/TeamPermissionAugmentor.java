package io.quarkiverse.hexclave.runtime.authorization;

import java.security.Permission;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Gives each Hexclave identity a permission checker for {@link HexclaveTeamPermission} and
 * {@link SelectedTeamPermission}. Adding it costs no call: Hexclave is asked (once per user per cache lifetime) only
 * when a {@code @PermissionsAllowed} check with one of these permissions runs. Registered only when the application
 * uses them.
 */
@ApplicationScoped
public class TeamPermissionAugmentor implements SecurityIdentityAugmentor {

    private final HexclaveGrants grants;

    @Inject
    TeamPermissionAugmentor(HexclaveGrants grants) {
        this.grants = grants;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        Optional<AuthorizedUser> user = AuthorizedUser.of(identity);
        if (user.isEmpty()) {
            return Uni.createFrom().item(identity);
        }
        AuthorizedUser principal = user.get();
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder(identity)
                .addPermissionChecker(permission -> check(principal, permission)).build());
    }

    private Uni<Boolean> check(AuthorizedUser principal, Permission permission) {
        String teamId;
        if (permission instanceof HexclaveTeamPermission team) {
            teamId = team.teamId();
        } else if (permission instanceof SelectedTeamPermission) {
            teamId = principal.selectedTeamId().orElse(null);
        } else {
            return Uni.createFrom().item(false); // not ours
        }
        if (teamId == null) {
            return Uni.createFrom().item(false);
        }
        return HexclaveAuthorization.guarded(grants.teamPermissions(principal.userId()))
                .map(byTeam -> byTeam.getOrDefault(teamId, Set.of()).contains(permission.getName()));
    }
}
