package io.quarkiverse.hexclave.runtime.internal;

import java.util.LinkedHashSet;
import java.util.Set;

import io.quarkiverse.hexclave.verifier.HexclavePrincipal;
import io.quarkiverse.hexclave.verifier.UserClassPolicy;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;

/**
 * What a {@link io.quarkus.security.identity.SecurityIdentity} of a Hexclave user holds: the principal, its groups as
 * roles ({@code authenticated}, plus {@code restricted} or {@code anonymous}) and the user class attribute. A user
 * whose class is admitted only by an endpoint's grant does not get {@code authenticated}, so that role checks written
 * for full users keep refusing them. The identity provider and the test identity of {@code @TestSecurity} both ask
 * here.
 */
public final class HexclaveIdentities {

    /** The attribute holding the principal's {@link io.quarkiverse.hexclave.verifier.UserClass}. */
    public static final String USER_CLASS_ATTRIBUTE = "hexclave.user-class";

    private HexclaveIdentities() {
    }

    /** Sets the principal, and adds its roles and attribute, on {@code builder}. */
    public static QuarkusSecurityIdentity.Builder describe(QuarkusSecurityIdentity.Builder builder,
            HexclavePrincipal principal, UserClassPolicy policy) {
        Set<String> roles = principal.getGroups();
        if (!policy.admitsEverywhere(principal.userClass())) {
            roles = new LinkedHashSet<>(roles);
            roles.remove(HexclavePrincipal.AUTHENTICATED);
        }
        return builder.setPrincipal(principal).addRoles(roles).addAttribute(USER_CLASS_ATTRIBUTE,
                principal.userClass());
    }
}
