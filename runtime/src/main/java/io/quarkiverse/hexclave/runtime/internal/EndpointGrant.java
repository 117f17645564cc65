package io.quarkiverse.hexclave.runtime.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.quarkiverse.hexclave.verifier.UserClass;
import io.quarkiverse.hexclave.verifier.UserClassPolicy;
import io.quarkus.runtime.annotations.RecordableConstructor;

/**
 * One JAX-RS resource method that {@code @AllowRestrictedUsers} / {@code @AllowAnonymousUsers} (on the method, on the
 * class, or on a declaration it implements) grants user classes to, found at build time: the resource class, the
 * method's name and parameter types, and the classes granted. Recorded from the deployment processor into the run-time
 * {@link UserClassEndpoints}, which is asked by resource method, never by path.
 */
public final class EndpointGrant {

    private final String resourceClass;
    private final String method;
    private final List<String> parameterTypes;
    private final List<UserClass> classes;
    private final Set<UserClass> grant;

    @RecordableConstructor
    public EndpointGrant(String resourceClass, String method, List<String> parameterTypes, List<UserClass> classes) {
        this.resourceClass = resourceClass;
        this.method = method;
        this.parameterTypes = List.copyOf(parameterTypes);
        this.classes = List.copyOf(classes);
        EnumSet<UserClass> set = EnumSet.noneOf(UserClass.class);
        set.addAll(classes);
        this.grant = UserClassPolicy.grant(set.contains(UserClass.RESTRICTED), set.contains(UserClass.ANONYMOUS));
    }

    public String getResourceClass() {
        return resourceClass;
    }

    public String getMethod() {
        return method;
    }

    public List<String> getParameterTypes() {
        return parameterTypes;
    }

    public List<UserClass> getClasses() {
        return classes;
    }

    /** The classes this endpoint admits (normal users, plus those granted). */
    public Set<UserClass> grant() {
        return grant;
    }

    /** {@code com.acme.Cart#add(java.lang.String,int)}: the key a resource method is looked up by. */
    public String key() {
        return key(resourceClass, method, parameterTypes);
    }

    static String key(String resourceClass, String method, List<String> parameterTypes) {
        return resourceClass + "#" + method + "(" + String.join(",", parameterTypes) + ")";
    }

    @Override
    public String toString() {
        return key() + " " + classes;
    }
}
