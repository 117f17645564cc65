package io.quarkiverse.hexclave.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.hexclave.config.HexclaveConfigException;
import io.quarkus.test.QuarkusUnitTest;

/** A bad issuer origin stops the start under its own key, and its user info (a password) appears nowhere. */
class BadIssuerOriginTest {

    static final String PASSWORD = "s3cretPassw0rd";

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(GreetingEndpoint.class)
                    .addAsResource("application-default.properties", "application.properties"))
            .overrideRuntimeConfigKey("quarkus.hexclave.project-id", "e0b52f4d-dece-408c-af49-d23061bb0f8d")
            .overrideRuntimeConfigKey("quarkus.hexclave.issuer-origins",
                    "https://api.hexclave.com,https://admin:" + PASSWORD + "@auth.example.com")
            .assertException(t -> {
                for (Throwable c = t; c != null; c = c.getCause()) {
                    assertThat(String.valueOf(c.getMessage())).doesNotContain(PASSWORD);
                }
                Throwable cause = t;
                while (cause != null && !cause.getClass().getName().equals(HexclaveConfigException.class.getName())) {
                    cause = cause.getCause();
                }
                assertThat(cause).as("a HexclaveConfigException in %s", t).isNotNull();
                assertThat(cause.getMessage()).startsWith("quarkus.hexclave.issuer-origins");
            });

    @Test
    void applicationDoesNotStart() {
        fail("the application must not start with a malformed issuer origin");
    }
}
