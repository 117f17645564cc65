package io.quarkiverse.hexclave.deployment;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.MethodInfo;
import org.jboss.jandex.Type;

import io.quarkiverse.hexclave.runtime.internal.EndpointGrant;
import io.quarkiverse.hexclave.verifier.UserClass;

/**
 * Finds the JAX-RS resource methods that {@code @AllowRestrictedUsers} / {@code @AllowAnonymousUsers} grant user
 * classes to, by resource class and method (never by path, so a broad template, a matrix parameter or a shared path
 * cannot widen a grant):
 * <ul>
 * <li>an annotated resource method grants itself, in every concrete resource class that implements or inherits it
 * (an annotation on an interface or superclass method is resolved to the concrete classes);</li>
 * <li>an annotated class grants every resource method of every concrete class it is, or that extends or implements
 * it.</li>
 * </ul>
 * Annotations that would do nothing fail the build with a message naming the fix: on a sub-resource locator (its
 * sub-resource's methods are what requests reach), on a class with sub-resource locators, and on a method that is no
 * resource method at all.
 */
final class UserClassEndpointScanner {

    static final DotName PATH = DotName.createSimple("jakarta.ws.rs.Path");
    private static final DotName OBJECT = DotName.createSimple(Object.class);
    private static final Set<DotName> HTTP_METHODS = Set.of(
            DotName.createSimple("jakarta.ws.rs.GET"),
            DotName.createSimple("jakarta.ws.rs.POST"),
            DotName.createSimple("jakarta.ws.rs.PUT"),
            DotName.createSimple("jakarta.ws.rs.DELETE"),
            DotName.createSimple("jakarta.ws.rs.PATCH"),
            DotName.createSimple("jakarta.ws.rs.HEAD"),
            DotName.createSimple("jakarta.ws.rs.OPTIONS"));

    private final IndexView index;
    /** resource method key -> classes granted, in a stable order */
    private final Map<String, EnumSet<UserClass>> classesByKey = new LinkedHashMap<>();
    private final Map<String, String[]> methodByKey = new LinkedHashMap<>();
    private final List<String> errors = new ArrayList<>();

    private UserClassEndpointScanner(IndexView index) {
        this.index = index;
    }

    /**
     * The grants of the application's annotations.
     *
     * @throws IllegalStateException listing every annotation that would do nothing, with its fix
     */
    static List<EndpointGrant> scan(IndexView index) {
        UserClassEndpointScanner scanner = new UserClassEndpointScanner(index);
        scanner.collect(HexclaveProcessor.ALLOW_RESTRICTED_USERS, UserClass.RESTRICTED);
        scanner.collect(HexclaveProcessor.ALLOW_ANONYMOUS_USERS, UserClass.ANONYMOUS);
        if (!scanner.errors.isEmpty()) {
            throw new IllegalStateException(String.join("\n", new LinkedHashSet<>(scanner.errors)));
        }
        List<EndpointGrant> result = new ArrayList<>();
        scanner.classesByKey.forEach((key, classes) -> {
            String[] m = scanner.methodByKey.get(key);
            result.add(new EndpointGrant(m[0], m[1], List.of(m).subList(2, m.length), List.copyOf(classes)));
        });
        return result;
    }

    private void collect(DotName annotation, UserClass granted) {
        String simple = "@" + annotation.withoutPackagePrefix();
        for (AnnotationInstance a : index.getAnnotations(annotation)) {
            if (a.target().kind() == AnnotationTarget.Kind.METHOD) {
                MethodInfo m = a.target().asMethod();
                String where = m.declaringClass().name() + "#" + m.name();
                if (isLocator(m.declaringClass(), m)) {
                    errors.add(simple + " on the sub-resource locator " + where + " does nothing: requests reach the "
                            + "methods of the sub-resource it returns. Put " + simple + " on those methods, or on the "
                            + "sub-resource class.");
                    continue;
                }
                if (!isResourceMethod(m.declaringClass(), m)) {
                    errors.add(simple + " on " + where + " does nothing: it is not a JAX-RS resource method (no @GET, "
                            + "@POST … on it or on a method it overrides). Put it on a resource method or class.");
                    continue;
                }
                for (ClassInfo resource : concreteClasses(m.declaringClass())) {
                    grant(resource, m.name(), m.parameterTypes(), granted);
                }
            } else if (a.target().kind() == AnnotationTarget.Kind.CLASS) {
                ClassInfo c = a.target().asClass();
                for (ClassInfo resource : concreteClasses(c)) {
                    for (MethodInfo m : allMethods(resource)) {
                        if (isLocator(resource, m)) {
                            errors.add(simple + " on " + c.name() + " does not reach the sub-resource of its locator "
                                    + resource.name() + "#" + m.name() + ". Put " + simple + " on the sub-resource "
                                    + "class (or its methods) instead, or on the other methods of " + c.name() + ".");
                        } else if (isResourceMethod(resource, m)) {
                            grant(resource, m.name(), m.parameterTypes(), granted);
                        }
                    }
                }
            }
        }
    }

