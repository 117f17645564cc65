package io.quarkiverse.hexclave.deployment.devservices;

import java.net.BindException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.BiConsumer;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import io.quarkiverse.hexclave.deployment.HexclaveBuildTimeConfig;
import io.quarkiverse.hexclave.emulator.EmulatedUser;
import io.quarkiverse.hexclave.emulator.HexclaveEmulator;
import io.quarkiverse.hexclave.runtime.devservices.DemoTokenLog;
import io.quarkiverse.hexclave.runtime.devservices.DevServicesEmulator;
import io.quarkiverse.hexclave.runtime.devservices.FrontendCoordinates;
import io.quarkiverse.hexclave.runtime.devservices.HexclaveDevServicesRecorder;
import io.quarkus.arc.deployment.AdditionalBeanBuildItem;
import io.quarkus.arc.deployment.SyntheticBeanBuildItem;
import io.quarkus.deployment.IsDevServicesSupportedByLaunchMode;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.BuildSteps;
import io.quarkus.deployment.annotations.ExecutionTime;
import io.quarkus.deployment.annotations.Record;
import io.quarkus.deployment.builditem.CuratedApplicationShutdownBuildItem;
import io.quarkus.deployment.builditem.DevServicesResultBuildItem;
import io.quarkus.deployment.builditem.LaunchModeBuildItem;
import io.quarkus.deployment.dev.devservices.DevServicesConfig;
import io.quarkus.runtime.LaunchMode;

/**
 * Dev Services for Hexclave: in dev and test mode, when no Hexclave is configured ({@code quarkus.hexclave.api-url}
 * and {@code HEXCLAVE_API_URL} unset), starts the embedded emulator in this JVM on a free loopback port, points the
 * application at it and seeds the demo user. No container: the emulator is a dependency of this deployment module
 * only, so it never reaches a production build.
 * <p>
 * The running emulator survives live reloads (a static holder; it is restarted only when its settings change) and is
 * closed with the curated application (end of dev mode or of the test run).
 */
@BuildSteps(onlyIf = { IsDevServicesSupportedByLaunchMode.class, DevServicesConfig.Enabled.class })
public class HexclaveDevServicesProcessor {

    private static final Logger LOG = Logger.getLogger(HexclaveDevServicesProcessor.class);

    static final String FEATURE = "hexclave";
    static final String API_URL = "quarkus.hexclave.api-url";
    static final String PROJECT_ID = "quarkus.hexclave.project-id";
    static final String SECRET_SERVER_KEY = "quarkus.hexclave.secret-server-key";
    static final String PUBLISHABLE_CLIENT_KEY = "quarkus.hexclave.publishable-client-key";

    /** The emulator and the settings it was started with; kept across live reloads. */
    private static volatile Running running;
    private static volatile boolean closeTaskRegistered;
    private static volatile boolean productionNoticeLogged;

    /** A started emulator with what decides whether a new build can keep it. */
    record Running(HexclaveEmulator emulator, EmulatedUser demoUser, Optional<String> requestedProjectId,
            OptionalInt requestedPort, Optional<String> requestedPublishableKey) {
    }

