package io.quarkiverse.hexclave.testsupport;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Captures every record (down to DEBUG/FINEST) logged under {@code io.quarkiverse.hexclave} while open. JBoss Logging
 * delegates to java.util.logging in plain unit tests.
 */
public final class CapturedLogs extends Handler implements AutoCloseable {

    private final Logger logger = Logger.getLogger("io.quarkiverse.hexclave");
    private final Level previous;
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();

    public CapturedLogs() {
        previous = logger.getLevel();
        setLevel(Level.ALL);
        logger.setLevel(Level.ALL);
        logger.addHandler(this);
    }

    /** Each record's formatted message, its parameters and its exception's messages, as one string. */
    public List<String> texts() {
        return records.stream().map(r -> {
            StringBuilder sb = new StringBuilder(String.valueOf(r.getMessage()));
            if (r.getParameters() != null) {
                for (Object p : r.getParameters()) {
                    sb.append(' ').append(p);
                }
            }
            for (Throwable t = r.getThrown(); t != null; t = t.getCause()) {
                sb.append(' ').append(t);
            }
            return sb.toString();
        }).toList();
    }

    @Override
    public void publish(LogRecord record) {
        records.add(record);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
        logger.setLevel(previous);
    }
}
