package io.quarkiverse.hexclave.deployment.devservices;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import io.quarkus.runtime.annotations.ConfigDocMapKey;
import io.quarkus.runtime.annotations.ConfigGroup;
import io.smallrye.config.WithDefault;

/**
 * Dev Services for Hexclave: the embedded Hexclave emulator, started in dev and test mode when no Hexclave is
 * configured.
 */
@ConfigGroup
public interface HexclaveDevServicesConfig {

    /**
     * Whether to start the embedded Hexclave emulator in dev and test mode. It starts only when neither
     * {@code quarkus.hexclave.api-url} nor {@code HEXCLAVE_API_URL} is set; the application is then pointed at it
     * ({@code api-url}, {@code project-id}, {@code secret-server-key} and {@code publishable-client-key} are set for
     * you) and a demo user {@code demo@example.com} is created. Set it to {@code false} to use a real Hexclave only.
     * The emulator never runs in a production build: it is not even on the application's class path.
     */
    @WithDefault("true")
    boolean enabled();

    /**
     * The port of the emulator on 127.0.0.1. By default a free port is chosen, a new one at every start of dev mode.
     * Fix it when something outside the application, a frontend dev server (Vite, Next.js) say, has to find the
     * emulator at a known address: its base URL is then {@code http://127.0.0.1:<port>}. If the port is taken, the
     * start fails and says so.
     */
    OptionalInt port();

    /**
     * The publishable client key of the emulated project, the {@code publishableClientKey} a frontend's JS SDK sends
     * (not a secret). By default a new random {@code pck_emulator_…} at every start of the emulator; fix it, with
     * {@code port} and {@code quarkus.hexclave.project-id}, so that a frontend's configuration stays valid across
     * restarts of dev mode.
     */
    Optional<String> publishableClientKey();

    /**
     * The path of the ready-to-paste {@code curl} command that dev mode logs at start, with a freshly minted token
     * of the demo user: point it at one of your protected endpoints.
     */
    @WithDefault("/")
    String demoRequestPath();

    /**
     * Project permissions the emulator defines (Hexclave defines them in its dashboard), so that they can be granted in
     * dev mode and by {@code @TestHexclaveUser(projectPermissions = …)}. Which permission contains which:
     * {@code project-permission-contains}.
     */
    Optional<List<String>> projectPermissions();

    /**
     * For each project permission, the project permissions it contains (holding it means holding them), e.g.
     * {@code quarkus.hexclave.devservices.project-permission-contains.admin=reports_read,auditor}. Each named
     * permission is defined too.
     */
    @ConfigDocMapKey("permission-id")
    Map<String, List<String>> projectPermissionContains();

    /**
     * Team permissions the emulator defines besides Hexclave's system permissions ({@code $update_team} …), so that
     * they can be granted in dev mode and by {@code @TestHexclaveUser(teams = …)}.
     */
    Optional<List<String>> teamPermissions();

    /**
     * For each team permission, the team permissions it contains, e.g.
     * {@code quarkus.hexclave.devservices.team-permission-contains.docs_admin=docs_read,docs_write}.
     */
    @ConfigDocMapKey("permission-id")
    Map<String, List<String>> teamPermissionContains();
}
