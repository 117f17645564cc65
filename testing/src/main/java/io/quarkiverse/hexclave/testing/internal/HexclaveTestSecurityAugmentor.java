package io.quarkiverse.hexclave.testing.internal;

import java.lang.annotation.Annotation;
import java.util.Locale;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.quarkiverse.hexclave.runtime.authorization.TeamPermissionAugmentor;
import io.quarkiverse.hexclave.runtime.internal.EndpointVerifier;
import io.quarkiverse.hexclave.runtime.internal.HexclaveIdentities;
import io.quarkiverse.hexclave.testing.HexclaveSecurity;
import io.quarkiverse.hexclave.verifier.HexclavePrincipal;
import io.quarkiverse.hexclave.verifier.UserClass;
import io.quarkiverse.hexclave.verifier.UserClassPolicy;
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
        UserClassPolicy policy = verifier.verifier().policy();
        refusedEverywhere(policy, description.userClass()).ifPresent(message -> {
            throw new IllegalStateException(message);
        });
        HexclavePrincipal principal = principals.principal(identity.getPrincipal().getName(), description);
        SecurityIdentity augmented = HexclaveIdentities.describe(QuarkusSecurityIdentity.builder(identity), principal,
                policy).build();
        try (InstanceHandle<TeamPermissionAugmentor> teams = Arc.container().instance(TeamPermissionAugmentor.class)) {
            if (teams.isAvailable()) {
                augmented = teams.get().augment(augmented, blocking -> Uni.createFrom().item(blocking))
                        .await().indefinitely();
            }
        }
        grants.hold(principal.userId(), description);
        return augmented;
    }

    /**
     * Why a user of {@code userClass} cannot be a test identity here: the application admits the class nowhere, so a
     * real token of it is refused on every request (by the identity provider, which a test identity skips).
     */
    static Optional<String> refusedEverywhere(UserClassPolicy policy, UserClass userClass) {
        if (policy.anywhere().contains(userClass)) {
            return Optional.empty();
        }
        String name = userClass.name().toLowerCase(Locale.ROOT);
        return Optional.of("@HexclaveSecurity(userClass = " + userClass + "): this application admits " + name
                + " users nowhere (no endpoint allows them, nor quarkus.hexclave.allow-" + name + "-users), so their "
                + "tokens are refused on every request. Test that refusal with @TestHexclaveUser(userClass = "
                + userClass + "), which sends a real token.");
    }
}
