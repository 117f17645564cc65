package io.quarkiverse.hexclave.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/** {@code @HexclaveUser} injected into a singleton fails the build with a message that says how to fix it. */
class HexclaveUserInSingletonFailsBuildTest {

    @RegisterExtension
    static final QuarkusUnitTest app = HexclaveTestApp.create("default", SingletonWithHexclaveUser.class)
            .assertException(t -> assertThat(fullMessage(t))
                    .contains("@HexclaveUser HexclavePrincipal is injected into")
                    .contains("SingletonWithHexclaveUser")
                    .contains("Make SingletonWithHexclaveUser @RequestScoped"));

    static String fullMessage(Throwable t) {
        StringBuilder sb = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            sb.append(c.getMessage()).append('\n');
            for (Throwable s : c.getSuppressed()) {
                sb.append(s.getMessage()).append('\n');
            }
        }
        return sb.toString();
    }

    @Test
    void buildFails() {
        fail("the build must fail");
    }
}
