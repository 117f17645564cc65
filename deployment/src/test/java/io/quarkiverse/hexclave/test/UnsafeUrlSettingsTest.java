package io.quarkiverse.hexclave.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.hexclave.config.HexclaveConfigException;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A plain http:// api-url for a host that is not loopback stops the start, naming the key and the opt-in; a bad
 * issuer origin is reported under its own key, without the password in its user info.
 */
class UnsafeUrlSettingsTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(GreetingEndpoint.class)
                    .addAsResource("application-default.properties", "application.properties"))
            .overrideRuntimeConfigKey("quarkus.hexclave.project-id", "e0b52f4d-dece-408c-af49-d23061bb0f8d")
            .overrideRuntimeConfigKey("quarkus.hexclave.api-url", "http://hexclave.example.com")
            .assertException(t -> {
                Throwable cause = t;
                // Compared by name: the exception comes from the application's class loader.
                while (cause != null && !cause.getClass().getName().equals(HexclaveConfigException.class.getName())) {
                    cause = cause.getCause();
                }
                assertThat(cause).as("a HexclaveConfigException in %s", t).isNotNull();
                assertThat(cause.getMessage()).startsWith("quarkus.hexclave.api-url is a plain http:// URL")
                        .contains("quarkus.hexclave.allow-plain-http=true");
            });

    @Test
    void applicationDoesNotStart() {
        fail("the application must not start with a plain http:// api-url for a host that is not loopback");
    }
}
