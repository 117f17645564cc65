package io.quarkiverse.hexclave.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/** {@code verification.mode=rest} without a secret server key: the start fails and names the key to set. */
class RestModeWithoutSecretKeyTest {

    @RegisterExtension
    static final QuarkusUnitTest app = HexclaveTestApp.create("rest-mode", GreetingEndpoint.class)
            .assertException(t -> assertThat(HexclaveUserInSingletonFailsBuildTest.fullMessage(t))
                    .contains("quarkus.hexclave.verification.mode=rest")
                    .contains("quarkus.hexclave.secret-server-key")
                    .contains("HEXCLAVE_SECRET_SERVER_KEY"));

    @Test
    void applicationDoesNotStart() {
        fail("the application must not start");
    }
}
