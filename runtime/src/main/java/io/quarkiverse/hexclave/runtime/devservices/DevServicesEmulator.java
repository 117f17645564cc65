package io.quarkiverse.hexclave.runtime.devservices;

import java.util.Objects;

/**
 * The Hexclave emulator that Dev Services started for this dev- or test-mode application. Available as a
 * {@code @Singleton} bean only when Dev Services started it (never in production); inject
 * {@code Instance<DevServicesEmulator>} to find out. It holds no secret: the secret server key is in the configuration
 * only; the publishable client key is public by design (a frontend's JS SDK sends it).
 *
 * @param apiUrl the emulator's origin, {@code http://127.0.0.1:<port>}, also published as {@code quarkus.hexclave.api-url}
 * @param projectId the emulated project, also published as {@code quarkus.hexclave.project-id}
 * @param publishableClientKey the emulated project's publishable client key, for a frontend's JS SDK
 * @param demoUserId the id of the seeded demo user
 * @param demoUserEmail the primary e-mail of the seeded demo user ({@code demo@example.com})
 */
public record DevServicesEmulator(String apiUrl, String projectId, String publishableClientKey, String demoUserId,
        String demoUserEmail) {

    public DevServicesEmulator {
        Objects.requireNonNull(apiUrl, "apiUrl");
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(publishableClientKey, "publishableClientKey");
        Objects.requireNonNull(demoUserId, "demoUserId");
        Objects.requireNonNull(demoUserEmail, "demoUserEmail");
    }
}
