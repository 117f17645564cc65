package io.quarkiverse.hexclave.it.jakarta;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The Jakarta EE quickstart that {@link WildFlyIT} builds and runs is the one readers see: jakarta-ee.adoc includes
 * each of its files (and the WildFly jboss-cli file) rather than a copy, and the README's excerpt matches the source.
 */
class QuickstartDocsTest {

    private static final Path REPOSITORY = Path.of("../..").toAbsolutePath().normalize();
    private static final Path EXAMPLES = REPOSITORY.resolve("docs/modules/ROOT/examples");
    private static final Path QUICKSTART = EXAMPLES.resolve("jakarta/quickstart");

    @Test
    void jakartaPageIncludesEveryQuickstartFileAndTheWildFlyCliFile() throws IOException {
        String page = Files.readString(REPOSITORY.resolve("docs/modules/ROOT/pages/jakarta-ee.adoc"));
        List<Path> files;
        try (Stream<Path> walk = Files.walk(QUICKSTART)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(4);
        for (Path file : files) {
            assertThat(page).contains("include::example$" + EXAMPLES.relativize(file).toString().replace('\\', '/') + "[]");
        }
        assertThat(page).contains("include::example$jakarta/wildfly/hexclave.cli[]");
    }

    @Test
    void readmeShowsTheQuickstartResourceAsWrittenAndTheInstallStep() throws IOException {
        String readme = Files.readString(REPOSITORY.resolve("README.md"));
        String hello = Files.readString(QUICKSTART.resolve("src/main/java/com/example/hello/Hello.java"));
        assertThat(readme).contains(hello.substring(hello.indexOf("@Path(")));
        String page = Files.readString(REPOSITORY.resolve("docs/modules/ROOT/pages/jakarta-ee.adoc"));
        String install = "./mvnw -B install -DskipTests -pl jakarta -am";
        assertThat(page).contains(install);
        assertThat(readme).contains(install);
    }
}
