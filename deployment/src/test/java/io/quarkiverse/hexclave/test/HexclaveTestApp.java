package io.quarkiverse.hexclave.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.logging.LogRecord;

import org.jboss.shrinkwrap.api.spec.JavaArchive;

import io.quarkus.test.QuarkusUnitTest;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

/** A {@code QuarkusUnitTest} wired to the shared emulator, whose logs must never contain a token. */
final class HexclaveTestApp {

    private HexclaveTestApp() {
    }

    /**
     * An application made of {@code classes}, configured by {@code application-<scenario>.properties} plus the
     * emulator's URL and project id.
     */
    static QuarkusUnitTest create(String scenario, Class<?>... classes) {
        return create(scenario, logs -> {
        }, classes);
    }

    /** As {@link #create(String, Class...)}, with a further check of the application's log records. */
    static QuarkusUnitTest create(String scenario, Consumer<List<LogRecord>> logCheck, Class<?>... classes) {
        return create(scenario, logCheck, jar -> {
        }, classes);
    }

    /** As {@link #create(String, Class...)}, with more in the application archive (static files …). */
    static QuarkusUnitTest withArchive(String scenario, Consumer<JavaArchive> archive, Class<?>... classes) {
        return create(scenario, logs -> {
        }, archive, classes);
    }

    private static QuarkusUnitTest create(String scenario, Consumer<List<LogRecord>> logCheck,
            Consumer<JavaArchive> archive, Class<?>... classes) {
        return new QuarkusUnitTest()
                .withApplicationRoot(jar -> {
                    jar.addClasses(classes).addClasses(SharedEmulator.class, HostileToken.class, HexclaveTestApp.class)
                            .addAsResource("application-" + scenario + ".properties", "application.properties");
                    archive.accept(jar);
                })
                .overrideRuntimeConfigKey("quarkus.hexclave.api-url", SharedEmulator.apiUrl())
                .overrideRuntimeConfigKey("quarkus.hexclave.project-id", SharedEmulator.projectId())
                .setLogRecordPredicate(r -> true)
                .assertLogRecords(logs -> {
                    assertThat(logs).noneMatch(HexclaveTestApp::containsToken);
                    logCheck.accept(logs);
                });
    }

    /** Whether a log record shows a JWT (every Hexclave token starts with {@code eyJ}). */
    static boolean containsToken(LogRecord r) {
        String text = r.getMessage() + " " + Arrays.toString(r.getParameters())
                + (r.getThrown() == null ? "" : " " + r.getThrown());
        return text.contains("eyJ");
    }

    /** Repeats {@code call} for up to 10 s until it answers {@code status} (e.g. while a key fetch backs off). */
    static void untilStatus(int status, java.util.function.IntSupplier call) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (call.getAsInt() != status && System.nanoTime() < deadline) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * A request carrying the SDK's cookie pair for {@code accessToken}: the {@code hexclave-access} cookie and the
     * project's matching refresh cookie.
     */
    static RequestSpecification withSessionCookies(String accessToken) {
        String refresh = "refresh-token-1";
        String access = URLEncoder.encode("[\"" + refresh + "\",\"" + accessToken + "\"]", StandardCharsets.UTF_8);
        String refreshCookie = URLEncoder.encode("{\"refresh_token\":\"" + refresh + "\",\"updated_at_millis\":1}",
                StandardCharsets.UTF_8);
        return RestAssured.given().cookie("hexclave-access", access)
                .cookie("hexclave-refresh-" + SharedEmulator.projectId() + "--default", refreshCookie);
    }
}
