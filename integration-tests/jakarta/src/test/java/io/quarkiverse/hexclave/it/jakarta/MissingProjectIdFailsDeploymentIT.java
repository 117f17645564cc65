package io.quarkiverse.hexclave.it.jakarta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** A configuration mistake is found when the application starts, with a message naming the key to set. */
class MissingProjectIdFailsDeploymentIT {

    @Test
    void deploymentWithoutProjectIdFailsNamingTheKey() {
        ServerUnderTest[] started = new ServerUnderTest[1];
        Throwable failure = catchThrowable(() -> started[0] = OpenLibertyServer.start("liberty-misconfigured", Map.of(),
                OpenLibertyServer.ConfigRoute.SERVER_XML_VARIABLES, false, List.of()));
        if (started[0] != null) {
            started[0].close();
        }

        assertThat(failure).as("the sample must not start without hexclave.project-id").isNotNull()
                .hasMessageContaining("failed to start the sample application")
                .hasMessageContaining("hexclave.project-id");
    }
}
