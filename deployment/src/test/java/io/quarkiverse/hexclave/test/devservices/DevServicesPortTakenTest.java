package io.quarkiverse.hexclave.test.devservices;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/** The fixed Dev Services port is taken: the build fails and says which setting and port, and what to do. */
class DevServicesPortTakenTest {

    static final ServerSocket TAKEN = listen();

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(WhoAmIResource.class))
            .overrideConfigKey("quarkus.http.test-port", "0")
            .overrideConfigKey("quarkus.hexclave.devservices.port", String.valueOf(TAKEN.getLocalPort()))
            .assertException(e -> {
                StringBuilder messages = new StringBuilder();
                for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
                    messages.append(t.getMessage()).append('\n');
                }
                assertThat(messages.toString())
                        .contains("port " + TAKEN.getLocalPort() + " of 127.0.0.1 (quarkus.hexclave.devservices.port) "
                                + "is already in use")
                        .contains("choose another port, or remove the setting to get a free port");
            });

    @Test
    void buildFails() {
        // assertException above
    }

    @AfterAll
    static void release() throws IOException {
        TAKEN.close();
    }

    private static ServerSocket listen() {
        try {
            return new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
