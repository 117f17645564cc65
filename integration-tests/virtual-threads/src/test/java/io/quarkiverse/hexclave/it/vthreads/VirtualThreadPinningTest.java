package io.quarkiverse.hexclave.it.vthreads;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkiverse.hexclave.runtime.devservices.SignedInUser;
import io.quarkiverse.hexclave.testing.HexclaveTestTokens;
import io.quarkiverse.hexclave.testing.TestHexclaveUser;
import io.quarkiverse.hexclave.testing.TestTeam;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Requests to the {@code @RunOnVirtualThread} endpoints, each blocking in a Hexclave call (the profile, the client, a
 * permission check with the permission cache off), on two carrier threads
 * ({@code -Djdk.virtualThreadScheduler.parallelism=2} in the POM), while JFR records {@code jdk.VirtualThreadPinned}
 * with threshold 0. Two phases, each recorded on its own:
 * <ol>
 * <li>the first request to each endpoint, one at a time, in an application started for this test alone: classes load
 * and initialize on virtual threads. No pin by our code (our frames on the stack and not merely the JDK loading a class
 * of others for a reflective call of ours: loading a class pins on JDK 25, whoever asks);</li>
 * <li>{@value #REQUESTS} requests, {@value #IN_FLIGHT} at a time: no pinned event has a frame of ours
 * ({@code io.quarkiverse.hexclave}), whatever the cause.</li>
 * </ol>
 * Every event, ours or others' (JDK, Quarkus, Vert.x), is listed in {@code target/virtual-thread-pinning.txt} and on
 * the console.
 * <p>
 * Runs on the JDK 25 of the machine image (compiler and Surefire {@code jvm} in the POM; the build fails without it).
 * Since JDK 24 (JEP 491) a {@code synchronized} block no longer pins, so what this can catch is the pinning JDK 25
 * still has: blocking under a native frame or in a class initializer. A control (a virtual thread blocking in a class
 * initializer) proves the recording sees pinning in this JVM, as in core's {@code ProfileOnVirtualThreadsPinningTest}.
 */
@QuarkusTest
@TestProfile(VirtualThreadPinningTest.Cold.class)
class VirtualThreadPinningTest {

    static final String PINNED = "jdk.VirtualThreadPinned";
    static final String OURS = "io.quarkiverse.hexclave";
    static final int REQUESTS = 400;
    static final int IN_FLIGHT = 32;

    @Inject
    HexclaveTestTokens tokens;

    @TestHTTPResource("/vt")
    URI vt;

    @Test
    @TestHexclaveUser(projectPermissions = "admin", teams = @TestTeam(name = "Acme", permissions = { "docs_read",
            "docs_write" }))
    void concurrentRequestsBlockingInHexclaveCallsPinNoCarrierInOurCode() throws Exception {
        requireJdk25();
        SignedInUser me = tokens.requireCurrent();
        String team = tokens.teamId("Acme");
        Map<String, String> expected = Map.of(
                "/profile", "virtual|" + me.displayName().orElseThrow(),
                "/users/" + me.userId(), "virtual|" + me.email().orElseThrow(),
                "/reports", "virtual|reports",
                "/teams/" + team + "/docs", "virtual|docs",
                "/teams/" + team + "/can-write", "virtual|true");
        List<String> paths = new ArrayList<>(expected.keySet());
        assertThat(REQUESTS).as("more requests in flight than carriers").isGreaterThan(IN_FLIGHT)
                .isGreaterThan(carriers());

        List<Answer> answers = new ArrayList<>();
        List<RecordedEvent> firstPinned;
        List<RecordedEvent> loadPinned;
        try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
                ExecutorService callers = Executors.newFixedThreadPool(IN_FLIGHT)) {
            // The first request to each endpoint, one at a time: classes load and initialize on virtual threads.
            firstPinned = recordPinning("first", () -> {
                for (String path : paths) {
                    answers.add(get(http, me, path));
                }
            });
            // Then many at once, each blocking in a Hexclave call.
            loadPinned = recordPinning("load", () -> {
                List<Future<Answer>> calls = new ArrayList<>();
                for (int i = 0; i < REQUESTS; i++) {
                    String path = paths.get(i % paths.size());
                    calls.add(callers.submit(() -> get(http, me, path)));
                }
                for (Future<Answer> call : calls) {
                    answers.add(call.get(60, TimeUnit.SECONDS));
                }
            });
        }

        assertThat(answers).hasSize(paths.size() + REQUESTS).allSatisfy(a -> {
            assertThat(a.status).as("status of %s", a.path).isEqualTo(200);
            assertThat(a.body).as("answer of %s", a.path).isEqualTo(expected.get(a.path));
        });
        List<RecordedEvent> oursFirst = firstPinned.stream()
                .filter(e -> hasOurFrame(e) && !loadingAClassOfOthers(e)).collect(Collectors.toList());
        List<RecordedEvent> oursUnderLoad = loadPinned.stream().filter(VirtualThreadPinningTest::hasOurFrame)
                .collect(Collectors.toList());
        report(firstPinned, loadPinned);
        assertThat(oursFirst).as("first requests: virtual threads pinned by our code:%n%s", describe(oursFirst))
                .isEmpty();
        assertThat(oursUnderLoad).as("under load: virtual threads pinned with our code on the stack:%n%s",
                describe(oursUnderLoad)).isEmpty();
    }

    @Test
    void theRecordingSeesPinningWhereItHappens() throws Exception {
        requireJdk25();
        try (ExecutorService virtual = Executors.newVirtualThreadPerTaskExecutor()) {
            List<RecordedEvent> pinned = recordPinning("control",
                    () -> virtual.submit(SlowToInitialise::touch).get(30, TimeUnit.SECONDS));
            assertThat(pinned).as("a virtual thread sleeping in a class initializer pins").isNotEmpty();
        }
    }

    /** Fails (does not skip) on another JVM: this module exists to run on JDK 25. */
    private static void requireJdk25() {
        assertThat(Runtime.version().feature())
                .as("these tests run on the JDK 25 at %s (Surefire's jvm in the POM)",
                        System.getProperty("hexclave.virtual-threads.jdk"))
                .isGreaterThanOrEqualTo(25);
    }

    private static int carriers() {
        return Integer.getInteger("jdk.virtualThreadScheduler.parallelism", Runtime.getRuntime().availableProcessors());
    }

    private Answer get(HttpClient http, SignedInUser user, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(vt + path))
                .header("Authorization", user.authorizationHeader()).timeout(Duration.ofSeconds(30)).GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(path, response.statusCode(), response.body());
    }

    /** The {@code jdk.VirtualThreadPinned} events (threshold 0, with stacks) recorded while {@code work} runs. */
    private static List<RecordedEvent> recordPinning(String name, Work work) throws Exception {
        try (Recording recording = new Recording()) {
            recording.enable(PINNED).withThreshold(Duration.ZERO).withStackTrace();
            recording.start();
            work.run();
            recording.stop();
            return pinnedEvents(recording, name);
        }
    }

    private static List<RecordedEvent> pinnedEvents(Recording recording, String name) throws IOException {
        Path file = Files.createTempFile("virtual-thread-pinning-" + name, ".jfr");
        try {
            recording.dump(file);
            return RecordingFile.readAllEvents(file).stream().filter(e -> e.getEventType().getName().equals(PINNED))
                    .collect(Collectors.toList());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static boolean hasOurFrame(RecordedEvent event) {
        return event.getStackTrace() != null && event.getStackTrace().getFrames().stream()
                .anyMatch(f -> f.getMethod().getType().getName().startsWith(OURS));
    }

    /**
     * A pin while the JDK loads or initializes a class that is not ours, on its first use, under a frame of ours (our
     * code reflecting on an annotation, say): the class loader or the initialization of another class is above our
     * frames. Not a class initializer of ours, nor anything of ours that blocks.
     */
    private static boolean loadingAClassOfOthers(RecordedEvent event) {
        if (event.hasField("pinnedReason") && String.valueOf(event.getString("pinnedReason")).contains(OURS)) {
            return false;
        }
        for (RecordedFrame frame : event.getStackTrace().getFrames()) {
            String type = frame.getMethod().getType().getName();
            String method = frame.getMethod().getName();
            if (type.startsWith(OURS)) {
                return false;
            }
            if (method.equals("loadClass") && type.endsWith("ClassLoader")
                    || type.equals("java.lang.Class") && method.equals("forName0")
                    || method.equals("ensureClassInitialized0")) {
                return true;
            }
        }
        return false;
    }

    /** Pinning by others is not ours to fix, but worth seeing: written beside the test reports and printed. */
    private static void report(List<RecordedEvent> first, List<RecordedEvent> load) throws IOException {
        String text = String.format("First request to each endpoint: %d jdk.VirtualThreadPinned events%n%s%n%n"
                + "%d requests, %d in flight, %d carriers: %d jdk.VirtualThreadPinned events%n%s%n", first.size(),
                describe(first), REQUESTS, IN_FLIGHT, carriers(), load.size(), describe(load));
        Path target = Path.of("target");
        if (Files.isDirectory(target)) {
            Files.writeString(target.resolve("virtual-thread-pinning.txt"), text);
        }
        System.out.println(text);
    }

    private static String describe(List<RecordedEvent> events) {
        Function<RecordedEvent, String> one = e -> "pinned " + e.getDuration().toNanos() / 1000 + " µs"
                + (e.hasField("pinnedReason") ? " (" + e.getString("pinnedReason") + ")" : "")
                + (e.getStackTrace() == null ? " (no stack)"
                        : e.getStackTrace().getFrames().stream().map(VirtualThreadPinningTest::frame)
                                .collect(Collectors.joining("\n  ", "\n  ", "")));
        return events.stream().map(one).collect(Collectors.joining("\n---\n"));
    }

    private static String frame(RecordedFrame f) {
        return f.getMethod().getType().getName() + "." + f.getMethod().getName() + ":" + f.getLineNumber();
    }

    record Answer(String path, int status, String body) {
    }

    @FunctionalInterface
    interface Work {
        void run() throws Exception;
    }

    /**
     * An application of its own (a test profile restarts Quarkus), so that the recording also covers the first
     * requests: the class initializers of our code run on virtual threads under it, whichever test class ran first.
     */
    public static final class Cold implements QuarkusTestProfile {
    }

    /** Blocks in its static initializer: a virtual thread that runs it pins its carrier (even on JDK 25). */
    static final class SlowToInitialise {
        static {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        static void touch() {
        }
    }
}
