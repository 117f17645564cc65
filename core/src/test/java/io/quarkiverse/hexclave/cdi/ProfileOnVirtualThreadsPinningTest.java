package io.quarkiverse.hexclave.cdi;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.quarkiverse.hexclave.client.HexclaveStub.USER_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.quarkiverse.hexclave.client.HexclaveClient;
import io.quarkiverse.hexclave.client.HexclaveStub;
import io.quarkiverse.hexclave.client.model.User;

import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * {@link CurrentHexclaveUser#profile()} called by many virtual threads at once, while the one HTTP call to a slow
 * loopback Hexclave stub is in flight, pins no carrier thread: JFR records no {@code jdk.VirtualThreadPinned} event
 * (threshold 0), and exactly one HTTP call is made.
 * <p>
 * It runs in its own Surefire execution ({@code virtual-thread-pinning} in core's POM) on the JDK 25 of the machine
 * image ({@value #JDK25_JAVA}); the code is compiled for Java 17, so virtual threads are reached by reflection. It is
 * skipped, with a message, only where that JDK is missing (the execution then falls back to Maven's own JDK, which
 * may have no virtual threads).
 * <p>
 * What it proves, honestly: since JDK 24 (JEP 491) a virtual thread blocked in {@code synchronized} no longer pins its
 * carrier, so on JDK 25 this test cannot catch the monitor held across an HTTP call that {@code profile()} once had
 * (that pinned on JDK 21–23; the fix, a shared future with no monitor, is what {@code profile()}'s Javadoc
 * describes). It guards against the pinning JDK 25 still has (blocking under a native frame or in a class
 * initializer, e.g. inside the HTTP stack) and documents that the whole path, {@code profile()} through the JDK
 * transport, parks cleanly. A control task that does pin (blocking in a class initializer) proves the recording sees
 * pinning in this JVM, so an empty result is not an unobservant recording.
 */
class ProfileOnVirtualThreadsPinningTest {

    static final String JDK25_JAVA = "/usr/lib/jvm/temurin-25-jdk-amd64/bin/java";
    static final String PINNED = "jdk.VirtualThreadPinned";
    static final int CALLERS = 200;

    @TempDir
    Path dir;

    @Test
    void concurrentProfileCallsOnVirtualThreadsPinNothingAndCallHexclaveOnce() throws Exception {
        assumeVirtualThreads();
        try (HexclaveStub hexclave = new HexclaveStub(); HexclaveClient client = hexclave.uncheckedClient()) {
            hexclave.server.stubFor(get("/api/v1/users/" + USER_ID)
                    .willReturn(HexclaveStub.json(200, HexclaveStub.userJson()).withFixedDelay(500)));
            CurrentHexclaveUser current = CurrentHexclaveUser.of(
                    CurrentHexclaveUserTest.principal(USER_ID), client, null);

            List<RecordedEvent> pinned;
            List<User> profiles = new ArrayList<>();
            ExecutorService virtual = virtualThreadPerTask();
            try (Recording recording = new Recording()) {
                recording.enable(PINNED).withThreshold(Duration.ZERO).withStackTrace();
                recording.start();

                List<Future<User>> calls = new ArrayList<>();
                for (int i = 0; i < CALLERS; i++) {
                    calls.add(virtual.submit((Callable<User>) current::profile));
                }
                for (Future<User> call : calls) {
                    profiles.add(call.get(30, TimeUnit.SECONDS));
                }
                recording.stop();
                pinned = events(recording, "profile");
            } finally {
                virtual.shutdownNow();
            }

            assertThat(profiles).hasSize(CALLERS).allSatisfy(p -> assertThat(p.id()).isEqualTo(USER_ID));
            assertThat(pinned).as("virtual threads pinned in profile():%n%s", describe(pinned)).isEmpty();
            hexclave.server.verify(1, getRequestedFor(urlEqualTo("/api/v1/users/" + USER_ID)));
        }
    }

    @Test
    void theRecordingSeesPinningWhereItHappens() throws Exception {
        assumeVirtualThreads();
        ExecutorService virtual = virtualThreadPerTask();
        try (Recording recording = new Recording()) {
            recording.enable(PINNED).withThreshold(Duration.ZERO).withStackTrace();
            recording.start();
            virtual.submit(SlowToInitialise::touch).get(30, TimeUnit.SECONDS);
            recording.stop();
            assertThat(events(recording, "control")).as("a virtual thread sleeping in a class initializer pins")
                    .isNotEmpty();
        } finally {
            virtual.shutdownNow();
        }
    }

    /**
     * Skips only where the JDK 25 is missing. In the {@code virtual-thread-pinning} execution (which sets
     * {@code hexclave.pinning.execution}) a JVM without virtual threads is a failure; run elsewhere (an IDE, or
     * {@code -Dtest=} on Maven's JDK 17) the test skips itself on such a JVM, naming the execution to use.
     */
    private static void assumeVirtualThreads() {
        assumeTrue(Files.isExecutable(Path.of(JDK25_JAVA)),
                "JDK 25 missing at " + JDK25_JAVA + ": the virtual-thread pinning test needs it");
        if (Boolean.getBoolean("hexclave.pinning.execution")) {
            assertThat(Runtime.version().feature()).as("the pinning execution runs on " + JDK25_JAVA)
                    .isGreaterThanOrEqualTo(21);
        } else {
            assumeTrue(Runtime.version().feature() >= 21, "Java " + Runtime.version().feature()
                    + " has no virtual threads: core's virtual-thread-pinning execution runs this test on " + JDK25_JAVA);
        }
    }

    /** {@code Executors.newVirtualThreadPerTaskExecutor()} (JDK 21+), by reflection: this code is built for 17. */
    private static ExecutorService virtualThreadPerTask() throws ReflectiveOperationException {
        return (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
    }

    private List<RecordedEvent> events(Recording recording, String name) throws Exception {
        Path file = dir.resolve(name + ".jfr");
        recording.dump(file);
        return RecordingFile.readAllEvents(file).stream().filter(e -> e.getEventType().getName().equals(PINNED))
                .collect(Collectors.toList());
    }

    private static String describe(List<RecordedEvent> events) {
        return events.stream().map(e -> e.getStackTrace() == null ? "(no stack)"
                : e.getStackTrace().getFrames().stream().map(RecordedFrame::getMethod)
                        .map(m -> m.getType().getName() + "." + m.getName()).collect(Collectors.joining("\n  ")))
                .collect(Collectors.joining("\n---\n"));
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