    @BuildStep
    void startEmulator(HexclaveBuildTimeConfig config, LaunchModeBuildItem launchMode,
            CuratedApplicationShutdownBuildItem shutdown,
            BuildProducer<DevServicesResultBuildItem> devServices,
            BuildProducer<HexclaveDevServicesBuildItem> emulatorInfo) {
        Config appConfig = ConfigProvider.getConfig();
        if (!config.enabled() || !config.devservices().enabled()) {
            LOG.debug("Hexclave Dev Services are disabled");
            stop();
            return;
        }
        Optional<String> apiUrl = firstOf(appConfig, API_URL, "hexclave.api-url");
        if (apiUrl.isPresent()) {
            // The configured URL is not echoed: a malformed one may carry user info (a password).
            LOG.debug("Hexclave Dev Services not started: a Hexclave is configured (api-url is set)");
            stop();
            return;
        }
        Optional<String> projectId = firstOf(appConfig, PROJECT_ID, "hexclave.project-id");
        // 0 is "a free port", as when unset
        OptionalInt port = config.devservices().port().stream().filter(p -> p != 0).findFirst();
        Optional<String> publishableKey = config.devservices().publishableClientKey().map(String::strip)
                .filter(k -> !k.isEmpty());

        boolean fresh = false;
        Running current = running;
        if (current != null && !(current.requestedProjectId().equals(projectId)
                && current.requestedPort().equals(port) && current.requestedPublishableKey().equals(publishableKey)
                && current.emulator().isRunning())) {
            LOG.info("Hexclave Dev Services: the emulator settings changed, restarting it");
            stop();
            current = null;
        }
        if (current == null) {
            current = start(projectId, port, publishableKey);
            running = current;
            fresh = true;
            registerCloseTask(shutdown);
        }

        HexclaveEmulator emulator = current.emulator();
        definePermissions(emulator, config.devservices());
        if (fresh) {
            logCoordinates(current, launchMode.getLaunchMode());
            if (!productionNoticeLogged) {
                productionNoticeLogged = true;
                LOG.info("Hexclave Dev Services: the emulator is for development and tests only (users in memory, "
                        + "anyone on this machine can mint tokens). It is not part of a production build: there, set "
                        + "quarkus.hexclave.project-id (and api-url for a self-hosted Hexclave), or the HEXCLAVE_* "
                        + "variables. Turn it off with quarkus.hexclave.devservices.enabled=false.");
            }
        }

        devServices.produce(DevServicesResultBuildItem.discovered()
                .name(FEATURE)
                .description("Embedded Hexclave emulator (in-process, " + emulator.apiUrl() + ")")
                .config(Map.of(
                        API_URL, emulator.apiUrl(),
                        PROJECT_ID, emulator.projectId(),
                        SECRET_SERVER_KEY, emulator.secretServerKey(),
                        PUBLISHABLE_CLIENT_KEY, emulator.publishableClientKey()))
                .build());
        emulatorInfo.produce(new HexclaveDevServicesBuildItem(emulator.apiUrl(), emulator.projectId(),
                emulator.publishableClientKey(), port.isPresent(), current.demoUser().id(),
                current.demoUser().primaryEmail(), fresh));
    }

    /** The {@link DevServicesEmulator} bean, and in dev mode the start-up log of a ready-to-paste curl command. */
    @BuildStep
    @Record(ExecutionTime.STATIC_INIT)
    void registerEmulatorBeans(Optional<HexclaveDevServicesBuildItem> emulator, HexclaveBuildTimeConfig config,
            LaunchModeBuildItem launchMode, HexclaveDevServicesRecorder recorder,
            BuildProducer<SyntheticBeanBuildItem> syntheticBeans, BuildProducer<AdditionalBeanBuildItem> beans) {
        if (emulator.isEmpty()) {
            return;
        }
        HexclaveDevServicesBuildItem e = emulator.get();
        syntheticBeans.produce(SyntheticBeanBuildItem.configure(DevServicesEmulator.class).scope(Singleton.class)
                .unremovable()
                .supplier(recorder.emulator(e.apiUrl(), e.projectId(), e.publishableClientKey(), e.demoUserId(),
                        e.demoUserEmail()))
                .done());
        if (launchMode.getLaunchMode() == LaunchMode.DEVELOPMENT && e.freshStart()) {
            syntheticBeans.produce(SyntheticBeanBuildItem.configure(DemoTokenLog.Settings.class)
                    .scope(Singleton.class).unremovable()
                    .supplier(recorder.demoTokenLog(config.devservices().demoRequestPath()))
                    .done());
            beans.produce(AdditionalBeanBuildItem.unremovableOf(DemoTokenLog.class));
        }
    }

    /**
     * Defines the configured permissions (idempotent: on every build, so a live reload picks up a change). Plain ids
     * first, then the containers, whose contained ids must exist.
     */
    static void definePermissions(HexclaveEmulator emulator, HexclaveDevServicesConfig config) {
        define(config.projectPermissions(), config.projectPermissionContains(), emulator::defineProjectPermission);
        define(config.teamPermissions(), config.teamPermissionContains(), emulator::defineTeamPermission);
    }

