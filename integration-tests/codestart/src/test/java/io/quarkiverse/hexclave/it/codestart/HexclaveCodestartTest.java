package io.quarkiverse.hexclave.it.codestart;

import static io.quarkus.devtools.codestarts.quarkus.QuarkusCodestartCatalog.Language.JAVA;
import static io.quarkus.devtools.testing.SnapshotTesting.checkContains;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.devtools.codestarts.quarkus.QuarkusCodestartData.QuarkusDataKey;
import io.quarkus.devtools.testing.codestarts.QuarkusCodestartTest;

/**
 * The codestart, as {@code quarkus create app -x io.quarkiverse.hexclave:quarkus-hexclave} applies it: the extension
 * and its metadata come from this build, the Quarkus catalog from {@code io.quarkus:quarkus-bom}. The generated files
 * are checked, then the generated project is built by its own Maven wrapper ({@code mvnw -B package}), which runs the
 * generated {@code @QuarkusTest} against the Dev Services emulator.
 * <p>
 * That build resolves this build's artifacts from the repository the POM's {@code install-for-codestart} execution
 * fills ({@code target/codestart-repository}), so it needs no prior {@code install}; the user's local repository
 * serves it what it already holds (see {@code codestart-settings.xml}), Maven Central the rest.
 */
class HexclaveCodestartTest {

    static {
        // Before the extension below resolves anything: the codestart tooling and the generated build use these.
        System.setProperty("maven.repo.local", required("codestart.repository"));
        System.setProperty("maven.settings", required("codestart.settings"));
    }

    @RegisterExtension
    static QuarkusCodestartTest codestart = QuarkusCodestartTest.builder()
            .setupStandaloneExtensionTest("io.quarkiverse.hexclave:quarkus-hexclave")
            .languages(JAVA)
            // The generated tests listen on a free port (the default 8081 may be taken on a shared machine).
            .putData(QuarkusDataKey.APP_CONFIG, Map.of("quarkus.http.test-port", "0"))
            .build();

    @Test
    void generatesASecuredEndpointAndItsTest() throws Throwable {
        codestart.assertThatGeneratedFile(JAVA, "src/main/java/ilove/quark/us/HexclaveResource.java")
                .satisfies(checkContains("package ilove.quark.us;"))
                .satisfies(checkContains("@Authenticated"))
                .satisfies(checkContains("@HexclaveUser"))
                .satisfies(checkContains("@Path(\"/hexclave\")"));
        codestart.assertThatGeneratedFile(JAVA, "src/test/java/ilove/quark/us/HexclaveResourceTest.java")
                .satisfies(checkContains("@TestHexclaveUser(displayName = \"Ada Lovelace\")"))
                .satisfies(checkContains("statusCode(401)"));
    }

    @Test
    void addsTheExtensionTheRestStackAndTheTestArtifactAndConfiguresNothingButTheDemoPath() throws Throwable {
        codestart.assertThatGeneratedFile(JAVA, "pom.xml")
                .satisfies(checkContains("<artifactId>quarkus-hexclave</artifactId>"))
                .satisfies(checkContains("<artifactId>quarkus-rest</artifactId>"))
                .satisfies(checkContains("<artifactId>quarkus-hexclave-testing</artifactId>"))
                .satisfies(checkContains("<artifactId>rest-assured</artifactId>"));
        Path config = codestart.getProjectWithRealDataDir(JAVA).resolve("src/main/resources/application.properties");
        assertThat(Files.readAllLines(config)).filteredOn(line -> line.startsWith("quarkus.hexclave"))
                .containsExactly("quarkus.hexclave.devservices.demo-request-path=/hexclave");
        codestart.assertThatGeneratedFile(JAVA, "README.md")
                .satisfies(checkContains("`HexclaveResource` answers `GET /hexclave`"));
    }

    @Test
    void theGeneratedProjectBuildsAndItsTestsPass() throws Throwable {
        codestart.buildAllProjects();
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException(property + " is unset: run this test from Maven (the module's POM sets it)");
        }
        return value;
    }
}
