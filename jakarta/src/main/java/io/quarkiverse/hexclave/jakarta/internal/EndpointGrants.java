package io.quarkiverse.hexclave.jakarta.internal;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

import io.quarkiverse.hexclave.security.AllowAnonymousUsers;
import io.quarkiverse.hexclave.security.AllowRestrictedUsers;
import io.quarkiverse.hexclave.verifier.UserClass;
import io.quarkiverse.hexclave.verifier.UserClassPolicy;

/**
 * The per-endpoint grants of {@link AllowRestrictedUsers} / {@link AllowAnonymousUsers} in a Jakarta EE web module,
 * and the request state of a user admitted by one.
 * <p>
 * A JAX-RS resource method grants the user classes its annotations name: on the method, on a declaration it
 * implements or overrides (superclasses and interfaces), on its resource class or on one of that class' supertypes.
 * It is looked up by the resource method JAX-RS matched ({@link #grantOf(Class, Method)}), never by path.
 * <p>
 * At deployment {@link HexclaveGrantsInitializer} scans the resource classes and keeps {@link #classes()}, the classes
 * granted somewhere, in the web module's {@link ServletContext}: only those are verified beyond the global policy.
 * At run time the mechanism, which runs before JAX-RS routing, marks a request whose user only a grant could admit as
 * {@linkplain #pending(HttpServletRequest, UserClass, UserClassPolicy) pending} and does not log them in; the
 * {@code HexclaveUserClassFilter}, once JAX-RS matched the resource method, refuses the request or
 * {@linkplain #granted(HttpServletRequest, Set) records the grant} and asks the container to authenticate again,
 * which the mechanism then does. Without that filter such a user is never logged in (fail closed).
 */
public final class EndpointGrants {

    /** The {@link ServletContext} attribute holding the module's {@link EndpointGrants}. */
    static final String CONTEXT_ATTRIBUTE = "io.quarkiverse.hexclave.endpoint-grants";
    private static final String PENDING_ATTRIBUTE = "io.quarkiverse.hexclave.pending-admission";
    private static final String GRANTED_ATTRIBUTE = "io.quarkiverse.hexclave.endpoint-grant";

    /** No grants: only the global policy applies. */
    public static final EndpointGrants NONE = new EndpointGrants(List.of(), List.of(), Set.of());

    private final List<String> granted;
    private final List<String> ineffective;
    private final Set<UserClass> classes;

    private EndpointGrants(List<String> granted, List<String> ineffective, Set<UserClass> classes) {
        this.granted = List.copyOf(granted);
        this.ineffective = List.copyOf(ineffective);
        EnumSet<UserClass> beyondNormal = classes.isEmpty() ? EnumSet.noneOf(UserClass.class) : EnumSet.copyOf(classes);
        beyondNormal.remove(UserClass.NORMAL);
        this.classes = Set.copyOf(beyondNormal);
    }

    // ---- deployment --------------------------------------------------------------------------------------------

    /**
     * The grants of {@code resourceClasses} (root resource classes and any class carrying the annotations) and of the
     * sub-resource classes their locators return.
     */
    public static EndpointGrants scan(Collection<Class<?>> resourceClasses) {
        List<String> granted = new ArrayList<>();
        List<String> ineffective = new ArrayList<>();
        EnumSet<UserClass> classes = EnumSet.noneOf(UserClass.class);
        Set<Class<?>> seen = new LinkedHashSet<>();
        Deque<Class<?>> queue = new ArrayDeque<>(resourceClasses);
        while (!queue.isEmpty()) {
            Class<?> c = queue.poll();
            if (c.isAnnotation() || !seen.add(c)) {
                continue;
            }
            Method[] methods;
            try {
                methods = c.getMethods();
            } catch (LinkageError e) {
                continue; // a class that cannot be loaded fully is no resource this module serves
            }
            for (Method m : methods) {
                if (m.getDeclaringClass() == Object.class || Modifier.isStatic(m.getModifiers())) {
                    continue;
                }
                if (isResourceMethod(c, m)) {
                    Set<UserClass> grant = grantOf(c, m);
                    if (!grant.isEmpty() && !c.isInterface() && !Modifier.isAbstract(c.getModifiers())) {
                        granted.add(c.getName() + "#" + m.getName() + " " + grant);
                        classes.addAll(grant);
                    }
                } else if (isLocator(c, m)) {
                    if (annotatedDirectly(c, m)) {
                        ineffective.add(c.getName() + "#" + m.getName() + " is a sub-resource locator: annotate the "
                                + "methods or the class of the sub-resource it returns");
                    }
                    queue.add(m.getReturnType());
                } else if (annotatedDirectly(c, m)) {
                    ineffective.add(c.getName() + "#" + m.getName() + " is no JAX-RS resource method (no @GET, @POST "
                            + "… on it or on a declaration it overrides)");
                }
            }
        }
        return new EndpointGrants(granted, ineffective, classes);
    }

    /** The module's grants, as {@link HexclaveGrantsInitializer} found them; {@link #NONE} when it did not run. */
    public static EndpointGrants of(ServletContext context) {
        return context.getAttribute(CONTEXT_ATTRIBUTE) instanceof EndpointGrants grants ? grants : NONE;
    }

    /** The user classes some endpoint grants beyond normal users (empty: none). */
    public Set<UserClass> classes() {
        return classes;
    }

