package io.quarkiverse.hexclave.test.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.jar.JarFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.ProdBuildResults;
import io.quarkus.test.ProdModeTestResults;
import io.quarkus.test.QuarkusProdModeTest;

/** An application registering BouncyCastle as a JCA provider keeps its jar signature (a JDK may require it). */
class BouncyCastleSignedWhenItIsAProviderTest {

    @RegisterExtension
    static final QuarkusProdModeTest app = BouncyCastleUnsignedInPackageTest.packaged("bc-signed")
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
