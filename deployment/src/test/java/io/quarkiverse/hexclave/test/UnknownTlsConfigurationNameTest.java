package io.quarkiverse.hexclave.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/** A TLS configuration name that the TLS registry does not know fails the start, naming our key and the fix. */
class UnknownTlsConfigurationNameTest {

    @RegisterExtension
    static final QuarkusUnitTest app = HexclaveTestApp.create("default", GreetingEndpoint.class)
            .overrideRuntimeConfigKey("quarkus.hexclave.http.tls-configuration-name", "no-such-tls")
            .assertException(t -> assertThat(BuildFailures.messages(t))
                    .contains("quarkus.hexclave.http.tls-configuration-name")
                    .contains("TLS configuration \"no-such-tls\", which is not defined")
                    .contains("quarkus.tls.\"no-such-tls\".trust-store"));

    @Test
    void applicationDoesNotStart() {
        fail("the application must not start with an unknown TLS configuration name");
    }
}
