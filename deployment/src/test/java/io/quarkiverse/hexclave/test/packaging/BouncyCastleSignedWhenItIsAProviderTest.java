package io.quarkiverse.hexclave.test.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.jar.JarFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.hexclave.test.GreetingEndpoint;
import io.quarkus.test.ProdBuildResults;
import io.quarkus.test.ProdModeTestResults;
import io.quarkus.test.QuarkusProdModeTest;

/** An application registering BouncyCastle as a JCA provider keeps its jar signature (a JDK may require it). */
class BouncyCastleSignedWhenItIsAProviderTest {

    @RegisterExtension
    static final QuarkusProdModeTest app = new QuarkusProdModeTest()
            .withApplicationRoot(jar -> jar.addClasses(GreetingEndpoint.class))
            .setForcedDependencies(java.util.List.of(io.quarkus.maven.dependency.Dependency.of("io.quarkus",
                    "quarkus-rest", io.quarkus.builder.Version.getVersion())))
            .setApplicationName("bc-signed").setApplicationVersion("1")
            .overrideConfigKey("quarkus.hexclave.devservices.enabled", "false")
            .overrideConfigKey("quarkus.security.security-providers", "BC")
            .setRun(false);

    @ProdBuildResults
    ProdModeTestResults results;

    @Test
    void theSignatureStays() throws Exception {
        try (JarFile jar = new JarFile(BouncyCastleUnsignedInPackageTest.packagedBouncyCastle(results.getBuildDir())
                .toFile(), false)) {
            assertThat(jar.stream().map(e -> e.getName()).filter(n -> n.startsWith("META-INF/") && n.endsWith(".SF")))
                    .isNotEmpty();
        }
    }
}
