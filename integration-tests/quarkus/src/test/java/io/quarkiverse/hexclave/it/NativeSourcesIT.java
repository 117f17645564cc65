package io.quarkiverse.hexclave.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reads the native-image inputs that the {@code native-sources} build of this module wrote (no GraalVM is needed to
 * write them) and checks the extension's registrations: reflection for the client's JSON model and the config
 * classes, and HTTPS support for the JWKS and API calls.
 */
class NativeSourcesIT {

    static Path dir;
    static String reflectConfig;
    static String nativeImageArgs;

    @BeforeAll
    static void readNativeSources() throws IOException {
        dir = Path.of(System.getProperty("native.sources.dir", "target/native-sources"));
        assertThat(dir).as("native sources written by the package phase").isDirectory();
        nativeImageArgs = Files.readString(dir.resolve("native-image.args"));
        Path runner;
        try (Stream<Path> files = Files.list(dir)) {
            runner = files.filter(f -> f.getFileName().toString().endsWith("-runner.jar")).findFirst().orElseThrow();
        }
        try (JarFile jar = new JarFile(runner.toFile());
                InputStream in = jar.getInputStream(jar.getEntry("META-INF/native-image/reflect-config.json"))) {
            reflectConfig = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void clientModelIsRegisteredForReflection() {
        assertThat(reflectConfig)
                .contains("\"name\":\"io.quarkiverse.hexclave.client.model.User\"")
                .contains("\"name\":\"io.quarkiverse.hexclave.client.model.User$RestrictedReason\"")
                .contains("\"name\":\"io.quarkiverse.hexclave.client.model.Session\"")
                .contains("\"name\":\"io.quarkiverse.hexclave.client.model.TeamPermission\"")
                .contains("\"name\":\"io.quarkiverse.hexclave.client.model.UserPage\"");
    }

    @Test
    void configClassesAreRegisteredForReflection() {
        assertThat(reflectConfig)
                .contains("\"name\":\"io.quarkiverse.hexclave.runtime.HexclaveConfig\"")
                .contains("\"name\":\"io.quarkiverse.hexclave.runtime.internal.HexclaveConfigFallback\"");
    }

    @Test
    void configuredJcaProviderIsRegistered() {
        // quarkus.hexclave.jca-provider=SunEC in this application: without it, no SunEC class is registered.
        assertThat(reflectConfig).contains("\"name\":\"sun.security.ec.SunEC\"");
    }

    @Test
    void httpsIsEnabledForCallsToHexclave() {
        assertThat(nativeImageArgs).contains("--enable-url-protocols=http,https");
    }

    @Test
    void noTestKeyOrSecretEndsUpInTheImage() {
        assertThat(nativeImageArgs).doesNotContain("ssk_").doesNotContain("PRIVATE KEY");
    }
}
