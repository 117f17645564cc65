package io.quarkiverse.hexclave.runtime.devservices;

import java.util.Objects;

/**
 * The Hexclave emulator that Dev Services started for this dev- or test-mode application. Available as a
 * {@code @Singleton} bean only when Dev Services started it (never in production); inject
 * {@code Instance<DevServicesEmulator>} to find out. It holds no secret: the keys are in the configuration.
 *
 * @param apiUrl the emulator's origin, {@code http://127.0.0.1:<port>}, also published as {@code quarkus.hexclave.api-url}
 * @param projectId the emulated project, also published as {@code quarkus.hexclave.project-id}
 * @param demoUserId the id of the seeded demo user
 * @param demoUserEmail the primary e-mail of the seeded demo user ({@code demo@example.com})
 */
public record DevServicesEmulator(String apiUrl, String projectId, String demoUserId, String demoUserEmail) {

    public DevServicesEmulator {
        Objects.requireNonNull(apiUrl, "apiUrl");
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(demoUserId, "demoUserId");
        Objects.requireNonNull(demoUserEmail, "demoUserEmail");
    }
}
