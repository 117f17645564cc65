package io.quarkiverse.hexclave.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import io.quarkiverse.hexclave.runtime.HexclaveConfig;
import io.quarkiverse.hexclave.runtime.internal.HexclaveConfigFallback;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.BuildSteps;
import io.quarkus.deployment.builditem.ExtensionSslNativeSupportBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveClassBuildItem;
import io.quarkus.deployment.pkg.steps.NativeOrNativeSourcesBuild;
import io.quarkus.security.deployment.JCAProviderBuildItem;

/**
 * Native-image registrations: TLS for calls to Hexclave, the configured JCA provider, and reflection for the
 * client's JSON model (Jackson binds it reflectively).
 */
@BuildSteps(onlyIf = HexclaveEnabled.class)
class HexclaveNativeProcessor {

    /** The client's JSON records (users, sessions, teams, errors …), registered as a whole package. */
    static final String CLIENT_MODEL_PACKAGE = "io.quarkiverse.hexclave.client.model";

    /** JWKS and API calls go to Hexclave over HTTPS. */
    @BuildStep
    ExtensionSslNativeSupportBuildItem enableSslInNative() {
        return new ExtensionSslNativeSupportBuildItem(HexclaveProcessor.FEATURE);
    }

    /** The provider named by {@code quarkus.hexclave.jca-provider}, if any. */
    @BuildStep
    JCAProviderBuildItem registerJcaProvider(HexclaveBuildTimeConfig config) {
        return config.jcaProvider().map(String::strip).filter(p -> !p.isEmpty()).map(JCAProviderBuildItem::new)
                .orElse(null);
    }

    /** Jackson reads and writes the client model reflectively: constructors, accessors and fields. */
    @BuildStep(onlyIf = NativeOrNativeSourcesBuild.class)
    void registerClientModel(BuildProducer<ReflectiveClassBuildItem> reflective) {
        List<String> classes = classesInPackage(CLIENT_MODEL_PACKAGE);
        if (!classes.isEmpty()) {
            reflective.produce(ReflectiveClassBuildItem.builder(classes).constructors().methods().fields()
                    .reason(HexclaveNativeProcessor.class.getName()).build());
        }
    }

    /** The config mapping and its fallback are built reflectively by SmallRye Config. */
    @BuildStep(onlyIf = NativeOrNativeSourcesBuild.class)
    ReflectiveClassBuildItem registerConfigClasses() {
        return ReflectiveClassBuildItem.builder(HexclaveConfigFallback.class, HexclaveConfig.class)
                .constructors().methods().reason(HexclaveNativeProcessor.class.getName()).build();
    }

    /** Every class (nested ones included) directly in {@code packageName}, from jars and class directories. */
    static List<String> classesInPackage(String packageName) {
        String path = packageName.replace('.', '/');
        TreeSet<String> names = new TreeSet<>();
        try {
            Enumeration<URL> roots = Thread.currentThread().getContextClassLoader().getResources(path);
            while (roots.hasMoreElements()) {
                URL url = roots.nextElement();
                if ("jar".equals(url.getProtocol())) {
                    URLConnection connection = url.openConnection();
                    connection.setUseCaches(false);
                    try (JarFile jar = ((JarURLConnection) connection).getJarFile()) {
                        Enumeration<JarEntry> entries = jar.entries();
                        while (entries.hasMoreElements()) {
                            addClass(names, path, entries.nextElement().getName());
                        }
                    }
                } else if ("file".equals(url.getProtocol())) {
                    Path dir = Path.of(url.toURI());
                    try (Stream<Path> files = Files.list(dir)) {
                        files.forEach(f -> addClass(names, path, path + "/" + f.getFileName()));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the classes of " + packageName, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Cannot list the classes of " + packageName, e);
        }
        return List.copyOf(names);
    }

    private static void addClass(TreeSet<String> names, String path, String entry) {
        if (entry.startsWith(path + "/") && entry.endsWith(".class") && entry.indexOf('/', path.length() + 1) < 0
                && !entry.endsWith("package-info.class")) {
            names.add(entry.substring(0, entry.length() - ".class".length()).replace('/', '.'));
        }
    }
}
