package io.quarkiverse.hexclave.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/** A proxy configuration name that the proxy registry does not know fails the start, naming our key and the fix. */
class UnknownProxyConfigurationNameTest {

    @RegisterExtension
    static final QuarkusUnitTest app = HexclaveTestApp.create("default", GreetingEndpoint.class)
            .overrideRuntimeConfigKey("quarkus.hexclave.http.proxy-configuration-name", "no-such-proxy")
            .assertException(t -> assertThat(BuildFailures.messages(t))
                    .contains("quarkus.hexclave.http.proxy-configuration-name")
                    .contains("proxy configuration \"no-such-proxy\", which is not defined")
                    .contains("quarkus.proxy.\"no-such-proxy\".host"));

    @Test
    void applicationDoesNotStart() {
        fail("the application must not start with an unknown proxy configuration name");
    }
}
