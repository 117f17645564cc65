package io.quarkiverse.hexclave.it.jakarta;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * An external server process started by a test: output captured to a file, readiness awaited on a log line, stopped
 * by PID (destroy, wait, destroy forcibly) from {@link #stop()} and from a JVM shutdown hook, so that a failing or
 * interrupted test run leaves no server behind.
 * <p>
 * A server whose launcher is a script that forks the JVM (WildFly's {@code standalone.sh}) is started in a process
 * group of its own ({@code setsid}) and stopped by signalling that group by its id, which reaches the JVM too.
 */
final class ServerProcess {

    private static final long MB = 1024L * 1024L;

    private final String name;
    private final Process process;
    private final Path output;
    private final List<Path> extraLogs;
    private final boolean ownProcessGroup;
    private final Thread shutdownHook;

    private ServerProcess(String name, Process process, Path output, List<Path> extraLogs, boolean ownProcessGroup) {
        this.name = name;
        this.process = process;
        this.output = output;
        this.extraLogs = extraLogs;
        this.ownProcessGroup = ownProcessGroup;
        this.shutdownHook = new Thread(this::destroy, "stop " + name);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Starts {@code command} in {@code dir}, output (stdout and stderr) to {@code output}. */
    static ServerProcess start(String name, List<String> command, Path dir, Map<String, String> env, Path output,
            List<Path> extraLogs) {
        return start(name, command, dir, env, output, extraLogs, false);
    }

    /**
     * Starts {@code command} like {@link #start}, as the leader of a new process group (through {@code setsid}, which
     * execs in the process we hold, so its PID is the group id): {@link #stop()} signals the whole group.
     */
    static ServerProcess startInOwnProcessGroup(String name, List<String> command, Path dir, Map<String, String> env,
            Path output, List<Path> extraLogs) {
        List<String> inGroup = new ArrayList<>();
        inGroup.add("setsid");
        inGroup.addAll(command);
        return start(name, inGroup, dir, env, output, extraLogs, true);
    }

    /**
     * Runs a short-lived tool in its own process group to completion, failing with its output when it exits
     * with another status than 0 or takes longer than {@code timeout} (then its group is stopped).
     */
    static void runInOwnProcessGroup(String name, List<String> command, Path dir, Map<String, String> env, Path output,
            Duration timeout) {
        ServerProcess tool = startInOwnProcessGroup(name, command, dir, env, output, List.of());
        try {
            if (!tool.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                tool.stop();
                throw new IllegalStateException(name + " did not finish within " + timeout.toSeconds() + " s:\n"
                        + tool.logTail());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            tool.stop();
            throw new IllegalStateException("Interrupted while waiting for " + name);
        }
        tool.stop();
        if (tool.process.exitValue() != 0) {
            throw new IllegalStateException(name + " exited with " + tool.process.exitValue() + ":\n" + tool.logTail());
        }
    }

    private static ServerProcess start(String name, List<String> command, Path dir, Map<String, String> env,
            Path output, List<Path> extraLogs, boolean ownProcessGroup) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().putAll(env);
        try {
            return new ServerProcess(name, builder.start(), output, extraLogs, ownProcessGroup);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name + ": " + command, e);
        }
    }

    long pid() {
        return process.pid();
    }

    /**
     * Waits until {@code ready} holds for the log, failing at once when the process dies or {@code failed} holds,
     * or after {@code timeout}.
     */
    void awaitLog(Predicate<String> ready, Predicate<String> failed, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String log = log();
            if (ready.test(log)) {
                return;
            }
            if (failed.test(log)) {
                stop();
                throw new IllegalStateException(name + " failed to start the sample application:\n" + tail(log, 60));
            }
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " before it was ready:\n"
                        + tail(log, 60));
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop();
                throw new IllegalStateException("Interrupted while waiting for " + name);
            }
        }
        stop();
        throw new IllegalStateException(name + " was not ready within " + timeout.toSeconds() + " s:\n" + tail(log(), 60));
    }

    /** Console output and the extra log files, concatenated. */
    String log() {
        StringBuilder sb = new StringBuilder(read(output));
        for (Path p : extraLogs) {
            sb.append('\n').append(read(p));
        }
        return sb.toString();
    }

    String logTail() {
        return tail(log(), 40);
    }

    /** Stops the process by PID: a graceful destroy, then a forced one after 20 s. Idempotent. */
    void stop() {
        destroy();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook runs (or ran) destroy() anyway
        }
    }

    private void destroy() {
        if (ownProcessGroup) {
            destroyGroup();
            return;
        }
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /**
     * SIGTERM to the process group, up to 20 s for the group leader and the processes it started to end, then SIGKILL
     * to the group. The group id is the PID of the process we started.
     */
    private void destroyGroup() {
        List<ProcessHandle> members = new ArrayList<>(process.descendants().toList());
        members.add(process.toHandle());
        if (members.stream().noneMatch(ProcessHandle::isAlive)) {
            return;
        }
        signalGroup("TERM");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (members.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (members.stream().anyMatch(ProcessHandle::isAlive)) {
            signalGroup("KILL");
            members.forEach(ProcessHandle::destroyForcibly);
        }
    }

    private void signalGroup(String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, "--", "-" + process.pid())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            kill.waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not signal the process group of " + name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- helpers shared by the servers -------------------------------------------------------------------------

    /** A port that was free on 127.0.0.1 a moment ago. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on 127.0.0.1", e);
        }
    }

    /** Fails with a clear message when {@code dir}'s file system has less than {@code neededMb} free. */
    static void requireFreeSpace(Path dir, long neededMb, String forWhat) {
        try {
            Files.createDirectories(dir);
            long usable = Files.getFileStore(dir).getUsableSpace();
            if (usable < neededMb * MB) {
                throw new IllegalStateException("Not enough disk space for " + forWhat + ": " + (usable / MB)
                        + " MB usable under " + dir + ", " + neededMb + " MB needed. Free some space (e.g. `./mvnw clean` "
                        + "in other modules) and run again.");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Unzips {@code zip} into {@code target} once (a marker file records a complete unpack). */
    static void unzipOnce(Path zip, Path target, long neededMb) {
        Path marker = target.resolve(".unpacked-" + zip.getFileName());
        if (Files.exists(marker)) {
            return;
        }
        requireFreeSpace(target, neededMb, "unpacking " + zip.getFileName());
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null;) {
                Path to = target.resolve(entry.getName()).normalize();
                if (!to.startsWith(target)) {
                    throw new IllegalStateException("Zip entry outside the target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(to);
                } else {
                    Files.createDirectories(to.getParent());
                    Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Files.writeString(marker, zip.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not unpack " + zip, e);
        }
    }

    /** Copies the directory tree {@code from} to {@code to} (which must not exist yet). */
    static void copyTree(Path from, Path to) {
        try (var paths = Files.walk(from)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not copy " + from + " to " + to, e);
        }
    }

    static Path requiredFile(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank() || value.startsWith("${")) {
            throw new IllegalStateException("System property " + property + " is not set: run the tests with "
                    + "./mvnw verify -pl integration-tests/jakarta -am (failsafe passes it)");
        }
        Path path = Path.of(value);
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException(property + " points to a missing file: " + path);
        }
        return path;
    }

    static Path workDir(String name) {
        String base = System.getProperty("hexclave.it.work-dir", "target/servers");
        Path dir = Path.of(base).toAbsolutePath().resolve(name);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path p) {
        if (!Files.exists(p)) {
            return "";
        }
        try (InputStream in = Files.newInputStream(p)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static String tail(String log, int lines) {
        String[] all = log.split("\n");
        StringBuilder sb = new StringBuilder();
        for (int i = Math.max(0, all.length - lines); i < all.length; i++) {
            sb.append(all[i]).append('\n');
        }
        return sb.toString();
    }
}
