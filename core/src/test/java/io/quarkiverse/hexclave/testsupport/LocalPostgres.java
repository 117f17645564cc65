package io.quarkiverse.hexclave.testsupport;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throw-away PostgreSQL server for tests: {@code initdb} into a temporary directory, started with {@code pg_ctl} on
 * 127.0.0.1 and a free port (trust authentication, loopback only, no Unix socket outside the directory), stopped by
 * the PID of its postmaster and deleted on {@link #close()}. Uses the binaries of Debian's {@code postgresql} package
 * ({@code /usr/lib/postgresql/<version>/bin}); when running as root (containers, CI), the server runs as the
 * {@code postgres} user through {@code runuser}, since PostgreSQL refuses to run as root.
 */
public final class LocalPostgres implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final Path bin;
    private final Path dir;
    private final int port;
    private final boolean asPostgresUser;
    private long pid = -1;

    private LocalPostgres(Path bin, Path dir, int port, boolean asPostgresUser) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
        this.asPostgresUser = asPostgresUser;
    }

    /** The directory of the newest installed PostgreSQL's binaries, if any. */
    public static Optional<Path> binaries() {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
                    .max(Comparator.comparing(b -> versionOf(b.getParent().getFileName().toString())));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static int versionOf(String name) {
        try {
            return Integer.parseInt(name.replaceAll("[^0-9].*", ""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Initialises and starts a server with the binaries in {@code bin}. */
    public static LocalPostgres start(Path bin) throws IOException, InterruptedException {
        boolean root = "root".equals(System.getProperty("user.name"));
        Path dir = Files.createTempDirectory("hexclave-pg-");
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        LocalPostgres pg = new LocalPostgres(bin, dir, port, root);
        try {
            if (root) {
                run(List.of("chown", "postgres", dir.toString()), dir);
            }
            pg.run("initdb", "-D", dir.resolve("data").toString(), "-U", "postgres", "--auth=trust", "-E", "UTF8",
                    "--no-sync");
            pg.run("pg_ctl", "-D", dir.resolve("data").toString(), "-w", "-t", "60", "-l",
                    dir.resolve("server.log").toString(), "-o",
                    "-p " + port + " -h 127.0.0.1 -k " + dir + " -c fsync=off", "start");
            pg.pid = Long.parseLong(Files.readAllLines(dir.resolve("data/postmaster.pid"), StandardCharsets.UTF_8)
                    .get(0).strip());
            return pg;
        } catch (IOException | RuntimeException | InterruptedException e) {
            pg.close();
            throw e;
        }
    }

    /** A connection as the superuser {@code postgres}. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres");
    }

    private void run(String tool, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (asPostgresUser) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(bin.resolve(tool).toString());
        command.addAll(List.of(args));
        run(command, dir);
    }

    private static void run(List<String> command, Path dir) throws IOException, InterruptedException {
        Path out = Files.createTempFile("hexclave-pg-cmd", ".log");
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(out.toFile()).start();
            if (!p.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(command.get(0) + " did not finish in " + TIMEOUT);
            }
            if (p.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed (" + p.exitValue() + "): "
                        + Files.readString(out, StandardCharsets.UTF_8));
            }
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /** Stops the server by its postmaster's PID (fast shutdown: SIGINT, then SIGKILL) and deletes its directory. */
    @Override
    public void close() {
        if (pid > 0) {
            Optional<ProcessHandle> postmaster = ProcessHandle.of(pid);
            postmaster.ifPresent(h -> {
                try {
                    new ProcessBuilder("kill", "-INT", Long.toString(pid)).start().waitFor(10, TimeUnit.SECONDS);
                    h.onExit().get(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                    h.destroyForcibly();
                }
            });
            pid = -1;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind
        }
    }
}
