package io.quarkiverse.hexclave.jakarta.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** Every key the Jakarta adapter reads has a row (key, default, meaning) in a key table of {@code jakarta-ee.adoc}. */
class DocumentedKeysTest {

    static final Path GUIDE = Path.of("..", "docs", "modules", "ROOT", "pages", "jakarta-ee.adoc");

    @Test
    void everyKeyHasATableRow() throws IOException {
        List<String> rows = Files.readAllLines(GUIDE).stream().filter(line -> line.startsWith("|`hexclave."))
                .collect(Collectors.toList());

        for (String key : ConfigKeyReport.JAKARTA) {
            assertThat(rows).as("a table row of %s for hexclave.%s", GUIDE, key)
                    .anyMatch(row -> row.contains("`hexclave." + key + "`"));
        }
        for (String key : ConfigKeyReport.QUARKUS_ONLY) {
            assertThat(rows).as("hexclave.%s is Quarkus-only: no row", key)
                    .noneMatch(row -> row.contains("`hexclave." + key + "`"));
        }
    }
}
