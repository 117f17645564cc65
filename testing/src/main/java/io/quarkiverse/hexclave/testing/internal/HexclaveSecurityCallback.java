package io.quarkiverse.hexclave.testing.internal;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Optional;

import io.quarkiverse.hexclave.testing.HexclaveSecurity;
import io.quarkiverse.hexclave.testing.TestHexclaveUser;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.quarkus.arc.InjectableInstance;
import io.quarkus.test.junit.callback.QuarkusTestAfterEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.TestSecurityIdentityAugmentor;

/**
 * Refuses a {@link HexclaveSecurity} that would silently have no effect (no {@code @TestSecurity} user, placed where
 * Quarkus does not look, beside {@link TestHexclaveUser}, or another extension's test identity augmentor on the class
 * path), and forgets the test user's permissions after each test.
 */
public class HexclaveSecurityCallback implements QuarkusTestBeforeEachCallback, QuarkusTestAfterEachCallback {

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        ArcContainer container = Arc.container();
        if (container == null) {
            return; // an integration test: no identity of this JVM reaches the application
        }
        Optional<String> problem = problem(context.getTestMethod(), context.getTestInstance().getClass());
        if (problem.isEmpty() && find(HexclaveSecurity.class, context.getTestMethod(),
                context.getTestInstance().getClass()) != null) {
            problem = augmentorProblem(container);
        }
        problem.ifPresent(p -> {
            throw new IllegalStateException(p);
        });
    }

    @Override
    public void afterEach(QuarkusTestMethodContext context) {
        ArcContainer container = Arc.container();
        if (container != null) {
            container.instance(TestGrants.class).get().forget();
        }
    }

    /** Why the {@link HexclaveSecurity} of this test cannot take effect, if it cannot. */
    static Optional<String> problem(Method method, Class<?> testClass) {
        boolean onMethod = method != null && method.isAnnotationPresent(HexclaveSecurity.class);
        if (!onMethod && find(HexclaveSecurity.class, null, testClass) == null) {
            return Optional.empty();
        }
        TestSecurity security = find(TestSecurity.class, method, testClass);
        if (security == null) {
            return Optional.of("@HexclaveSecurity describes the user of @TestSecurity, but " + name(method, testClass)
                    + " has no @TestSecurity: add @TestSecurity(user = \"<user id>\") beside it");
        }
        if (security.user().isEmpty()) {
            return Optional.of("@HexclaveSecurity describes the user of @TestSecurity, but the @TestSecurity of "
                    + name(method, testClass) + " names no user: set @TestSecurity(user = \"<user id>\")");
        }
        boolean securityOnMethod = method != null && method.isAnnotationPresent(TestSecurity.class);
        if (securityOnMethod && !onMethod) {
            return Optional.of("@HexclaveSecurity is on the class of " + name(method, testClass) + " but its "
                    + "@TestSecurity is on the method, where Quarkus does not see the class's: put @HexclaveSecurity "
                    + "on the method beside @TestSecurity");
        }
        if (TestHexclaveUserCallback.find(method, testClass) != null) {
            return Optional.of(name(method, testClass) + " has both @TestHexclaveUser (a real token sent by "
                    + "RestAssured) and @HexclaveSecurity (a @TestSecurity identity): choose one");
        }
        return Optional.empty();
    }

    /** Why Quarkus would not apply this artifact's test identity augmentor, if it would not. */
    static Optional<String> augmentorProblem(ArcContainer container) {
        InjectableInstance<TestSecurityIdentityAugmentor> augmentors = container.select(
                TestSecurityIdentityAugmentor.class);
        if (augmentors.isResolvable() && augmentors.getHandle().getBean().getBeanClass()
                .equals(HexclaveTestSecurityAugmentor.class)) {
            return Optional.empty();
        }
        return Optional.of("@HexclaveSecurity: Quarkus applies one test identity augmentor, and here it is "
                + (augmentors.isAmbiguous() ? "none, as there are several"
                        : augmentors.isResolvable() ? augmentors.getHandle().getBean().getBeanClass().getName()
                                : "none")
                + " (quarkus-test-security-jwt or quarkus-test-security-oidc on the test class path?): the identity "
                + "of @TestSecurity would not be a Hexclave user");
    }

    private static <A extends Annotation> A find(Class<A> type, Method method, Class<?> testClass) {
        A found = method == null ? null : method.getAnnotation(type);
        for (Class<?> c = testClass; found == null && c != null; c = c.getEnclosingClass()) {
            found = c.getAnnotation(type);
        }
        return found;
    }

    private static String name(Method method, Class<?> testClass) {
        return testClass.getSimpleName() + (method == null ? "" : "#" + method.getName());
    }
}
