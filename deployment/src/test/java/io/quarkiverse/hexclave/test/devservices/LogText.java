package io.quarkiverse.hexclave.test.devservices;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.logging.LogRecord;

import org.jboss.logmanager.ExtLogRecord;

/** Test helpers: a captured log record's text as the log shows it, and a free loopback port. */
final class LogText {

    private LogText() {
    }

    /** The message with its parameters filled in (JBoss Logging's {@code infof} records keep them apart). */
    static String of(LogRecord r) {
        return r instanceof ExtLogRecord e ? e.getFormattedMessage() : String.valueOf(r.getMessage());
    }

    /** A port of 127.0.0.1 that was free a moment ago (bound, then released). */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
