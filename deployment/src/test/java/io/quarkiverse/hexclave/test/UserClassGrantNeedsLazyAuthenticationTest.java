package io.quarkiverse.hexclave.test;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/**
 * With proactive authentication (the default) the identity is settled before routing, so a per-method grant could not
 * apply: the build fails and names the setting, instead of the annotation silently doing nothing.
 */
class UserClassGrantNeedsLazyAuthenticationTest {

    @RegisterExtension
    static final QuarkusUnitTest app = HexclaveTestApp.create("default", GuestEndpoint.class, BuildFailures.class)
            .assertException(e -> assertThat(BuildFailures.messages(e))
                    .contains("quarkus.http.auth.proactive=false")
                    .contains(GuestEndpoint.class.getName() + "#cart"));

    @Test
    void buildFails() {
        // assertException above
    }
}
