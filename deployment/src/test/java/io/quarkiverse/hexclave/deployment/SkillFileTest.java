package io.quarkiverse.hexclave.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The AI skill file ships where the Quarkus tooling looks for it (the deployment jar's
 * {@code META-INF/quarkus-skill.md}), and claims nothing the documentation does not: every configuration key it
 * names is in the generated reference, every type and annotation it names is on a documentation page.
 */
class SkillFileTest {

    private static final Path DOCS = Path.of("..", "docs", "modules", "ROOT", "pages");

    @Test
    void skillFileIsShippedAndNamesOnlyDocumentedKeysAndTypes() throws IOException {
        String skill = skill();
        assertThat(skill).startsWith("# ").contains("quarkus-hexclave-testing");

        String reference = Files.readString(DOCS.resolve("includes").resolve("quarkus-hexclave.adoc"));
        Set<String> keys = matches(Pattern.compile("quarkus\\.hexclave\\.([a-z0-9-]+(?:\\.[a-z0-9-]+)*)"), skill);
        assertThat(keys).isNotEmpty();
        for (String key : keys) {
            assertThat(reference).as("quarkus.hexclave.%s in the configuration reference", key)
                    .contains("`+++quarkus.hexclave." + key + "+++`");
        }

        String pages;
        try (Stream<Path> files = Files.list(DOCS)) {
            pages = files.filter(p -> p.toString().endsWith(".adoc")).map(SkillFileTest::read)
                    .collect(Collectors.joining("\n"));
        }
        Set<String> types = matches(Pattern.compile("(?<![\\w.])@?((?:Hexclave|CurrentHexclave|SelectedTeam|Allow|Test"
                + "Hexclave)[A-Za-z]*)"), skill);
        assertThat(types).contains("HexclaveClient", "TestHexclaveUser", "AllowRestrictedUsers");
        for (String type : types) {
            assertThat(pages).as("%s on a documentation page", type).contains(type);
        }
    }

    private static String skill() throws IOException {
        try (InputStream in = SkillFileTest.class.getClassLoader().getResourceAsStream("META-INF/quarkus-skill.md")) {
            assertThat(in).as("META-INF/quarkus-skill.md on the deployment module's class path").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Set<String> matches(Pattern pattern, String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