    private static void define(Optional<List<String>> ids, Map<String, List<String>> contains,
            BiConsumer<String, String[]> definer) {
        Set<String> plain = new LinkedHashSet<>(ids.orElse(List.of()));
        contains.forEach((id, contained) -> {
            plain.add(id);
            plain.addAll(contained);
        });
        try {
            plain.forEach(id -> definer.accept(id, new String[0]));
            contains.forEach((id, contained) -> definer.accept(id, contained.toArray(String[]::new)));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Hexclave Dev Services: quarkus.hexclave.devservices.*-permission* names "
                    + "an invalid permission: " + e.getMessage(), e);
        }
    }

    /**
     * The start-up line: where the emulator runs and, ready to paste into a frontend's {@code StackClientApp}, its
     * base URL, project id and publishable client key (public by design). Never the secret server key.
     */
    private static void logCoordinates(Running running, LaunchMode launchMode) {
        HexclaveEmulator emulator = running.emulator();
        FrontendCoordinates frontend = new FrontendCoordinates(emulator.apiUrl(), emulator.projectId(),
                Optional.of(emulator.publishableClientKey()));
        List<String> changing = new ArrayList<>();
        if (running.requestedPort().isEmpty()) {
            changing.add("the port (quarkus.hexclave.devservices.port)");
        }
        if (running.requestedProjectId().isEmpty()) {
            changing.add("the project id (quarkus.hexclave.project-id)");
        }
        if (running.requestedPublishableKey().isEmpty()) {
            changing.add("the key (quarkus.hexclave.devservices.publishable-client-key)");
        }
        LOG.infof("Hexclave Dev Services: the embedded Hexclave emulator runs at %s%s (demo user %s). A frontend signs "
                + "in against it with these StackClientApp options (@stackframe/js):%n%n%s%n%n%s",
                emulator.apiUrl(), launchMode == LaunchMode.TEST ? " for the tests" : "",
                running.demoUser().primaryEmail(), frontend.stackClientAppOptions().indent(4).stripTrailing(),
                changing.isEmpty() ? "They stay the same across restarts."
                        : "They change with every start unless fixed: " + String.join(", ", changing) + ".");
    }

    private static Running start(Optional<String> projectId, OptionalInt port, Optional<String> publishableKey) {
        if (port.isPresent() && (port.getAsInt() < 0 || port.getAsInt() > 65535)) {
            throw new IllegalStateException("Hexclave Dev Services: quarkus.hexclave.devservices.port must be a port "
                    + "number from 1 to 65535 (leave it unset, or 0, for a free port), not " + port.getAsInt());
        }
        HexclaveEmulator.Builder builder = HexclaveEmulator.builder();
        projectId.ifPresent(builder::projectId);
        port.ifPresent(builder::port);
        publishableKey.ifPresent(builder::publishableClientKey);
        HexclaveEmulator emulator = builder.build();
        try {
            emulator.start();
            return new Running(emulator, emulator.seedDemoUser(), projectId, port, publishableKey);
        } catch (RuntimeException e) {
            emulator.close();
            if (port.isPresent() && causedByBind(e)) {
                throw new IllegalStateException("Hexclave Dev Services could not start the embedded emulator: port "
                        + port.getAsInt() + " of 127.0.0.1 (quarkus.hexclave.devservices.port) is already in use. "
                        + "Stop what listens there (another dev mode of this application?), choose another port, or "
                        + "remove the setting to get a free port.", e);
            }
            throw new IllegalStateException("Hexclave Dev Services could not start the embedded emulator"
                    + port.stream().mapToObj(p -> " on port " + p + " (quarkus.hexclave.devservices.port)")
                            .findFirst().orElse("")
                    + ": " + e.getMessage(), e);
        }
    }

    private static boolean causedByBind(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException) {
                return true;
            }
        }
        return false;
    }

    private static void registerCloseTask(CuratedApplicationShutdownBuildItem shutdown) {
        if (closeTaskRegistered) {
            return;
        }
        closeTaskRegistered = true;
        shutdown.addCloseTask(() -> {
            stop();
            closeTaskRegistered = false;
        }, true);
    }

    private static synchronized void stop() {
        Running r = running;
        running = null;
        if (r != null) {
            r.emulator().close();
            LOG.debug("Hexclave Dev Services: the emulator is stopped");
        }
    }

    private static Optional<String> firstOf(Config config, String... names) {
        for (String name : names) {
            Optional<String> value = config.getOptionalValue(name, String.class).map(String::strip)
                    .filter(v -> !v.isEmpty());
            if (value.isPresent()) {
                return value;
            }
        }
        return Optional.empty();
    }
}
