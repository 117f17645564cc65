package io.quarkiverse.hexclave.deployment.packaging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import io.quarkiverse.hexclave.deployment.HexclaveEnabled;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.BuildSteps;
import io.quarkus.deployment.builditem.RemovedResourceBuildItem;
import io.quarkus.deployment.pkg.builditem.CurateOutcomeBuildItem;
import io.quarkus.maven.dependency.ResolvedDependency;

/**
 * Leaves BouncyCastle's jar signature out of the packaged application.
 * <p>
 * {@code bcprov} is a signed jar. A JVM opening a signed jar checks its signature and parses its 880 KB manifest of
 * per-entry digests when the first class loads from it: measured on JDK 17, about 200 ms and 20 MB of short-lived
 * allocation at start-up (which grows the heap the JVM keeps), for nothing the verifier needs: it uses BouncyCastle's
 * lightweight API, not its JCA provider, and the jar's integrity was checked when Maven resolved it. Quarkus' uber-jar
 * drops every jar's signature the same way. The signature is kept when the application registers a BouncyCastle JCA
 * provider ({@code quarkus.security.security-providers}), because a JDK may require a signed JCA provider.
 */
@BuildSteps(onlyIf = HexclaveEnabled.class)
class BouncyCastleSignatureProcessor {

    private static final Logger LOG = Logger.getLogger(BouncyCastleSignatureProcessor.class);

    @BuildStep
    void leaveOutTheSignature(CurateOutcomeBuildItem curate, BuildProducer<RemovedResourceBuildItem> removed) {
        if (bouncyCastleProviderRegistered()) {
            return;
        }
        for (ResolvedDependency dependency : curate.getApplicationModel().getRuntimeDependencies()) {
            if (!"org.bouncycastle".equals(dependency.getGroupId())
                    || !dependency.getArtifactId().startsWith("bcprov")) {
                continue;
            }
            Set<String> signature = new TreeSet<>();
            for (Path path : dependency.getResolvedPaths()) {
                signature.addAll(signatureFiles(path));
            }
            if (!signature.isEmpty()) {
                LOG.debugf("Leaving the signature %s of %s out of the packaged application", signature,
                        dependency.getKey());
                removed.produce(new RemovedResourceBuildItem(dependency.getKey(), signature));
            }
        }
    }

    /** Whether {@code quarkus.security.security-providers} names a BouncyCastle provider (BC, BCJSSE, BCFIPS …). */
    static boolean bouncyCastleProviderRegistered() {
        return ConfigProvider.getConfig().getOptionalValues("quarkus.security.security-providers", String.class)
                .orElse(List.of()).stream().anyMatch(name -> name.strip().toUpperCase(Locale.ROOT).startsWith("BC"));
    }

    /** The signature block files of a jar: {@code META-INF/*.SF}, {@code .RSA}, {@code .DSA}, {@code .EC}. */
    static Set<String> signatureFiles(Path jar) {
        Set<String> names = new TreeSet<>();
        if (!Files.isRegularFile(jar)) {
            return names;
        }
        try (JarFile file = new JarFile(jar.toFile(), false)) {
            file.stream().map(JarEntry::getName).filter(BouncyCastleSignatureProcessor::isSignatureFile)
                    .forEach(names::add);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + jar, e);
        }
        return names;
    }

    static boolean isSignatureFile(String name) {
        if (!name.startsWith("META-INF/") || name.indexOf('/', "META-INF/".length()) >= 0) {
            return false;
        }
        String upper = name.toUpperCase(Locale.ROOT);
        return upper.endsWith(".SF") || upper.endsWith(".RSA") || upper.endsWith(".DSA") || upper.endsWith(".EC");
    }
}
