package io.quarkiverse.hexclave;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.quarkiverse.hexclave.client.HexclaveClient;

/**
 * No class of core's main code carries a Jackson annotation. An application server scans the deployment's jars (an
 * annotation index, which sees every annotation in a class file) and WildFly switches JSON-B off for the whole
 * application when it finds one (WFLYRS0018); the wire names are mapped in the client's package-private JSON mapper
 * instead. The check reads the class files as the index would: any annotation type descriptor of Jackson's annotation
 * packages in the constant pool fails it.
 */
class NoJacksonAnnotationsTest {

    private static final List<String> ANNOTATION_PACKAGES = List.of("Lcom/fasterxml/jackson/annotation/",
            "Lcom/fasterxml/jackson/databind/annotation/", "Lorg/codehaus/jackson/annotate/",
            "Lorg/codehaus/jackson/map/annotate/");

    @Test
    void mainClassesCarryNoJacksonAnnotation() throws IOException, URISyntaxException {
        Path classes = Path.of(HexclaveClient.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertThat(classes).isDirectory();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(classes)) {
            files = walk.filter(p -> p.toString().endsWith(".class")).toList();
        }
        assertThat(files).as("class files of core").hasSizeGreaterThan(50);

        List<String> offenders = files.stream().filter(NoJacksonAnnotationsTest::mentionsJacksonAnnotation)
                .map(p -> classes.relativize(p).toString()).toList();

        assertThat(offenders).as("classes with Jackson annotations (map wire names in client/Json instead)").isEmpty();
    }

    @Test
    void theCheckSeesAnAnnotatedClass() throws IOException {
        byte[] annotated;
        try (var in = Annotated.class.getResourceAsStream("NoJacksonAnnotationsTest$Annotated.class")) {
            annotated = in.readAllBytes();
        }
        assertThat(mentionsJacksonAnnotation(annotated)).isTrue();
    }

    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
    record Annotated(String id) {
    }

    private static boolean mentionsJacksonAnnotation(Path file) {
        try {
            return mentionsJacksonAnnotation(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static boolean mentionsJacksonAnnotation(byte[] classFile) {
        String text = new String(classFile, StandardCharsets.ISO_8859_1);
        return ANNOTATION_PACKAGES.stream().anyMatch(text::contains);
    }
}
