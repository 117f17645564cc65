package io.quarkiverse.hexclave.it.jakarta;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Payara Micro ({@code java -jar payara-micro.jar}, resolved by Maven), with the HTTP listener bound to 127.0.0.1,
 * clustering off, a fresh root directory per run, and the {@code hexclave.*} configuration as system properties
 * ({@code --systemproperties}), which Payara's MicroProfile Config reads.
 */
final class PayaraMicroServer {

    private PayaraMicroServer() {
    }

    /** Starts Payara Micro with the sample WAR and {@code otherWars}, each at the context root its file name gives. */
    static ServerUnderTest start(Map<String, String> hexclaveConfig, List<Path> otherWars) {
        Path jar = ServerProcess.requiredFile("hexclave.it.payara-jar");
        Path war = ServerProcess.requiredFile("hexclave.it.war");
        Path dir = ServerProcess.workDir("payara");
        ServerProcess.deleteTree(dir);
        ServerProcess.requireFreeSpace(dir, 400, "Payara Micro");
        int port = ServerProcess.freePort();

        Path properties = dir.resolve("hexclave.properties");
        ServerProcess.write(properties, hexclaveConfig.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue().replace("\\", "\\\\")).collect(Collectors.joining("\n", "", "\n")));
        Path preboot = dir.resolve("preboot.asadmin");
        ServerProcess.write(preboot, "set configs.config.server-config.network-config.network-listeners.network-listener"
                + ".http-listener.address=127.0.0.1\n");

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-jar",
                jar.toString(), "--nocluster", "--disablephonehome", "--port", String.valueOf(port),
                "--deploy", war.toString(), "--contextroot", ServerUnderTest.CONTEXT_ROOT,
                "--prebootcommandfile", preboot.toString(),
                "--systemproperties", properties.toString(),
                "--rootdir", dir.resolve("root").toString()));
        for (Path other : otherWars) {
            command.add("--deploy");
            command.add(other.toString());
        }
        ServerProcess process = ServerProcess.start("Payara Micro", command, dir, Map.of(), dir.resolve("console.log"),
                List.of());
        ServerUnderTest server = new ServerUnderTest("Payara Micro", process, port);
        process.awaitLog(log -> log.contains("ready in"),
                log -> log.contains("Exception while loading the app") || log.contains("Failed to deploy"),
                Duration.ofSeconds(120));
        return server;
    }
}