    private void grant(ClassInfo resource, String method, List<Type> parameters, UserClass granted) {
        List<String> names = new ArrayList<>();
        names.add(resource.name().toString());
        names.add(method);
        for (Type p : parameters) {
            names.add(erasure(p));
        }
        String key = String.join(" ", names);
        methodByKey.put(key, names.toArray(String[]::new));
        classesByKey.computeIfAbsent(key, k -> EnumSet.noneOf(UserClass.class)).add(granted);
    }

    /** The name {@code Class#getName()} gives the parameter's erasure. */
    private static String erasure(Type t) {
        if (t.kind() == Type.Kind.TYPE_VARIABLE) {
            List<Type> bounds = t.asTypeVariable().bounds();
            return bounds.isEmpty() ? Object.class.getName() : erasure(bounds.get(0));
        }
        return t.name().toString();
    }

    /** A method with {@code @Path} and no HTTP method, on it or on a declaration it overrides. */
    private boolean isLocator(ClassInfo c, MethodInfo m) {
        boolean path = false;
        for (MethodInfo d : declarations(c, m)) {
            if (hasHttpMethod(d)) {
                return false;
            }
            path |= d.hasDeclaredAnnotation(PATH);
        }
        return path;
    }

    /** A method with an HTTP method annotation, on it or on a declaration it overrides. */
    private boolean isResourceMethod(ClassInfo c, MethodInfo m) {
        for (MethodInfo d : declarations(c, m)) {
            if (hasHttpMethod(d)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasHttpMethod(MethodInfo m) {
        for (DotName h : HTTP_METHODS) {
            if (m.hasDeclaredAnnotation(h)) {
                return true;
            }
        }
        return false;
    }

    /** {@code m} as declared in {@code c} and in each of its supertypes (superclasses and interfaces). */
    private List<MethodInfo> declarations(ClassInfo c, MethodInfo m) {
        List<MethodInfo> found = new ArrayList<>();
        for (ClassInfo type : supertypes(c)) {
            MethodInfo d = type.method(m.name(), m.parameterTypes().toArray(Type[]::new));
            if (d != null) {
                found.add(d);
            }
        }
        return found;
    }

    /** Every method a resource class has: its own and those it inherits or must implement. */
    private List<MethodInfo> allMethods(ClassInfo c) {
        Map<String, MethodInfo> bySignature = new LinkedHashMap<>();
        for (ClassInfo type : supertypes(c)) {
            for (MethodInfo m : type.methods()) {
                if (!m.isConstructor() && !m.isStaticInitializer() && !Modifier.isStatic(m.flags())
                        && !m.isSynthetic()) {
                    bySignature.putIfAbsent(m.name() + m.parameterTypes(), m);
                }
            }
        }
        return List.copyOf(bySignature.values());
    }

    /** {@code c}, its superclasses and all its interfaces, nearest first. */
    private Set<ClassInfo> supertypes(ClassInfo c) {
        Set<ClassInfo> all = new LinkedHashSet<>();
        List<ClassInfo> queue = new ArrayList<>(List.of(c));
        while (!queue.isEmpty()) {
            ClassInfo k = queue.remove(0);
            if (!all.add(k)) {
                continue;
            }
            if (k.superName() != null && !k.superName().equals(OBJECT)) {
                ClassInfo s = index.getClassByName(k.superName());
                if (s != null) {
                    queue.add(s);
                }
            }
            for (DotName i : k.interfaceNames()) {
                ClassInfo s = index.getClassByName(i);
                if (s != null) {
                    queue.add(s);
                }
            }
        }
        return all;
    }

    /** The concrete classes that are {@code c} or extend or implement it: those JAX-RS instantiates. */
    private Set<ClassInfo> concreteClasses(ClassInfo c) {
        Set<ClassInfo> all = new LinkedHashSet<>();
        all.add(c);
        if (c.isInterface()) {
            all.addAll(index.getAllKnownImplementors(c.name()));
        }
        all.addAll(index.getAllKnownSubclasses(c.name()));
        all.removeIf(k -> k.isInterface() || Modifier.isAbstract(k.flags()));
        return all;
    }
}
