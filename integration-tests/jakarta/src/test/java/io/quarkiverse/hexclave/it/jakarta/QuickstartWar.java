package io.quarkiverse.hexclave.it.jakarta;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Builds the WAR of the Jakarta EE quickstart from the very files that jakarta-ee.adoc includes
 * ({@code docs/modules/ROOT/examples/jakarta/quickstart}: {@code src/main/java} and {@code src/main/webapp}), as
 * Maven would with the documented dependencies: the sources compiled against the Jakarta EE 10 API (provided) and
 * {@code hexclave-jakarta}, whose runtime jars are the {@code WEB-INF/lib} that Maven packaged into the sample WAR
 * (which has no other dependency). The quickstart's pom.xml must declare exactly these two dependencies.
 * <p>
 * Built here rather than by a nested {@code mvn package} so that the test uses this build's jars even when they are
 * not installed. (A plain {@code mvn package} of the quickstart pom, tried by hand, packages the same jars except
 * transitive versions that this project's BOM manages: slf4j-api 1.7.36 from jose4j instead of 2.0.17, and another
 * error_prone_annotations.)
 */
final class QuickstartWar {

    private QuickstartWar() {
    }

    /** Builds {@code quickstart.war} under {@code dir} and returns it. */
    static Path build(Path dir) {
        Path sources = ServerProcess.requiredFile("hexclave.it.quickstart-pom").getParent();
        Path jakartaApi = ServerProcess.requiredFile("hexclave.it.jakartaee-api");
        Path sampleWar = ServerProcess.requiredFile("hexclave.it.war");
        ServerProcess.deleteTree(dir);
        Path lib = dir.resolve("lib");
        Path classes = dir.resolve("classes");
        try {
            Files.createDirectories(classes);
            List<Path> jars = extractLibraries(sampleWar, lib);
            requireDocumentedDependencies(sources.resolve("pom.xml"), jakartaApi, jars);

            List<String> options = List.of("-d", classes.toString(), "--release", "17", "-proc:none",
                    "-classpath", classpath(jakartaApi, jars));
            List<File> javaFiles;
            try (Stream<Path> files = Files.walk(sources.resolve("src/main/java"))) {
                javaFiles = files.filter(p -> p.toString().endsWith(".java")).map(Path::toFile).toList();
            }
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            StringWriter errors = new StringWriter();
            try (StandardJavaFileManager fileManager = javac.getStandardFileManager(null, null, null)) {
                if (!javac.getTask(errors, fileManager, null, options, null,
                        fileManager.getJavaFileObjectsFromFiles(javaFiles)).call()) {
                    throw new IllegalStateException("The quickstart's sources do not compile:\n" + errors);
                }
            }

            Path war = dir.resolve("quickstart.war");
            try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(war))) {
                addTree(out, sources.resolve("src/main/webapp"), "");
                addTree(out, classes, "WEB-INF/classes/");
                addTree(out, lib, "WEB-INF/lib/");
            }
            return war;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not build the quickstart WAR", e);
        }
    }

    private static List<Path> extractLibraries(Path war, Path lib) throws IOException {
        Files.createDirectories(lib);
        List<Path> jars = new ArrayList<>();
        try (ZipFile zip = new ZipFile(war.toFile())) {
            for (ZipEntry entry : zip.stream().filter(e -> e.getName().startsWith("WEB-INF/lib/") && !e.isDirectory())
                    .toList()) {
                Path jar = lib.resolve(entry.getName().substring("WEB-INF/lib/".length()));
                Files.copy(zip.getInputStream(entry), jar);
                jars.add(jar);
            }
        }
        if (jars.stream().noneMatch(j -> j.getFileName().toString().startsWith("hexclave-jakarta-"))) {
            throw new IllegalStateException("No hexclave-jakarta jar in " + war);
        }
        return jars;
    }

    /**
     * The quickstart's pom.xml (shown by the docs) must declare exactly the dependencies this build uses:
     * hexclave-jakarta in the version whose jars are packaged, and the Jakarta EE API, provided.
     */
    private static void requireDocumentedDependencies(Path pom, Path jakartaApi, List<Path> jars) {
        String apiVersion = versionOf(jakartaApi, "jakarta.jakartaee-api-");
        String hexclaveVersion = jars.stream().map(j -> versionOf(j, "hexclave-jakarta-")).filter(v -> v != null)
                .findFirst().orElseThrow();
        List<String> expected = List.of("io.quarkiverse.hexclave:hexclave-jakarta:" + hexclaveVersion + ":compile",
                "jakarta.platform:jakarta.jakartaee-api:" + apiVersion + ":provided");
        List<String> declared = new ArrayList<>();
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Element project = factory.newDocumentBuilder().parse(pom.toFile()).getDocumentElement();
            NodeList dependencies = project.getElementsByTagName("dependency");
            for (int i = 0; i < dependencies.getLength(); i++) {
                Element d = (Element) dependencies.item(i);
                String scope = text(d, "scope");
                declared.add(text(d, "groupId") + ":" + text(d, "artifactId") + ":" + text(d, "version") + ":"
                        + (scope == null ? "compile" : scope));
            }
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalStateException("Could not read " + pom, e);
        }
        if (!declared.equals(expected)) {
            throw new IllegalStateException("The quickstart's pom.xml declares " + declared + ", the test builds with "
                    + expected + ": update " + pom);
        }
    }

    private static String text(Element parent, String child) {
        NodeList nodes = parent.getElementsByTagName(child);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().trim();
    }

    /** {@code 10.0.0} for {@code jakarta.jakartaee-api-10.0.0.jar} and prefix {@code jakarta.jakartaee-api-}. */
    private static String versionOf(Path jar, String prefix) {
        String name = jar.getFileName().toString();
        return name.startsWith(prefix) && name.endsWith(".jar") ? name.substring(prefix.length(), name.length() - 4) : null;
    }

    private static String classpath(Path jakartaApi, List<Path> jars) {
        StringBuilder cp = new StringBuilder(jakartaApi.toString());
        jars.forEach(j -> cp.append(File.pathSeparatorChar).append(j));
        return cp.toString();
    }

    private static void addTree(ZipOutputStream out, Path root, String prefix) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new ZipEntry(prefix + root.relativize(p).toString().replace(File.separatorChar, '/')));
                Files.copy(p, out);
                out.closeEntry();
            }
        }
    }
}
