package io.quarkiverse.hexclave.it.jakarta;

/**
 * A Jakarta EE server started by a test, with the sample WAR deployed, listening on 127.0.0.1 only. Closing it stops
 * the server process (by PID) and waits for it to end.
 */
interface ServerUnderTest extends AutoCloseable {

    /** A short name for messages: {@code Open Liberty}, {@code Payara Micro} … */
    String name();

    /** {@code http://127.0.0.1:<port>/<context-root>}, without a trailing slash. */
    String baseUri();

    /** The last lines of the server's log, for assertion messages. */
    String logTail();

    /** The server's whole log so far (console output and log files). */
    String log();

    @Override
    void close();
}
