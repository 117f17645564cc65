package io.quarkiverse.hexclave.testing.internal;

import java.util.Optional;
import java.util.Set;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

import io.quarkiverse.hexclave.client.HexclaveClient;
import io.quarkiverse.hexclave.config.HexclaveSettings;
import io.quarkiverse.hexclave.testing.TestHexclaveUser;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * {@link TestHexclaveUser} in a {@code @QuarkusIntegrationTest}, where the application runs in its own process and
 * the test's JVM has no CDI container: the user is created, and their token minted, through a client of the Hexclave
 * the test's configuration names (the Dev Services emulator, whose coordinates Quarkus publishes to the test as
 * system properties, or an emulator of a test resource): the same emulator the packaged application trusts. Loopback
 * only ({@code EmulatorUsers} refuses any other Hexclave). Does nothing in any other test: in a {@code @QuarkusTest},
 * {@link TestHexclaveUserCallback} signs the user in inside the application.
 */
public class IntegrationTestUserExtension implements BeforeEachCallback, AfterEachCallback {

    /** The keys the client needs, under the core's names (looked up as {@code quarkus.hexclave.*} first). */
    private static final Set<String> KEYS = Set.of(HexclaveSettings.Keys.PREFIX + HexclaveSettings.Keys.PROJECT_ID,
            HexclaveSettings.Keys.PREFIX + HexclaveSettings.Keys.API_URL,
            HexclaveSettings.Keys.PREFIX + HexclaveSettings.Keys.SECRET_SERVER_KEY);

    @Override
    public void beforeEach(ExtensionContext context) {
        if (!integrationTest(context)) {
            return;
        }
        TestHexclaveUser annotation = TestHexclaveUserCallback.find(context.getRequiredTestMethod(),
                context.getRequiredTestClass());
        if (annotation == null) {
            return;
        }
        if (annotation.demoUser()) {
            throw new IllegalStateException("@TestHexclaveUser(demoUser = true) is not available in a "
                    + "@QuarkusIntegrationTest: describe the user with email and displayName instead");
        }
        HexclaveClient client = HexclaveClient.create(HexclaveSettings.from(key -> KEYS.contains(key)
                ? value("quarkus." + key).or(() -> value(key))
                : Optional.empty()));
        context.getStore(ExtensionContext.Namespace.create(IntegrationTestUserExtension.class)).put("client", client);
        TestHexclaveUserCallback.signIn(client, annotation, TestHexclaveUserCallback.create(client, annotation));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!integrationTest(context)) {
            return;
        }
        TestHexclaveUserCallback.signOut();
        HexclaveClient client = context.getStore(ExtensionContext.Namespace.create(IntegrationTestUserExtension.class))
                .remove("client", HexclaveClient.class);
        if (client != null) {
            client.close();
        }
    }

    private static boolean integrationTest(ExtensionContext context) {
        return AnnotationSupport.isAnnotated(context.getRequiredTestClass(), QuarkusIntegrationTest.class);
    }

    /** A system property (where Quarkus puts Dev Services' and test resources' values), else the configuration. */
    private static Optional<String> value(String key) {
        String property = System.getProperty(key);
        if (property != null && !property.isBlank()) {
            return Optional.of(property.strip());
        }
        return ConfigProvider.getConfig().getOptionalValue(key, String.class).map(String::strip)
                .filter(v -> !v.isEmpty());
    }
}
