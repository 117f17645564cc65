package io.quarkiverse.hexclave.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java examples included in {@code docs/modules/ROOT/pages/client.adoc} and {@code cli-login.adoc} compile
 * against the current API, so the docs cannot drift from it.
 */
class DocsExamplesCompileTest {

    static final Path EXAMPLES = Path.of("..", "docs", "modules", "ROOT", "examples", "client");

    @Test
    void clientAndCliExamplesCompile(@TempDir Path out) throws IOException {
        List<Path> sources;
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            sources = files.filter(p -> p.toString().endsWith(".java")).toList();
        }
        assertThat(sources).extracting(p -> p.getFileName().toString())
                .contains("ClientExamples.java", "CliLoginExample.java");

        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        StringWriter diagnostics = new StringWriter();
        try (StandardJavaFileManager fm = compiler.getStandardFileManager(null, null, null)) {
            Boolean ok = compiler.getTask(diagnostics, fm, null,
                    List.of("-classpath", System.getProperty("java.class.path"), "-d", out.toString(), "-Xlint:none",
                            "-proc:none"),
                    null, fm.getJavaFileObjectsFromPaths(sources)).call();
            assertThat(ok).as(diagnostics.toString()).isTrue();
        }
    }
}
