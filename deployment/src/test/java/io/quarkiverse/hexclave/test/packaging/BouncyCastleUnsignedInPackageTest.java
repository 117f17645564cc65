package io.quarkiverse.hexclave.test.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.hexclave.test.GreetingEndpoint;
import io.quarkiverse.hexclave.test.SharedEmulator;
import io.quarkus.test.ProdBuildResults;
import io.quarkus.test.ProdModeTestResults;
import io.quarkus.test.QuarkusProdModeTest;

/**
 * The packaged application (fast-jar) carries BouncyCastle without its jar signature, and verifies tokens with it:
 * the signature check would cost about 200 ms and 20 MB at start-up for nothing the verifier uses.
 */
class BouncyCastleUnsignedInPackageTest {

    @RegisterExtension
    static final QuarkusProdModeTest app = packaged("bc-unsigned")
            .setRuntimeProperties(Map.of("quarkus.http.host", "127.0.0.1", "quarkus.http.port", "0",
                    "quarkus.hexclave.api-url", SharedEmulator.apiUrl(),
                    "quarkus.hexclave.project-id", SharedEmulator.projectId()))
            .setRun(true);

    /** A fast-jar application of the shared greeting endpoint, with quarkus-rest. */
    static QuarkusProdModeTest packaged(String name) {
        return new QuarkusProdModeTest()
                .withApplicationRoot(jar -> jar.addClasses(GreetingEndpoint.class))
                .setForcedDependencies(java.util.List.of(io.quarkus.maven.dependency.Dependency.of("io.quarkus",
                        "quarkus-rest", io.quarkus.builder.Version.getVersion())))
                .setApplicationName(name).setApplicationVersion("1")
                .overrideConfigKey("quarkus.hexclave.devservices.enabled", "false");
    }

    @ProdBuildResults
    ProdModeTestResults results;

    @Test
    void thePackagedBouncyCastleJarHasNoSignatureAndStillVerifiesTokens() throws Exception {
        Path bcprov = packagedBouncyCastle(results.getBuildDir());
        try (JarFile jar = new JarFile(bcprov.toFile(), false)) {
            assertThat(jar.stream().map(e -> e.getName()).filter(n -> n.startsWith("META-INF/")
                    && (n.endsWith(".SF") || n.endsWith(".RSA") || n.endsWith(".DSA") || n.endsWith(".EC"))))
                    .as("signature files").isEmpty();
            assertThat(jar.getEntry("org/bouncycastle/crypto/signers/ECDSASigner.class")).isNotNull();
        }

        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port() + "/greet"))
                .header("Authorization", "Bearer " + SharedEmulator.normalToken()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(app.getStartupConsoleOutput()).isEqualTo(200);
        assertThat(answer.body()).startsWith("hello ");
    }

    static Path packagedBouncyCastle(Path buildDir) throws Exception {
        try (Stream<Path> files = Files.walk(buildDir.resolve("quarkus-app/lib"))) {
            return files.filter(p -> p.getFileName().toString().startsWith("org.bouncycastle.bcprov")).findFirst()
                    .orElseThrow(() -> new AssertionError("no bcprov jar in " + buildDir));
        }
    }

    private int port() {
        Matcher m = Pattern.compile("Listening on: http://127\\.0\\.0\\.1:(\\d+)").matcher(app.getStartupConsoleOutput());
        assertThat(m.find()).as("the start-up log names the port").isTrue();
        return Integer.parseInt(m.group(1));
    }
}
