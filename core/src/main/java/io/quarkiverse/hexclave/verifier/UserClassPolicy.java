package io.quarkiverse.hexclave.verifier;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Which user classes may pass, and where: the one answer every layer asks.
 * <p>
 * {@link #global()} are the classes admitted on every request (normal users always; restricted and anonymous users
 * when configured so). An endpoint may grant more classes for itself ({@link io.quarkiverse.hexclave.security.AllowRestrictedUsers} /
 * {@code @AllowAnonymousUsers}); {@link #anywhere()} is the union of the global classes and every such grant, which
 * decides the signing keys to fetch. As in Hexclave, admitting anonymous users admits restricted ones too.
 * <p>
 * Verifiers apply {@link #global()} unless a caller that knows the endpoint asks for {@link #admittedOn(Set)}.
 *
 * @param global classes admitted everywhere; always contains {@link UserClass#NORMAL}
 * @param anywhere classes admitted somewhere: {@code global} plus every endpoint grant
 */
public record UserClassPolicy(Set<UserClass> global, Set<UserClass> anywhere) {

    /** Normal users only, everywhere. */
    public static final UserClassPolicy NORMAL_ONLY = of(false, false);

    public UserClassPolicy {
        global = normalise(Objects.requireNonNull(global, "global"));
        EnumSet<UserClass> all = EnumSet.copyOf(global);
        all.addAll(Objects.requireNonNull(anywhere, "anywhere"));
        anywhere = normalise(all);
    }

    /** The global policy of the settings {@code allow-restricted-users} / {@code allow-anonymous-users}. */
    public static UserClassPolicy of(boolean allowRestrictedUsers, boolean allowAnonymousUsers) {
        Set<UserClass> global = grant(allowRestrictedUsers, allowAnonymousUsers);
        return new UserClassPolicy(global, global);
    }

    /** The classes an endpoint annotated to admit restricted and/or anonymous users admits (with normal users). */
    public static Set<UserClass> grant(boolean restricted, boolean anonymous) {
        EnumSet<UserClass> classes = EnumSet.of(UserClass.NORMAL);
        if (restricted) {
            classes.add(UserClass.RESTRICTED);
        }
        if (anonymous) {
            classes.add(UserClass.ANONYMOUS);
        }
        return normalise(classes);
    }

    /** This policy with endpoint grants added to {@link #anywhere()}; the global classes stay as they are. */
    public UserClassPolicy withGrants(Collection<Set<UserClass>> grants) {
        EnumSet<UserClass> all = EnumSet.copyOf(anywhere);
        grants.forEach(all::addAll);
        return new UserClassPolicy(global, all);
    }

    /** The classes admitted on an endpoint that grants {@code endpointGrant} (empty set: no grant). */
    public Set<UserClass> admittedOn(Set<UserClass> endpointGrant) {
        if (endpointGrant.isEmpty() || global.containsAll(endpointGrant)) {
            return global;
        }
        EnumSet<UserClass> classes = EnumSet.copyOf(global);
        classes.addAll(endpointGrant);
        classes.retainAll(anywhere);
        return normalise(classes);
    }

    /** Whether users of class {@code c} pass on every request. */
    public boolean admitsEverywhere(UserClass c) {
        return global.contains(c);
    }

    /**
     * The rejection of a token of class {@code c} where only {@code admitted} pass, or {@code null} when it passes.
     */
    public static Verification.Rejected refusal(UserClass c, Set<UserClass> admitted) {
        return admitted.contains(c) ? null : Verification.Rejected.of(c.notAllowed());
    }

    /** The requested classes, never beyond {@link #anywhere()} (whose keys are fetched, whose users Hexclave accepts). */
    public Set<UserClass> bound(Set<UserClass> requested) {
        return anywhere.containsAll(requested) ? requested : admittedOn(requested);
    }

    /** {@code principal} accepted where {@code admitted} pass, else the refusal of its class. */
    static Verification admit(HexclavePrincipal principal, Set<UserClass> admitted) {
        Verification.Rejected refusal = refusal(principal.userClass(), admitted);
        return refusal != null ? refusal : new Verification.Accepted(principal);
    }

    private static Set<UserClass> normalise(Set<UserClass> classes) {
        EnumSet<UserClass> n = classes.isEmpty() ? EnumSet.noneOf(UserClass.class) : EnumSet.copyOf(classes);
        n.add(UserClass.NORMAL);
        if (n.contains(UserClass.ANONYMOUS)) {
            n.add(UserClass.RESTRICTED); // anonymous users are restricted users, as in Hexclave
        }
        return Collections.unmodifiableSet(n);
    }
}
