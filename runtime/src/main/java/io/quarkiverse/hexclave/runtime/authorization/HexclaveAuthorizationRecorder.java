package io.quarkiverse.hexclave.runtime.authorization;

import java.util.List;
import java.util.Set;

import io.quarkus.runtime.annotations.Recorder;
import io.quarkus.security.spi.runtime.SecurityCheck;

/** Builds the security checks that turn Hexclave project permissions into roles. */
@Recorder
public class HexclaveAuthorizationRecorder {

    /**
     * The check of a {@code @RolesAllowed} method.
     *
     * @param allowedRoles every role the annotation names
     * @param permissionRoles those that only a Hexclave project permission can grant
     */
    public SecurityCheck permissionRolesCheck(List<String> allowedRoles, List<String> permissionRoles) {
        return new PermissionRolesCheck(allowedRoles.toArray(String[]::new), Set.copyOf(permissionRoles));
    }
}
