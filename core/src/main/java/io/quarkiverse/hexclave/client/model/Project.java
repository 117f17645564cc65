package io.quarkiverse.hexclave.client.model;

import java.util.List;

/**
 * The project the client's credentials belong to ({@code GET /projects/current}).
 *
 * @param isDevelopmentEnvironment whether Hexclave runs it as a development environment
 * @param configWarnings warnings about the project's configuration, if any
 * @param pushedConfigError the error of the last configuration push, or {@code null}
 */
public record Project(String id, String displayName, boolean isDevelopmentEnvironment, List<ConfigMessage> configWarnings,
        ConfigMessage pushedConfigError) {

    public Project {
        configWarnings = configWarnings == null ? List.of() : List.copyOf(configWarnings);
    }

    /** A configuration warning or error. */
    public record ConfigMessage(String message) {
    }
}
