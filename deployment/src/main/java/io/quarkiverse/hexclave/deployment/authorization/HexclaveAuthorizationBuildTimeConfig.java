package io.quarkiverse.hexclave.deployment.authorization;

import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Build-time configuration of authorization.
 */
@ConfigMapping(prefix = "quarkus.hexclave.authorization")
@ConfigRoot(phase = ConfigPhase.BUILD_TIME)
public interface HexclaveAuthorizationBuildTimeConfig {

    /**
     * Whether a role named by {@code @RolesAllowed} that no identity carries by itself (anything but
     * {@code authenticated}, {@code restricted}, {@code anonymous} and {@code **}) passes for a Hexclave user holding
     * the project permission of that name. On by default; it costs nothing unless such a role is used. Turn it off to
     * map roles yourself (for example with your own {@code SecurityIdentityAugmentor}): Quarkus' own role check then
     * applies everywhere.
     */
    @WithDefault("true")
    boolean enabled();
}
