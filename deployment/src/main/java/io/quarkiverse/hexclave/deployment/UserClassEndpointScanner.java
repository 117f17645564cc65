package io.quarkiverse.hexclave.deployment;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.MethodInfo;

import io.quarkiverse.hexclave.runtime.internal.EndpointGrant;
import io.quarkiverse.hexclave.runtime.internal.UserClassEndpoints;
import io.quarkiverse.hexclave.verifier.UserClass;

/**
 * Finds the JAX-RS resource methods annotated (on the method or its class) with {@code @AllowRestrictedUsers} /
 * {@code @AllowAnonymousUsers}, as HTTP method plus full path pattern (root path, REST path, {@code @ApplicationPath},
 * class and method {@code @Path}). A method without an HTTP-method annotation is a sub-resource locator: every method
 * and every sub-path below it.
 */
final class UserClassEndpointScanner {

    private static final DotName PATH = DotName.createSimple("jakarta.ws.rs.Path");
    private static final DotName APPLICATION_PATH = DotName.createSimple("jakarta.ws.rs.ApplicationPath");
    private static final Map<DotName, String> HTTP_METHODS = Map.of(
            DotName.createSimple("jakarta.ws.rs.GET"), "GET",
            DotName.createSimple("jakarta.ws.rs.POST"), "POST",
            DotName.createSimple("jakarta.ws.rs.PUT"), "PUT",
            DotName.createSimple("jakarta.ws.rs.DELETE"), "DELETE",
            DotName.createSimple("jakarta.ws.rs.PATCH"), "PATCH",
            DotName.createSimple("jakarta.ws.rs.HEAD"), "HEAD",
            DotName.createSimple("jakarta.ws.rs.OPTIONS"), "OPTIONS");

    private UserClassEndpointScanner() {
    }

    /**
     * @param prefix the root path and the REST path, joined ({@code /} when both are defaults)
     */
    static List<EndpointGrant> scan(IndexView index, String prefix) {
        String base = join(prefix, applicationPath(index));
        // "<METHOD|*> <template>" -> classes granted, in a stable order
        Map<String, EnumSet<UserClass>> found = new TreeMap<>();
        collect(index, HexclaveProcessor.ALLOW_RESTRICTED_USERS, base, found, UserClass.RESTRICTED);
        collect(index, HexclaveProcessor.ALLOW_ANONYMOUS_USERS, base, found, UserClass.ANONYMOUS);
        List<EndpointGrant> grants = new ArrayList<>();
        for (var e : found.entrySet()) {
            String[] methodAndTemplate = e.getKey().split(" ", 2);
            String regex = UserClassEndpoints.templateRegex(methodAndTemplate[1]);
            if (methodAndTemplate[0].equals("*")) {
                regex = regex.substring(0, regex.length() - 2) + "(?:/.*)?"; // a locator: everything below it
            }
            grants.add(new EndpointGrant(methodAndTemplate[0], regex, List.copyOf(e.getValue())));
        }
        return grants;
    }

    private static void collect(IndexView index, DotName annotation, String base,
            Map<String, EnumSet<UserClass>> found, UserClass granted) {
        for (AnnotationInstance a : index.getAnnotations(annotation)) {
            if (a.target().kind() == AnnotationTarget.Kind.METHOD) {
                MethodInfo m = a.target().asMethod();
                for (String classPath : classPaths(index, m.declaringClass())) {
                    add(m, base, classPath, found, granted);
                }
            } else if (a.target().kind() == AnnotationTarget.Kind.CLASS) {
                ClassInfo c = a.target().asClass();
                for (ClassInfo holder : withSubtypes(index, c)) {
                    for (String classPath : classPaths(index, holder)) {
                        for (ClassInfo declaring : List.of(c, holder)) {
                            for (MethodInfo m : declaring.methods()) {
                                if (httpMethod(m) != null || m.hasDeclaredAnnotation(PATH)) {
                                    add(m, base, classPath, found, granted);
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    private static void add(MethodInfo m, String base, String classPath, Map<String, EnumSet<UserClass>> found,
            UserClass granted) {
        String method = httpMethod(m);
        AnnotationInstance path = m.declaredAnnotation(PATH);
        String template = join(join(base, classPath), path == null ? "" : path.value().asString());
        found.computeIfAbsent((method == null ? "*" : method) + " " + template, k -> EnumSet.noneOf(UserClass.class))
                .add(granted);
    }

    private static String httpMethod(MethodInfo m) {
        for (var e : HTTP_METHODS.entrySet()) {
            if (m.hasDeclaredAnnotation(e.getKey())) {
                return e.getValue();
            }
        }
        return null;
    }

    /** The class's own {@code @Path}, or (an interface or abstract class) those of its implementations. */
    private static Set<String> classPaths(IndexView index, ClassInfo c) {
        Set<String> paths = new LinkedHashSet<>();
        for (ClassInfo k : withSubtypes(index, c)) {
            AnnotationInstance path = k.declaredAnnotation(PATH);
            if (path != null) {
                paths.add(path.value().asString());
            }
        }
        return paths;
    }

    private static Set<ClassInfo> withSubtypes(IndexView index, ClassInfo c) {
        Set<ClassInfo> all = new LinkedHashSet<>();
        all.add(c);
        if (c.isInterface()) {
            all.addAll(index.getAllKnownImplementors(c.name()));
        }
        all.addAll(index.getAllKnownSubclasses(c.name()));
        return all;
    }

    private static String applicationPath(IndexView index) {
        for (AnnotationInstance a : index.getAnnotations(APPLICATION_PATH)) {
            if (a.target().kind() == AnnotationTarget.Kind.CLASS) {
                return a.value().asString();
            }
        }
        return "";
    }

    /** Joins two path parts with exactly one slash, starting with a slash, no trailing slash (but {@code /}). */
    static String join(String a, String b) {
        String joined = ("/" + a + "/" + b).replaceAll("/{2,}", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }
}