    /** {@code com.acme.Onboarding#next [NORMAL, RESTRICTED]}, one per granting resource method, for the log. */
    List<String> granted() {
        return granted;
    }

    /** Annotations that do nothing (on a sub-resource locator, on a method that is no resource method), for the log. */
    List<String> ineffective() {
        return ineffective;
    }

    // ---- the matched resource method ---------------------------------------------------------------------------

    /**
     * The classes the resource method {@code method} of {@code resourceClass} admits: normal users plus those its
     * annotations grant ({@link UserClassPolicy#grant(boolean, boolean)}); empty when it grants none.
     */
    public static Set<UserClass> grantOf(Class<?> resourceClass, Method method) {
        if (resourceClass == null || method == null) {
            return Set.of();
        }
        boolean restricted = false;
        boolean anonymous = false;
        for (Class<?> type : supertypes(resourceClass)) {
            restricted |= type.isAnnotationPresent(AllowRestrictedUsers.class);
            anonymous |= type.isAnnotationPresent(AllowAnonymousUsers.class);
        }
        for (Method declaration : declarations(resourceClass, method)) {
            restricted |= declaration.isAnnotationPresent(AllowRestrictedUsers.class);
            anonymous |= declaration.isAnnotationPresent(AllowAnonymousUsers.class);
        }
        return restricted || anonymous ? UserClassPolicy.grant(restricted, anonymous) : Set.of();
    }

    // ---- the request ---------------------------------------------------------------------------------------------

    /**
     * A verified user whose class only an endpoint grant admits, waiting for the resource method JAX-RS matches.
     *
     * @param userClass the user's class
     * @param policy the verifier's policy
     */
    public record Pending(UserClass userClass, UserClassPolicy policy) {
        public Pending {
            Objects.requireNonNull(userClass, "userClass");
            Objects.requireNonNull(policy, "policy");
        }
    }

    /** Marks {@code request}'s user, of class {@code userClass}, as waiting for an endpoint grant. */
    public static void pending(HttpServletRequest request, UserClass userClass, UserClassPolicy policy) {
        request.setAttribute(PENDING_ATTRIBUTE, new Pending(userClass, policy));
    }

    /** The user of {@code request} waiting for an endpoint grant, if any. */
    public static Optional<Pending> pending(HttpServletRequest request) {
        return request.getAttribute(PENDING_ATTRIBUTE) instanceof Pending p ? Optional.of(p) : Optional.empty();
    }

    /** Records that the resource method matched for {@code request} grants {@code grant}. */
    public static void granted(HttpServletRequest request, Set<UserClass> grant) {
        request.setAttribute(GRANTED_ATTRIBUTE, Set.copyOf(grant));
    }

    /** The grant recorded for {@code request} by the JAX-RS filter; empty before, or without, one. */
    @SuppressWarnings("unchecked")
    public static Set<UserClass> grantedFor(HttpServletRequest request) {
        return request.getAttribute(GRANTED_ATTRIBUTE) instanceof Set<?> grant ? (Set<UserClass>) grant : Set.of();
    }

    // ---- reflection ----------------------------------------------------------------------------------------------

    private static boolean isResourceMethod(Class<?> c, Method m) {
        for (Method d : declarations(c, m)) {
            if (hasHttpMethod(d)) {
                return true;
            }
        }
        return false;
    }

    /** {@code @Path} and no HTTP method, on it or on a declaration it overrides. */
    private static boolean isLocator(Class<?> c, Method m) {
        boolean path = false;
        for (Method d : declarations(c, m)) {
            if (hasHttpMethod(d)) {
                return false;
            }
            path |= d.isAnnotationPresent(Path.class);
        }
        return path;
    }

    private static boolean annotatedDirectly(Class<?> c, Method m) {
        for (Method d : declarations(c, m)) {
            if (d.isAnnotationPresent(AllowRestrictedUsers.class) || d.isAnnotationPresent(AllowAnonymousUsers.class)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasHttpMethod(Method m) {
        for (Annotation a : m.getDeclaredAnnotations()) {
            if (a.annotationType().isAnnotationPresent(HttpMethod.class)) {
                return true;
            }
        }
        return false;
    }

    /** {@code method} as declared in {@code c} and in each of its supertypes. */
    private static List<Method> declarations(Class<?> c, Method method) {
        List<Method> found = new ArrayList<>();
        for (Class<?> type : supertypes(c)) {
            try {
                found.add(type.getDeclaredMethod(method.getName(), method.getParameterTypes()));
            } catch (NoSuchMethodException e) {
                // not declared here
            }
        }
        return found;
    }

    /** {@code c}, its superclasses and all its interfaces, nearest first. */
    private static Set<Class<?>> supertypes(Class<?> c) {
        Set<Class<?>> all = new LinkedHashSet<>();
        Deque<Class<?>> queue = new ArrayDeque<>(List.of(c));
        while (!queue.isEmpty()) {
            Class<?> k = queue.poll();
            if (k == Object.class || !all.add(k)) {
                continue;
            }
            if (k.getSuperclass() != null) {
                queue.add(k.getSuperclass());
            }
            queue.addAll(List.of(k.getInterfaces()));
        }
        return all;
    }

    @Override
    public String toString() {
        return "EndpointGrants" + granted;
    }
}
