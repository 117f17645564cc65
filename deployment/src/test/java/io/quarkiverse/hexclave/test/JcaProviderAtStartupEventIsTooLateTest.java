package io.quarkiverse.hexclave.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.security.Provider;
import java.security.Security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.hexclave.config.HexclaveConfigException;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A provider installed by a {@code StartupEvent} observer comes too late: the verifier is made while the application
 * starts, before that event. The start fails with a message naming the key, instead of verifying with another engine.
 */
class JcaProviderAtStartupEventIsTooLateTest {

    static final String NAME = "HexclaveLateTestProvider";

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(GreetingEndpoint.class, LateInstaller.class)
                    .addAsResource("application-default.properties", "application.properties"))
            .overrideConfigKey("quarkus.hexclave.jca-provider", NAME)
            .overrideRuntimeConfigKey("quarkus.hexclave.project-id", SharedEmulator.projectId())
            .overrideRuntimeConfigKey("quarkus.hexclave.api-url", SharedEmulator.apiUrl())
            .assertException(t -> {
                Throwable cause = t;
                // Compared by name: the exception comes from the application's class loader.
                while (cause != null && !cause.getClass().getName().equals(HexclaveConfigException.class.getName())) {
                    cause = cause.getCause();
                }
                assertThat(cause).as("a HexclaveConfigException in %s", t).isNotNull();
                assertThat(cause.getMessage()).contains("jca-provider").contains(NAME)
                        .contains("is not an installed JCA provider");
                assertThat(Security.getProvider(NAME)).as("the observer never ran").isNull();
            });

    @Test
    void applicationDoesNotStart() {
        fail("the provider was not installed when the verifier was made: the application must not start");
    }

    @ApplicationScoped
    public static class LateInstaller {
        void install(@Observes StartupEvent event) {
            Security.addProvider(new Provider(NAME, "1.0", "installed too late") {
                private static final long serialVersionUID = 1L;
            });
        }
    }
}
