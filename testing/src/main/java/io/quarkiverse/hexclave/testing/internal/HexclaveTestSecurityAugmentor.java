package io.quarkiverse.hexclave.testing.internal;

import java.lang.annotation.Annotation;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.quarkiverse.hexclave.runtime.authorization.TeamPermissionAugmentor;
import io.quarkiverse.hexclave.runtime.internal.EndpointVerifier;
import io.quarkiverse.hexclave.runtime.internal.HexclaveIdentities;
import io.quarkiverse.hexclave.testing.HexclaveSecurity;
import io.quarkiverse.hexclave.verifier.HexclavePrincipal;
import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import io.quarkus.arc.Unremovable;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.test.security.TestSecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;

/**
 * Turns the identity of {@code @TestSecurity(user = …)} into a Hexclave user's: a real {@link HexclavePrincipal}
 * ({@link TestPrincipals}) described by {@link HexclaveSecurity} (or its defaults), the roles and user class attribute
 * the identity provider gives such a principal ({@link HexclaveIdentities}), the team permission checker when the
 * application uses team permissions, and the described permissions in the permission caches ({@link TestGrants}).
 * The {@code @TestSecurity} roles, permissions and attributes are kept.
 */
@Singleton
@Unremovable
public class HexclaveTestSecurityAugmentor implements TestSecurityIdentityAugmentor {

    /** The description of a plain {@code @TestSecurity}: a normal user with nothing else. */
    @HexclaveSecurity
    private static final class Defaults {
    }

    private static final HexclaveSecurity DEFAULTS = Defaults.class.getAnnotation(HexclaveSecurity.class);

    private final TestPrincipals principals;
    private final EndpointVerifier verifier;
    private final TestGrants grants;

    @Inject
    HexclaveTestSecurityAugmentor(TestPrincipals principals, EndpointVerifier verifier, TestGrants grants) {
        this.principals = principals;
        this.verifier = verifier;
        this.grants = grants;
    }

    @Override
    public SecurityIdentity augment(SecurityIdentity identity, Annotation[] annotations) {
        HexclaveSecurity description = DEFAULTS;
        for (Annotation a : annotations) {
            if (a instanceof HexclaveSecurity h) {
                description = h;
                break;
            }
        }
        HexclavePrincipal principal = principals.principal(identity.getPrincipal().getName(), description);
        SecurityIdentity augmented = HexclaveIdentities.describe(QuarkusSecurityIdentity.builder(identity), principal,
                verifier.verifier().policy()).build();
        try (InstanceHandle<TeamPermissionAugmentor> teams = Arc.container().instance(TeamPermissionAugmentor.class)) {
            if (teams.isAvailable()) {
                augmented = teams.get().augment(augmented, blocking -> Uni.createFrom().item(blocking))
                        .await().indefinitely();
            }
        }
        grants.hold(principal.userId(), description);
        return augmented;
    }
}
