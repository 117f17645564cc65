package io.quarkiverse.hexclave.it.jakarta;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.quarkiverse.hexclave.config.ConfigLookup;

/**
 * Open Liberty (the full runtime zip resolved by Maven), started with {@code bin/server run}, which execs the
 * server JVM, so the process we hold is the server and is stopped by its PID.
 * <p>
 * Two ways of handing over the {@code hexclave.*} configuration, so both reach the application through MicroProfile
 * Config: {@code <variable>} elements of server.xml, or {@code HEXCLAVE_*} variables in server.env.
 */
final class OpenLibertyServer {

    enum ConfigRoute {
        SERVER_XML_VARIABLES, SERVER_ENV
    }

    private OpenLibertyServer() {
    }

    /**
     * Starts a server named {@code variant} with the sample WAR.
     *
     * @param mpJwt also enable Liberty's own MicroProfile JWT feature
     * @param otherWars more applications, each at the context root its file name gives
     */
    static ServerUnderTest start(String variant, Map<String, String> hexclaveConfig, ConfigRoute route, boolean mpJwt,
            List<Path> otherWars) {
        Path zip = ServerProcess.requiredFile("hexclave.it.liberty-zip");
        Path war = ServerProcess.requiredFile("hexclave.it.war");
        Path runtime = ServerProcess.workDir("liberty-runtime");
        ServerProcess.unzipOnce(zip, runtime, 600);
        Path wlp = runtime.resolve("wlp");

        Path userDir = ServerProcess.workDir(variant);
        ServerProcess.deleteTree(userDir);
        ServerProcess.requireFreeSpace(userDir, 150, "an Open Liberty server");
        Path serverDir = userDir.resolve("servers/hexclave");
        int port = ServerProcess.freePort();

        StringBuilder xml = new StringBuilder()
                .append("<server description=\"Hexclave sample\">\n")
                .append("  <featureManager>\n")
                .append("    <feature>webProfile-10.0</feature>\n")
                .append("    <feature>mpConfig-3.1</feature>\n");
        if (mpJwt) {
            xml.append("    <feature>mpJwt-2.1</feature>\n");
        }
        xml.append("  </featureManager>\n")
                .append("  <httpEndpoint id=\"defaultHttpEndpoint\" host=\"127.0.0.1\" httpPort=\"").append(port)
                .append("\" httpsPort=\"-1\"/>\n")
                .append("  <webApplication location=\"").append(war).append("\" contextRoot=\"/").append(ServerUnderTest.CONTEXT_ROOT)
                .append("\"/>\n");
        for (Path other : otherWars) {
            xml.append("  <webApplication location=\"").append(other).append("\" contextRoot=\"/")
                    .append(appName(other)).append("\"/>\n");
        }
        xml.append("  <applicationManager autoExpand=\"true\"/>\n");
        // With mpJwt, no <mpJwt> element: Liberty's defaults. (Measured: the same results with
        // <mpJwt ignoreApplicationAuthMethod="false"/>, which the docs recommend when other apps configure mpJwt.)
        if (route == ConfigRoute.SERVER_XML_VARIABLES) {
            hexclaveConfig.forEach((k, v) -> xml.append("  <variable name=\"").append(k).append("\" value=\"")
                    .append(escapeXml(v)).append("\"/>\n"));
        }
        xml.append("</server>\n");
        ServerProcess.write(serverDir.resolve("server.xml"), xml.toString());
        if (route == ConfigRoute.SERVER_ENV) {
            ServerProcess.write(serverDir.resolve("server.env"), hexclaveConfig.entrySet().stream()
                    .map(e -> ConfigLookup.envName(e.getKey()) + "=" + e.getValue()).collect(Collectors.joining("\n", "", "\n")));
        }
        ServerProcess.write(serverDir.resolve("jvm.options"), "-Xshare:auto\n-XX:TieredStopAtLevel=1\n");

        Path output = userDir.resolve("console.log");
        ServerProcess process = ServerProcess.start("Open Liberty (" + variant + ")",
                List.of("sh", wlp.resolve("bin/server").toString(), "run", "hexclave"), userDir,
                Map.of("WLP_USER_DIR", userDir.toString(), "JAVA_HOME", System.getProperty("java.home"),
                        "JVM_ARGS", ""),
                output, List.of(serverDir.resolve("logs/messages.log")));
        ServerUnderTest server = new ServerUnderTest("Open Liberty" + (mpJwt ? " + mpJwt" : ""), process, port);
        process.awaitLog(log -> log.contains("CWWKF0011I") && log.contains("CWWKZ0001I")
                && otherWars.stream().allMatch(w -> log.contains("CWWKZ0001I: Application " + appName(w) + " started")),
                log -> log.contains("CWWKZ0002E") || log.contains("CWWKZ0004E") || log.contains("CWWKZ0012I")
                        || log.contains("CWWKF0001E"),
                Duration.ofSeconds(90));
        return server;
    }

    /** {@code quickstart} for {@code quickstart.war}: Liberty's application name, used as context root too. */
    private static String appName(Path war) {
        String file = war.getFileName().toString();
        return file.substring(0, file.length() - ".war".length());
    }

    private static String escapeXml(String v) {
        return v.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
    }
}
