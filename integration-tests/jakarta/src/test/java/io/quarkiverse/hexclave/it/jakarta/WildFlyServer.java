package io.quarkiverse.hexclave.it.jakarta;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.quarkiverse.hexclave.config.ConfigLookup;

/**
 * WildFly (the distribution zip resolved by Maven, unpacked once), set up as a user would: a fresh copy of its
 * {@code standalone/} directory per run, the jboss-cli file of the documentation applied offline
 * ({@code jboss-cli.sh --file=hexclave.cli}, an embedded server), the sample WAR dropped into {@code deployments/}
 * as {@code sample.war}, and the {@code hexclave.*} configuration as {@code HEXCLAVE_*} environment variables, which
 * WildFly's MicroProfile Config reads.
 * <p>
 * {@code standalone.sh} forks the server JVM, so both run in a process group of their own, stopped by its id. Every
 * socket it opens is bound to 127.0.0.1 on a free port: HTTP, HTTPS and management (HTTP; the HTTPS management port
 * is set too though the default configuration does not open it).
 */
final class WildFlyServer {

    private WildFlyServer() {
    }

    /**
     * Starts WildFly with the sample WAR at {@link ServerUnderTest#CONTEXT_ROOT} and each of {@code otherWars} at the
     * context root its file name gives.
     */
    static ServerUnderTest start(Map<String, String> hexclaveConfig, List<Path> otherWars) {
        Path zip = ServerProcess.requiredFile("hexclave.it.wildfly-zip");
        Path cli = ServerProcess.requiredFile("hexclave.it.wildfly-cli");
        Path war = ServerProcess.requiredFile("hexclave.it.war");
        Path runtime = ServerProcess.workDir("wildfly-runtime");
        ServerProcess.unzipOnce(zip, runtime, 700);
        Path home = onlyDirectory(runtime);

        Path dir = ServerProcess.workDir("wildfly");
        ServerProcess.deleteTree(dir);
        ServerProcess.requireFreeSpace(dir, 150, "a WildFly server");
        Path base = dir.resolve("standalone");
        ServerProcess.copyTree(home.resolve("standalone"), base);

        Map<String, String> env = new HashMap<>();
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("JBOSS_HOME", home.toString());
        // The script's own defaults (standalone.conf), plus a quicker start for a short-lived test server.
        env.put("JAVA_OPTS", "-Xms64m -Xmx512m -Djava.net.preferIPv4Stack=true -Djboss.modules.system.pkgs=org.jboss.byteman"
                + " -Djava.awt.headless=true -Xshare:auto -XX:TieredStopAtLevel=1");

        ServerProcess.runInOwnProcessGroup("jboss-cli " + cli.getFileName(),
                List.of("sh", home.resolve("bin/jboss-cli.sh").toString(), "-Djboss.server.base.dir=" + base,
                        "--file=" + cli),
                dir, env, dir.resolve("jboss-cli.log"), Duration.ofSeconds(120));

        // The deployment's name gives the context root.
        try {
            Files.copy(war, base.resolve("deployments").resolve(ServerUnderTest.CONTEXT_ROOT + ".war"));
            for (Path other : otherWars) {
                Files.copy(other, base.resolve("deployments").resolve(other.getFileName()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        hexclaveConfig.forEach((k, v) -> env.put(ConfigLookup.envName(k), v));
        int http = ServerProcess.freePort();
        List<String> command = List.of("sh", home.resolve("bin/standalone.sh").toString(),
                "-b", "127.0.0.1", "-bmanagement", "127.0.0.1",
                "-Djboss.server.base.dir=" + base,
                "-Djboss.http.port=" + http,
                "-Djboss.https.port=" + ServerProcess.freePort(),
                "-Djboss.management.http.port=" + ServerProcess.freePort(),
                "-Djboss.management.https.port=" + ServerProcess.freePort());
        ServerProcess process = ServerProcess.startInOwnProcessGroup("WildFly", command, dir, env,
                dir.resolve("console.log"), List.of(base.resolve("log/server.log")));
        ServerUnderTest server = new ServerUnderTest("WildFly", process, http);
        List<String> deployed = new ArrayList<>(List.of("WFLYSRV0010: Deployed \"" + ServerUnderTest.CONTEXT_ROOT + ".war\""));
        otherWars.forEach(w -> deployed.add("WFLYSRV0010: Deployed \"" + w.getFileName() + "\""));
        process.awaitLog(log -> log.contains("WFLYSRV0025") && deployed.stream().allMatch(log::contains),
                log -> log.contains("WFLYSRV0026") || log.contains("WFLYCTL0186") || log.contains("WFLYSRV0021"),
                Duration.ofSeconds(180));
        return server;
    }

    private static Path onlyDirectory(Path runtime) {
        try (var entries = Files.list(runtime)) {
            List<Path> dirs = entries.filter(Files::isDirectory).toList();
            if (dirs.size() != 1) {
                throw new IllegalStateException("Expected one WildFly directory in " + runtime + ", found " + dirs);
            }
            return dirs.get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
