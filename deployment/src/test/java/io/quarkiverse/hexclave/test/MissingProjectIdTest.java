package io.quarkiverse.hexclave.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.hexclave.config.HexclaveConfigException;
import io.quarkus.test.QuarkusUnitTest;

/** Without a project id the application does not start, and the error names the key and the variable to set. */
class MissingProjectIdTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(GreetingEndpoint.class)
                    .addAsResource("application-default.properties", "application.properties"))
            .assertException(t -> {
                Throwable cause = t;
                // Compared by name: the exception comes from the application's class loader.
                while (cause != null && !cause.getClass().getName().equals(HexclaveConfigException.class.getName())) {
                    cause = cause.getCause();
                }
                assertThat(cause).as("a HexclaveConfigException in %s", t).isNotNull();
                assertThat(cause.getMessage()).contains("quarkus.hexclave.project-id").contains("HEXCLAVE_PROJECT_ID");
            });

    @Test
    void applicationDoesNotStart() {
        fail("the application must not start without a project id");
    }
}
