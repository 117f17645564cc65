package io.quarkiverse.hexclave.testing.internal;

import java.lang.reflect.Method;

import io.quarkiverse.hexclave.client.HexclaveClient;
import io.quarkiverse.hexclave.runtime.devservices.EmulatorUsers;
import io.quarkiverse.hexclave.runtime.devservices.SignedInUser;
import io.quarkiverse.hexclave.testing.HexclaveTestTokens;
import io.quarkiverse.hexclave.testing.TestHexclaveUser;
import io.quarkus.arc.Arc;
import io.quarkus.test.junit.callback.QuarkusTestAfterEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;

/**
 * Before each {@code @QuarkusTest} method annotated (directly, on its class or an enclosing class) with
 * {@link TestHexclaveUser}: signs the user in through {@link HexclaveTestTokens} and makes RestAssured send the
 * token; after it: forgets both. In a {@code @QuarkusIntegrationTest} (no CDI container in the test's JVM) it does
 * nothing: {@link IntegrationTestUserExtension} signs the user in there.
 */
public class TestHexclaveUserCallback implements QuarkusTestBeforeEachCallback, QuarkusTestAfterEachCallback {

    static final boolean REST_ASSURED = present("io.restassured.RestAssured");

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        TestHexclaveUser annotation = find(context.getTestMethod(), context.getTestInstance().getClass());
        if (annotation == null || Arc.container() == null) {
            return;
        }
        HexclaveTestTokens tokens = Arc.container().instance(HexclaveTestTokens.class).get();
        HexclaveClient client = Arc.container().instance(HexclaveClient.class).get();
        signIn(client, annotation, annotation.demoUser() ? tokens.demoUser()
                : tokens.mint(annotation.email(), annotation.displayName(), annotation.userClass()));
    }

    @Override
    public void afterEach(QuarkusTestMethodContext context) {
        signOut();
    }

    /** Gives the signed-in user their permissions and teams, and makes RestAssured send their token. */
    static void signIn(HexclaveClient client, TestHexclaveUser annotation, SignedInUser user) {
        TestUserSeeding.Seeded seeded = annotation.demoUser() ? new TestUserSeeding.Seeded(user, java.util.Map.of())
                : TestUserSeeding.seed(client, user, annotation);
        CurrentTestUser.set(seeded.user(), seeded.teamIds());
        if (REST_ASSURED) {
            RestAssuredBearer.install(seeded.user().accessToken());
        }
    }

    /** A new user as {@code annotation} describes, created through {@code client} in a loopback Hexclave. */
    static SignedInUser create(HexclaveClient client, TestHexclaveUser annotation) {
        return new EmulatorUsers(client).create(annotation.email(), annotation.displayName(), annotation.userClass());
    }

    static void signOut() {
        if (CurrentTestUser.get().isPresent()) {
            CurrentTestUser.clear();
            if (REST_ASSURED) {
                RestAssuredBearer.uninstall();
            }
        }
    }

    static TestHexclaveUser find(Method method, Class<?> testClass) {
        TestHexclaveUser onMethod = method == null ? null : method.getAnnotation(TestHexclaveUser.class);
        if (onMethod != null) {
            return onMethod;
        }
        for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
            TestHexclaveUser onClass = c.getAnnotation(TestHexclaveUser.class);
            if (onClass != null) {
                return onClass;
            }
        }
        return null;
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, TestHexclaveUserCallback.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
