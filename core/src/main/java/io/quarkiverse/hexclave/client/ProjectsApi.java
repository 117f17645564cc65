package io.quarkiverse.hexclave.client;

import java.util.concurrent.CompletionStage;

import io.quarkiverse.hexclave.client.model.Project;

/**
 * The project the client's credentials belong to ({@code GET /projects/current}); server access when a secret server
 * key is configured, else client access. A cheap way to check the configured credentials at start-up: wrong keys give
 * a {@link io.quarkiverse.hexclave.client.error.ProjectAuthenticationException}.
 */
public final class ProjectsApi {

    private final RequestSender sender;

    ProjectsApi(RequestSender sender) {
        this.sender = sender;
    }

    /** The current project ({@code GET /projects/current}). */
    public CompletionStage<Project> currentAsync() {
        return RequestSender.guard(() -> sender.send(ApiCall.of("GET", "/projects/current", Access.SERVER_IF_CONFIGURED))
                .thenApply(r -> Json.read(r, Project.class)));
    }

    /** The current project ({@code GET /projects/current}). */
    public Project current() {
        return sender.blocking(() -> currentAsync());
    }
}
