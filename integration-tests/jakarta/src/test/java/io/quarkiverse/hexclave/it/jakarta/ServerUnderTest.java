package io.quarkiverse.hexclave.it.jakarta;

/**
 * A Jakarta EE server started by a test, with the sample WAR deployed at {@link #CONTEXT_ROOT}, listening on 127.0.0.1
 * only. Closing it stops the server process (by PID) and waits for it to end. {@link OpenLibertyServer} and
 * {@link PayaraMicroServer} and {@link WildFlyServer} start one.
 */
final class ServerUnderTest implements AutoCloseable {

    /** Where every server deploys the sample WAR. */
    static final String CONTEXT_ROOT = "sample";

    private final String name;
    private final ServerProcess process;
    private final int port;

    ServerUnderTest(String name, ServerProcess process, int port) {
        this.name = name;
        this.process = process;
        this.port = port;
    }

    /** A short name for messages: {@code Open Liberty}, {@code Payara Micro} … */
    String name() {
        return name;
    }

    /** {@code http://127.0.0.1:<port>/<context-root>}, without a trailing slash. */
    String baseUri() {
        return baseUri(CONTEXT_ROOT);
    }

    /** The base URI of another application deployed on the same server. */
    String baseUri(String contextRoot) {
        return "http://127.0.0.1:" + port + "/" + contextRoot;
    }

    /** The last lines of the server's log, for assertion messages. */
    String logTail() {
        return process.logTail();
    }

    /** The server's whole log so far (console output and log files). */
    String log() {
        return process.log();
    }

    @Override
    public void close() {
        process.stop();
    }
}
