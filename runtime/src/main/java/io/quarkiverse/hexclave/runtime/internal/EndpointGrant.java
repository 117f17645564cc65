package io.quarkiverse.hexclave.runtime.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import io.quarkiverse.hexclave.verifier.UserClass;
import io.quarkiverse.hexclave.verifier.UserClassPolicy;
import io.quarkus.runtime.annotations.RecordableConstructor;

/**
 * One JAX-RS endpoint annotated {@code @AllowRestrictedUsers} / {@code @AllowAnonymousUsers}, found at build time: the
 * HTTP method ({@code *} for a sub-resource locator), the anchored path regex and the user classes it grants. Recorded
 * from the deployment processor into the run-time {@link UserClassEndpoints}.
 */
public final class EndpointGrant {

    private final String method;
    private final String pathRegex;
    private final List<UserClass> classes;
    private final Pattern path;
    private final Set<UserClass> grant;

    @RecordableConstructor
    public EndpointGrant(String method, String pathRegex, List<UserClass> classes) {
        this.method = method;
        this.pathRegex = pathRegex;
        this.classes = List.copyOf(classes);
        this.path = Pattern.compile(pathRegex);
        EnumSet<UserClass> set = EnumSet.noneOf(UserClass.class);
        set.addAll(classes);
        this.grant = UserClassPolicy.grant(set.contains(UserClass.RESTRICTED), set.contains(UserClass.ANONYMOUS));
    }

    public String getMethod() {
        return method;
    }

    public String getPathRegex() {
        return pathRegex;
    }

    public List<UserClass> getClasses() {
        return classes;
    }

    /** The classes this endpoint admits (normal users, plus those granted). */
    public Set<UserClass> grant() {
        return grant;
    }

    boolean matches(String requestMethod, String requestPath) {
        return (method.equals("*") || method.equalsIgnoreCase(requestMethod)
                // JAX-RS answers HEAD with the GET method.
                || (method.equals("GET") && "HEAD".equalsIgnoreCase(requestMethod)))
                && path.matcher(requestPath).matches();
    }

    @Override
    public String toString() {
        return method + " " + pathRegex + " " + classes;
    }
}
